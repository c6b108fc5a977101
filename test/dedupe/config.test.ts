import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultDedupeConfig, section, yamlDoc } from '../../src/dedupe/config.js';

describe('dedupe config', () => {
  it('the commented YAML states exactly the defaults', () => {
    const fromYaml = section.parse((parse(yamlDoc) as { dedupe: unknown }).dedupe);
    expect(fromYaml).toEqual(defaultDedupeConfig());
    expect(section.parse(undefined)).toEqual(defaultDedupeConfig());
  });
  it('rejects a review threshold above the match threshold and unknown rules', () => {
    expect(() => section.parse({ match: 0.8, review: 0.9 })).toThrow(/review must not be above match/);
    expect(() => section.parse({ blocking: { rules: ['phone', 'shoeSize'] } })).toThrow();
  });
});
