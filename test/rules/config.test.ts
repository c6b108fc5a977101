import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as rules from '../../src/rules/config.js';
import * as service from '../../src/service/config.js';

const issues = (input: unknown) => rules.section.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('rules section of custops.yaml', () => {
  it('documents exactly the defaults in its commented YAML', () => {
    expect(rules.section.parse(parse(rules.yamlDoc).rules)).toEqual(rules.defaultRulesConfig());
    expect(rules.defaultRulesConfig().list.map((r) => [r.id, r.kind, r.action, r.due])).toEqual([
      ['contract-renewal', 'contract_end', 'renewal', '7d'],
      ['win-back', 'no_order', 'win_back', '14d'],
      ['segment-activity-drop', 'activity_drop', 'retention', '7d'],
      ['customer-activity-drop', 'activity_drop', 'retention', '7d'],
      ['complaint', 'complaint', 'respond', '48h'],
      ['tier-downgrade', 'tier_change', 'review', '7d'],
    ]);
    expect(rules.defaultRulesConfig().kpi).toEqual({ period_months: 3, repurchase_months: 12 });
  });

  it('validates conditions against the fields of the rule’s kind, naming the rule', () => {
    expect(issues({ list: [{ id: 'x', kind: 'no_order', when: 'nps <= 6', action: 'a', due: '1d' }] })).toEqual([
      ['list.0.when', expect.stringMatching(/unknown field nps; known fields: tier, tier_en/)],
    ]);
    expect(issues({ list: [{ id: 'x', kind: 'complaint', when: 'nps <= 6 or', action: 'a', due: '1d' }] })?.[0][0]).toBe('list.0.when');
    // A segment rule reads segment fields, a customer rule customer fields.
    expect(issues({ list: [{ id: 'x', kind: 'activity_drop', scope: 'segment', when: 'tier == "A" and declining_weeks >= 3', action: 'a', due: '1d' }] })?.[0][0]).toBe('list.0.when');
    expect(issues({ list: [{ id: 'x', kind: 'activity_drop', scope: 'segment', when: 'segment == "A" and declining_weeks >= 3', action: 'a', due: '1d' }] })).toBeUndefined();
  });

  it('rejects unknown kinds and keys, bad windows and durations, duplicate ids', () => {
    expect(issues({ list: [{ id: 'x', kind: 'birthday', when: 'x', action: 'a', due: '1d' }] })).toEqual([['list.0.kind', expect.stringMatching(/kind must be one of contract_end, no_order/)]]);
    expect(issues({ list: [{ id: 'x', kind: 'no_order', when: 'paid_orders > 0', action: 'a', due: '1d', window: '2w' }] })?.[0][1]).toMatch(/window/);
    expect(issues({ list: [{ id: 'x', kind: 'activity_drop', when: 'declining_weeks >= 3', action: 'a', due: '1d', window: '10d' }] })?.[0]).toEqual(['list.0.window', expect.stringMatching(/whole weeks/)]);
    expect(issues({ list: [{ id: 'x', kind: 'tier_change', when: 'tiers_down >= 1', action: 'a', due: '1d', window: '30d' }] })?.[0]).toEqual(['list.0.window', expect.stringMatching(/whole months/)]);
    expect(issues({ list: [{ id: 'x', kind: 'no_order', when: 'paid_orders > 0', action: 'a', due: 'soon' }] })?.[0]).toEqual(['list.0.due', expect.stringMatching(/bad duration/)]);
    expect(issues({ list: [{ id: 'bad id', kind: 'no_order', when: 'paid_orders > 0', action: 'a', due: '1d' }] })?.[0][0]).toBe('list.0.id');
    const dup = { id: 'x', kind: 'no_order', when: 'paid_orders > 0', action: 'a', due: '1d' };
    expect(issues({ list: [dup, dup] })).toEqual([['list.1.id', 'duplicate rule id x']]);
    expect(issues({ list: [{ ...dup, min_drop: 0.1 }] })?.[0][0]).toBe('list.0');
  });
});

describe('service section of custops.yaml', () => {
  it('documents exactly the defaults in its commented YAML', () => {
    const d = service.defaultServiceConfig();
    expect(service.section.parse(parse(service.yamlDoc).service)).toEqual(d);
    expect(d.timezone).toBe('Asia/Shanghai');
    expect(d.working_hours).toEqual({ days: [1, 2, 3, 4, 5], hours: ['09:00-18:00'] });
    expect(d.levels.map((l) => [l.name, l.first_response, l.resolution, l.clock])).toEqual([
      ['strategic', '15m', '2h', 'calendar'],
      ['key', '1h', '24h', 'calendar'],
      ['standard', '4h', undefined, 'working'],
    ]);
  });

  it('rejects bad zones, hours, days and targets with the key', () => {
    const path = (input: unknown) => service.section.safeParse(input).error?.issues[0].path.join('.');
    expect(path({ timezone: 'Mars/Olympus' })).toBe('timezone');
    expect(path({ working_hours: { hours: ['9-18'] } })).toBe('working_hours.hours.0');
    expect(path({ working_hours: { hours: ['18:00-09:00'] } })).toBe('working_hours.hours');
    expect(path({ working_hours: { hours: ['09:00-13:00', '12:00-18:00'] } })).toBe('working_hours.hours');
    expect(path({ working_hours: { days: [0] } })).toBe('working_hours.days.0');
    expect(path({ holidays: ['2025-02-30'] })).toBe('holidays.0');
    expect(path({ holidays: ['2025-10-08..2025-10-01'] })).toBe('holidays.0');
    expect(path({ levels: [{ name: 'x', first_response: '1mo' }] })).toBe('levels.0.first_response');
    expect(path({ levels: [] })).toBe('levels');
  });
});
