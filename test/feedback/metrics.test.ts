import { describe, expect, it } from 'vitest';
import { ces, csat, meanChange, nps, npsChange, proportionChange, wilson } from '../../src/feedback/metrics.js';

const repeat = (value: number, times: number): number[] => Array.from({ length: times }, () => value);

describe('NPS', () => {
  it('counts promoters, passives and detractors (hand-computed, n = 10)', () => {
    // promoters 10,9,9,10 · passives 8,7 · detractors 6,5,3,0 → p = d = 0.4, NPS 0
    const r = nps([10, 9, 9, 8, 7, 6, 5, 3, 10, 0]);
    expect(r).toMatchObject({ n: 10, promoters: 4, passives: 2, detractors: 4, nps: 0 });
    // Var = 100²·(0.4 + 0.4 − 0²)/10 = 800; margin = 1.96·√800 = 55.44
    expect(r.variance).toBeCloseTo(800, 6);
    expect(r.margin).toBeCloseTo(55.436, 2);
    expect(r.low).toBeCloseTo(-55.436, 2);
    expect(r.high).toBeCloseTo(55.436, 2);
  });

  it('gives the margin of error for 50 / 30 / 20 out of 100', () => {
    // NPS 30; Var = 100²·(0.5 + 0.2 − 0.3²)/100 = 61; margin = 1.96·√61 = 15.31
    const r = nps([...repeat(9, 50), ...repeat(7, 30), ...repeat(4, 20)]);
    expect(r.nps).toBeCloseTo(30, 10);
    expect(r.variance).toBeCloseTo(61, 6);
    expect(r.margin).toBeCloseTo(15.308, 2);
  });

  it('clips the interval to −100…100 and is empty without answers', () => {
    const allDetractors = nps([0, 1, 2, 3]);
    expect(allDetractors.nps).toBe(-100);
    expect(allDetractors.low).toBe(-100);
    expect(nps([])).toMatchObject({ n: 0, nps: null, margin: null });
  });

  it('flags a period-over-period change as significant only when it is', () => {
    const before = nps([...repeat(10, 200), ...repeat(8, 120), ...repeat(2, 80)]); // 30, Var 15.25
    const after = nps([...repeat(10, 120), ...repeat(8, 120), ...repeat(2, 160)]); // −10, Var 17.25
    const change = npsChange(before, after);
    expect(change.delta).toBeCloseTo(-40, 10);
    expect(change.z).toBeCloseTo(-40 / Math.sqrt(15.25 + 17.25), 6);
    expect(change.significant).toBe(true);
    const small = npsChange(nps([10, 9, 9, 8, 7, 6, 5, 3, 10, 0]), nps([...repeat(9, 50), ...repeat(7, 30), ...repeat(4, 20)]));
    expect(small.z).toBeCloseTo(30 / Math.sqrt(861), 6);
    expect(small.significant).toBe(false);
  });
});

describe('CSAT (top-2 box with a Wilson interval)', () => {
  it('computes the Wilson interval for 8 of 10', () => {
    const r = wilson(8, 10);
    expect(r.share).toBe(0.8);
    expect(r.low).toBeCloseTo(0.4902, 4);
    expect(r.high).toBeCloseTo(0.9433, 4);
  });

  it('counts 4–5 on a 1–5 scale, or the top box of another scale', () => {
    expect(csat([5, 4, 3, 2, 1, 5, 4, 4], { min: 1, max: 5, topBox: 2 })).toMatchObject({ n: 8, hits: 5, share: 0.625 });
    expect(csat([10, 9, 8, 7], { min: 1, max: 10, topBox: 3 })).toMatchObject({ hits: 3, share: 0.75 });
    expect(csat([], { min: 1, max: 5, topBox: 2 }).share).toBeNull();
  });

  it('stays inside 0…1 at the extremes', () => {
    const all = wilson(5, 5);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(0.5655, 4);
    expect(wilson(0, 5).low).toBe(0);
  });

  it('tests a change of share with the pooled two-proportion z-test', () => {
    const change = proportionChange(wilson(60, 100), wilson(80, 100));
    // pooled 0.7; se = √(0.7·0.3·(2/100)) = 0.0648; z = 0.2 / 0.0648 = 3.086
    expect(change.delta).toBeCloseTo(0.2, 10);
    expect(change.z).toBeCloseTo(3.086, 3);
    expect(change.significant).toBe(true);
  });
});

describe('CES', () => {
  it('reports the mean with its interval and the share of easy answers', () => {
    const r = ces([7, 6, 5, 3, 2], { min: 1, max: 7, easyMin: 5 });
    expect(r.mean).toBeCloseTo(4.6, 10);
    expect(r.sd).toBeCloseTo(Math.sqrt(4.3), 10);
    expect(r.low).toBeCloseTo(4.6 - 1.959964 * Math.sqrt(4.3 / 5), 4);
    expect(r.easy).toMatchObject({ hits: 3, n: 5, share: 0.6 });
  });

  it('compares means with Welch’s z', () => {
    const a = ces([5, 5, 5, 5, 6, 6, 6, 6], { min: 1, max: 7, easyMin: 5 });
    const b = ces([3, 3, 3, 3, 4, 4, 4, 4], { min: 1, max: 7, easyMin: 5 });
    const change = meanChange(a, b);
    expect(change.delta).toBeCloseTo(-2, 10);
    expect(change.significant).toBe(true);
  });
});
