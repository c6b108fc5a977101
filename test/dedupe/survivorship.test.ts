import { describe, expect, it } from 'vitest';
import { goldenRecord } from '../../src/dedupe/survivorship.js';
import type { MatchRecord } from '../../src/dedupe/types.js';

const members: MatchRecord[] = [
  { id: 1, name: '张伟', phone: '+8613800000001', email: null, city: '北京', address: '朝阳路1号', sourceId: 1, updatedAt: '2024-01-01' },
  { id: 2, name: '張偉', phone: '+8613800000002', email: 'zw@qq.com', city: '北京', address: null, sourceId: 2, updatedAt: '2024-06-01' },
  { id: 3, name: '张伟', phone: null, email: null, city: '北京市', address: '北京市朝阳区朝阳路1号', sourceId: 3, updatedAt: '2023-01-01' },
];

describe('survivorship', () => {
  it('most recent non-empty value wins by default for most_recent', () => {
    const g = goldenRecord(members, { default: 'most_recent', fields: {}, source_priority: [] });
    expect(g.values.phone).toBe('+8613800000002');
    expect(g.values.address).toBe('朝阳路1号'); // the newest record has none
    expect(g.from.address).toBe(1);
    expect(g.values.email).toBe('zw@qq.com');
    expect(g.members).toEqual([1, 2, 3]);
  });
  it('most frequent, most complete and source priority per field', () => {
    const g = goldenRecord(
      members,
      { default: 'most_frequent', fields: { address: 'most_complete', phone: 'source_priority' }, source_priority: ['crm', 'shop'] },
      (id) => ({ 1: 'shop', 2: 'web', 3: 'crm' })[id as 1 | 2 | 3],
    );
    expect(g.values.name).toBe('张伟');
    expect(g.values.city).toBe('北京');
    expect(g.values.address).toBe('北京市朝阳区朝阳路1号');
    expect(g.values.phone).toBe('+8613800000001'); // crm has no phone, shop is next
    expect(g.values.birthDate).toBeNull();
    expect(g.from.birthDate).toBeNull();
  });
});
