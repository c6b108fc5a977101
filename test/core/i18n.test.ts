import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/output/i18n.js';

const t = createTranslator({
  en: { rejected: '{n} {n|row was|rows were} rejected', plain: 'customer {id}' },
  zh: { rejected: '有 {n} 行被拒绝', plain: '客户 {id}' },
});

describe('messages', () => {
  it('fill placeholders and pick the word for a count', () => {
    expect(t('en', 'rejected', { n: 1 })).toBe('1 row was rejected');
    expect(t('en', 'rejected', { n: 2 })).toBe('2 rows were rejected');
    expect(t('en', 'rejected', { n: 0 })).toBe('0 rows were rejected');
    expect(t('zh', 'rejected', { n: 1 })).toBe('有 1 行被拒绝');
    expect(t('en', 'plain', { id: 7 })).toBe('customer 7');
  });
  it('leave a placeholder without a value as it is', () => {
    expect(t('en', 'rejected', {})).toBe('{n} {n|row was|rows were} rejected');
  });
});
