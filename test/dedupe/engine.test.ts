import { describe, expect, it } from 'vitest';
import { defaultDedupeConfig, section } from '../../src/dedupe/config.js';
import { dedupe } from '../../src/dedupe/engine.js';
import { explainPair } from '../../src/dedupe/explain.js';
import { generateMessyCustomers } from '../../src/dedupe/generate.js';
import type { MatchRecord } from '../../src/dedupe/types.js';

const fast = section.parse({ training: { random_pairs: 20_000, pairs_per_rule: 10_000 } });

function pairwise(clusters: number[][], truth: Map<number, number>): { precision: number; recall: number } {
  const sizes = new Map<number, number>();
  for (const t of truth.values()) sizes.set(t, (sizes.get(t) ?? 0) + 1);
  let truePairs = 0;
  for (const s of sizes.values()) truePairs += (s * (s - 1)) / 2;
  let found = 0;
  let correct = 0;
  for (const c of clusters) {
    found += (c.length * (c.length - 1)) / 2;
    const by = new Map<number, number>();
    for (const id of c) by.set(truth.get(id) as number, (by.get(truth.get(id) as number) ?? 0) + 1);
    for (const s of by.values()) correct += (s * (s - 1)) / 2;
  }
  return { precision: correct / found, recall: correct / truePairs };
}

describe('dedupe engine', () => {
  const { records, truth, customers } = generateMessyCustomers({ people: 800, seed: 3 });
  const result = dedupe(records, fast);

  it('finds the generated duplicates with high precision and recall', () => {
    const { precision, recall } = pairwise(result.clusters, truth);
    expect(precision).toBeGreaterThan(0.97);
    expect(recall).toBeGreaterThan(0.93);
  });

  it('never merges people who share a name but live in different cities', () => {
    const byId = new Map(customers.map((c) => [c.id, c]));
    const city = (id: number): string | null => byId.get(id)?.city?.replace(/市$/, '') ?? null;
    for (const c of result.clusters) {
      for (const a of c)
        for (const b of c) {
          if (truth.get(a) === truth.get(b)) continue;
          const ca = city(a);
          const cb = city(b);
          expect(ca === null || cb === null || ca === cb, `${a} (${ca}) merged with ${b} (${cb})`).toBe(true);
        }
    }
  });

  it('learns that agreeing on a phone is strong evidence and disagreeing on a city is against', () => {
    const phone = result.model.weights[4];
    expect(phone[0]).toBeGreaterThan(8);
    expect(phone[phone.length - 1]).toBeLessThan(0);
    const location = result.model.weights[7];
    expect(location[location.length - 1]).toBeLessThan(-3);
  });

  it('explains a pair as a waterfall that adds up to its weight', () => {
    const [a, b] = result.clusters[0];
    const e = explainPair(result, a, b, fast, fast.blocking.rules);
    const sum = e.prior + e.steps.reduce((s, x) => s + x.weight, 0);
    expect(e.weight).toBeCloseTo(sum, 6);
    expect(e.sameCluster).toBe(true);
    expect(e.steps.map((s) => s.comparison)).toContain('phone');
  });
});

describe('dedupe on a hand-made list', () => {
  const people: MatchRecord[] = [
    { id: 1, name: '张伟', phone: '+8613812345678', email: 'zhangwei@qq.com', city: '北京', birthDate: '1985-03-07' },
    { id: 2, name: '張 偉', phone: '+8613812345678', city: '北京市' },
    { id: 3, name: 'Wei Zhang', email: 'zhangwei@qq.com', city: 'Beijing', birthDate: '1985-03-07' },
    { id: 4, name: 'John Smith', phone: '+14155550101', email: 'john.smith@example.com', city: 'San Francisco' },
    { id: 5, name: 'SMITH John', phone: '+1 415 555 0101', city: 'San Francisco' },
    { id: 6, name: 'Jon Smith', email: 'john.smith@example.com' },
  ];
  // many distinct 王芳 / 王伟 in different cities with different phones
  const cities = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '西安', '南京', '重庆'];
  let id = 100;
  for (const name of ['王芳', '王伟', '李娜']) {
    for (let k = 0; k < 40; k++) {
      people.push({ id: id++, name, phone: `+86139${String(10000000 + id * 7919).slice(-8)}`, city: cities[k % cities.length] });
    }
  }
  for (let k = 0; k < 300; k++) {
    people.push({ id: id++, name: `路人${k}`, phone: `+86137${String(20000000 + k * 104729).slice(-8)}`, city: cities[k % cities.length] });
  }
  const result = dedupe(people, { ...defaultDedupeConfig(), training: fast.training });
  const clusterOf = (x: number): number[] | undefined => result.clusters.find((c) => c.includes(x));

  it('merges 张伟 / 張 偉 / Wei Zhang and SMITH John / Jon Smith', () => {
    expect(clusterOf(1)?.slice().sort()).toEqual([1, 2, 3]);
    expect(clusterOf(4)?.slice().sort()).toEqual([4, 5, 6]);
  });

  it('keeps every 王芳 / 王伟 / 李娜 apart', () => {
    for (const c of result.clusters) expect(c.every((x) => x < 100)).toBe(true);
  });
});

describe('dedupe edge cases', () => {
  it('handles empty, single and tiny inputs', () => {
    expect(dedupe([], fast).clusters).toEqual([]);
    expect(dedupe([{ id: 1, name: '张伟' }], fast).clusters).toEqual([]);
    const two = dedupe(
      [
        { id: 1, name: '张伟', phone: '+8613812345678', email: 'a@b.cn', city: '北京' },
        { id: 2, name: '張偉', phone: '+8613812345678', email: 'a@b.cn', city: '北京' },
      ],
      fast,
    );
    expect(two.stats.candidatePairs).toBe(1);
    for (const w of two.model.weights.flat()) expect(Number.isFinite(w)).toBe(true);
  });
});
