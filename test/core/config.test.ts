import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultConfigYaml, parseConfig } from '../../src/config.js';

describe('custops.yaml', () => {
  it('the commented file written by init parses back to the defaults', () => {
    expect(parseConfig(defaultConfigYaml())).toEqual(defaultConfig());
  });

  it('an empty file means every default', () => {
    expect(parseConfig('')).toEqual(defaultConfig());
  });

  it('names the line and key of a wrong value', () => {
    expect(() => parseConfig('ingest:\n  batch_size: 5\n', 'my.yaml')).toThrow(/my\.yaml:2: ingest\.batch_size/);
  });

  it('rejects unknown keys instead of ignoring a typo', () => {
    expect(() => parseConfig('ingest:\n  link_bye: [phone]\n')).toThrow(/ingest/);
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(() => parseConfig('ingest:\n  link_by: [phone\n', 'c.yaml')).toThrow(/c\.yaml:\d+:\d+/);
  });
});
