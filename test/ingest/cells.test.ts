import { describe, expect, it } from 'vitest';
import { cellValue } from '../../src/ingest/cells.js';

describe('cellValue', () => {
  it('unwraps the ="…" Excel text formula around long numbers', () => {
    expect(cellValue('="2845123456789"')).toBe('2845123456789');
    expect(cellValue(' ="13812345678" ')).toBe('13812345678');
    expect(cellValue('="44030119900101123X"')).toBe('44030119900101123X');
    expect(cellValue('=""')).toBe('');
  });
  it('leaves everything else as it was, trimmed', () => {
    expect(cellValue('  张伟 ')).toBe('张伟');
    expect(cellValue('=A1+B1')).toBe('=A1+B1');
    expect(cellValue('="a"&"b"')).toBe('="a"&"b"');
    expect(cellValue('a="b"')).toBe('a="b"');
    expect(cellValue(undefined)).toBe('');
  });
});
