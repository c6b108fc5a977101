import { describe, expect, it } from 'vitest';
import { PairBuffer, generatePairs, rulesSharing } from '../../src/dedupe/blocking.js';
import { DEFAULT_RULES } from '../../src/dedupe/config.js';
import { prepareRecords } from '../../src/dedupe/prepare.js';
import type { MatchRecord } from '../../src/dedupe/types.js';

function pairsOf(records: MatchRecord[], rules: string[], maxBlockSize = 50, window = 5): Set<string> {
  const p = prepareRecords(records);
  const out: string[] = [];
  generatePairs(p, { rules, maxBlockSize, window, trainingSample: 1000, seed: 1 }, (i, j) => out.push(`${p.ids[i]}-${p.ids[j]}`));
  const set = new Set(out);
  expect(set.size).toBe(out.length); // each pair once, across rules
  return set;
}

describe('blocking', () => {
  it('pairs records sharing a phone, an e-mail or a pinyin name', () => {
    const records: MatchRecord[] = [
      { id: 1, name: '张伟', phone: '+8613812345678', city: '北京' },
      { id: 2, name: '張偉', phone: '+8613812345678' },
      { id: 3, name: 'Wei Zhang', city: '上海', email: 'w@x.cn' },
      { id: 4, name: '李娜', email: 'w@x.cn' },
      { id: 5, name: '王芳', city: '广州' },
    ];
    const pairs = pairsOf(records, ['phone', 'email', 'namePinyin']);
    expect([...pairs].sort()).toEqual(['1-2', '1-3', '2-3', '3-4']);
  });

  it('explains which rules put two records together', () => {
    const p = prepareRecords([
      { id: 1, name: '张伟', phone: '+8613812345678', city: '北京' },
      { id: 2, name: '張偉', phone: '+8613812345678', city: '北京市' },
    ]);
    expect(rulesSharing(p, DEFAULT_RULES, 0, 1)).toEqual(['phone', 'nameCity', 'namePinyin', 'phoneticName']);
  });

  it('splits an over-large block by its sub-keys so it never compares all pairs', () => {
    const records: MatchRecord[] = [];
    for (let i = 0; i < 400; i++) records.push({ id: i + 1, name: '王伟', province: ['北京', '上海', '广东', '浙江'][i % 4], birthDate: `19${50 + (i % 40)}-01-01` });
    const pairs = pairsOf(records, ['namePinyin'], 20);
    // 400 namesakes: all pairs would be 79,800; split by province then birth year: 40 blocks of 10
    expect(pairs.size).toBe(40 * 45);
  });

  it('falls back to a sorted window inside a block still too large', () => {
    const records: MatchRecord[] = [];
    for (let i = 0; i < 100; i++) records.push({ id: i + 1, name: '王伟' });
    const pairs = pairsOf(records, ['namePinyin'], 10, 3);
    expect(pairs.size).toBe(99 + 98);
  });

  it('sorted neighbourhood pairs near-identical names no key rule shares', () => {
    const records: MatchRecord[] = [
      { id: 1, givenName: 'jessica', familyName: 'thompson' },
      { id: 2, givenName: 'jesica', familyName: 'thompson' },
      { id: 3, givenName: 'zoe', familyName: 'adams' },
    ];
    // sorted: "adams zoe", "thompson jesica", "thompson jessica"; a window of 2 pairs neighbours only
    expect(pairsOf(records, ['sortedName'], 50, 2)).toEqual(new Set(['2-3', '1-2']));
  });

  it('window pairs kept in chunks come back sorted and once each', () => {
    const buffer = new PairBuffer(4);
    const pushed: [number, number][] = [
      [5, 9],
      [1, 2],
      [67_000_000, 67_108_863],
      [1, 2],
      [0, 3],
      [5, 9],
      [2, 4],
      [1, 3],
      [0, 3],
      [9, 10],
      [1, 2],
    ];
    for (const [i, j] of pushed) buffer.push(i, j);
    buffer.sortUnique();
    const out: string[] = [];
    buffer.forEach((i, j) => out.push(`${i}-${j}`));
    expect(out).toEqual(['0-3', '1-2', '1-3', '2-4', '5-9', '9-10', '67000000-67108863']);
  });
});
