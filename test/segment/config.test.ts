import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultSegmentConfig, rfmRules, section, yamlDoc } from '../../src/segment/config.js';
import { RFM_PRESETS } from '../../src/segment/rfm.js';

describe('segment config', () => {
  it('has a default for every threshold', () => {
    const c = defaultSegmentConfig();
    expect(c.exclude_status).toEqual(['cancelled', 'refunded']);
    expect(c.rfm).toEqual({ preset: 'standard', min_sample: 50 });
    expect(c.lifecycle).toEqual({ new_days: 90, active_days: 90, churn_days: 365, warning_months: 3, warn_churned: false });
    expect(c.clv.time_unit).toBe('week');
    expect(Object.keys(c.tiers)).toEqual(['value', 'loyalty']);
    expect(rfmRules(c)).toEqual(RFM_PRESETS.standard);
  });

  it('documents exactly the defaults in its commented YAML', () => {
    const fromDoc = section.parse(parse(yamlDoc).segment);
    expect(fromDoc).toEqual(defaultSegmentConfig());
  });

  it('fills a partial section and reads custom RFM rules', () => {
    const c = section.parse({ lifecycle: { warning_months: 2 }, rfm: { rules: [{ name: 'vip', r: '4-5', m: 5 }] } });
    expect(c.lifecycle.warning_months).toBe(2);
    expect(c.lifecycle.churn_days).toBe(365);
    expect(rfmRules(c)).toEqual([{ name: 'vip', r: [4, 5], f: [1, 5], m: [5, 5], label: undefined, action: undefined }]);
  });

  it('rejects a bad tier condition at the rule', () => {
    const r = section.safeParse({ tiers: { value: { rules: [{ name: 'A', when: 'spend >>= 1' }] } } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['tiers', 'value', 'rules', 0, 'when']);
    expect(r.error?.issues[0].message).toMatch(/bad condition/);
  });

  it('rejects inconsistent thresholds', () => {
    expect(section.safeParse({ lifecycle: { active_days: 400 } }).success).toBe(false);
    expect(section.safeParse({ pareto: { a_share: 0.95 } }).success).toBe(false);
    expect(section.safeParse({ rfm: { rules: [{ name: 'x', r: '6' }] } }).success).toBe(false);
  });
});
