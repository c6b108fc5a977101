import { describe, expect, it } from 'vitest';
import { clusterEntities, clusterFeatures, kmeans, silhouette, standardise } from '../../src/segment/kmeans.js';
import { Random } from '../../src/segment/random.js';

describe('silhouette', () => {
  it('matches a hand computation', () => {
    // 1-D points 0, 1, 10, 11 in two clusters: s = (10.5−1)/10.5, (9.5−1)/9.5, (9.5−1)/9.5, (10.5−1)/10.5
    const m = { n: 4, d: 1, data: Float64Array.from([0, 1, 10, 11]) };
    const expected = (2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4;
    expect(silhouette(m, Int32Array.from([0, 0, 1, 1]), 2)).toBeCloseTo(expected, 12);
  });
});

describe('standardise', () => {
  it('z-scores after log1p and zeroes constant columns', () => {
    const s = standardise([
      { name: 'a', values: [0, Math.E - 1], log: true },
      { name: 'b', values: [5, 5] },
    ]);
    expect([...s.data]).toEqual([-1, 0, 1, 0]);
    expect(s.means[0]).toBeCloseTo(0.5, 12);
  });
});

describe('k-means', () => {
  it('separates obvious groups', () => {
    const m = { n: 6, d: 1, data: Float64Array.from([0, 0.1, 0.2, 5, 5.1, 5.2]) };
    const fit = kmeans(m, 2, new Random(1));
    expect(fit.labels[0]).toBe(fit.labels[2]);
    expect(fit.labels[3]).toBe(fit.labels[5]);
    expect(fit.labels[0]).not.toBe(fit.labels[3]);
    expect(fit.inertia).toBeCloseTo(4 * 0.01, 12);
  });

  // Three customer groups far apart on log R/F/M: recent heavy buyers, occasional, lapsed one-offs.
  const rng = new Random(3);
  const rows = Array.from({ length: 300 }, (_, i) => {
    const g = i % 3;
    const jitter = (): number => Math.exp(rng.normal() * 0.1);
    const [r, f, m] = g === 0 ? [5, 40, 2_000_000] : g === 1 ? [60, 6, 150_000] : [500, 1, 8_000];
    return { entityId: i + 1, recencyDays: r * jitter(), frequency: Math.round(f * jitter()), monetaryCents: m * jitter() };
  });

  it('chooses k by silhouette and orders clusters by spend', () => {
    const result = clusterEntities(rows, { seed: 9 });
    expect(result.k).toBe(3);
    expect(result.silhouettes.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(result.profiles.map((p) => p.customers)).toEqual([100, 100, 100]);
    expect(result.clusters[0]).toBe(1); // group 0 spends most
    expect(result.clusters[1]).toBe(2);
    expect(result.clusters[2]).toBe(3);
    expect(result.profiles[0]).toMatchObject({ cluster: 1, recent: true, frequent: true, highSpend: true });
    expect(result.profiles[2]).toMatchObject({ cluster: 3, recent: false, frequent: false, highSpend: false });
    const shares = result.profiles.reduce((s, p) => s + p.revenueShare, 0);
    expect(shares).toBeCloseTo(1, 12);
  });

  it('is deterministic for a seed and honours a given k', () => {
    const a = clusterEntities(rows, { seed: 5, k: 4 });
    const b = clusterEntities(rows, { seed: 5, k: 4 });
    expect(a.k).toBe(4);
    expect([...a.clusters]).toEqual([...b.clusters]);
    expect(a.silhouettes).toHaveLength(1);
  });

  it('fits on a sample and still assigns every row', () => {
    const features = [{ name: 'x', values: rows.map((r) => r.monetaryCents), log: true }];
    const run = clusterFeatures(features, { k: 3, fitSample: 100, seed: 2 });
    expect(run.labels).toHaveLength(300);
    expect(new Set(run.labels).size).toBe(3);
  });

  it('refuses too few customers', () => {
    expect(() => clusterEntities(rows.slice(0, 2))).toThrow(/at least 3 customers/);
  });
});
