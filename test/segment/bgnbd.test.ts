import { describe, expect, it } from 'vitest';
import {
  bgnbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  type BgNbdParams,
  type RfData,
} from '../../src/segment/bgnbd.js';
import { Random } from '../../src/segment/random.js';
import { plainSeries } from './plain-series.js';

/** Customers drawn from the BG/NBD story: λ ~ Gamma(r, α), p ~ Beta(a, b), drop out after a repeat purchase with prob. p. */
function simulate(params: BgNbdParams, n: number, seed: number): RfData[] {
  const rng = new Random(seed);
  const out: RfData[] = [];
  for (let i = 0; i < n; i++) {
    const lambda = rng.gamma(params.r, params.alpha);
    const p = rng.beta(params.a, params.b);
    const T = 27 + rng.int(13); // first purchases spread over 13 weeks, observed to week 39, as in CDNOW
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += rng.exponential(lambda);
      if (t > T) break;
      x++;
      tx = t;
      if (rng.uniform() < p) break;
    }
    out.push({ x, tx, T });
  }
  return out;
}

describe('BG/NBD', () => {
  // A synthetic CDNOW: its published parameters, its observation window, about its size.
  const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const sample = simulate(truth, 3000, 7);

  it('recovers the parameters it was simulated from', () => {
    const fit = fitBgNbd(sample);
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeGreaterThan(truth.r * 0.8);
    expect(fit.params.r).toBeLessThan(truth.r * 1.25);
    expect(fit.params.alpha).toBeGreaterThan(truth.alpha * 0.75);
    expect(fit.params.alpha).toBeLessThan(truth.alpha * 1.33);
    expect(fit.params.a).toBeGreaterThan(truth.a * 0.6);
    expect(fit.params.a).toBeLessThan(truth.a * 1.6);
    expect(fit.params.b).toBeGreaterThan(truth.b * 0.5);
    expect(fit.params.b).toBeLessThan(truth.b * 2);
    // a maximum: at least as likely as the truth and as small moves around it
    const ll = fit.logLikelihood;
    expect(ll).toBeGreaterThanOrEqual(bgnbdLogLikelihood(truth, sample));
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      for (const f of [0.98, 1.02]) expect(ll).toBeGreaterThan(bgnbdLogLikelihood({ ...fit.params, [key]: fit.params[key] * f }, sample));
    }
  });

  it('gives the textbook conditional expectation (Euler-transformed form agrees)', () => {
    const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    for (const [x, tx, T] of [[0, 0, 38.86], [2, 30.43, 38.86], [5, 12, 38]]) {
      const t = 39;
      const z = t / (p.alpha + T + t);
      const textbook =
        ((p.a + p.b + x - 1) / (p.a - 1)) *
        (1 - Math.pow((p.alpha + T) / (p.alpha + T + t), p.r + x) * plainSeries(p.r + x, p.b + x, p.a + p.b + x - 1, z)) /
        (1 + (x > 0 ? (p.a / (p.b + x - 1)) * Math.pow((p.alpha + T) / (p.alpha + tx), p.r + x) : 0));
      expect(conditionalExpectedPurchases(p, t, x, tx, T)).toBeCloseTo(textbook, 10);
    }
  });

  it('stays finite for heavy buyers', () => {
    const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    // 2,000 repeat purchases in 39 weeks, the last one just now: about 51 a week for a while yet
    const e = conditionalExpectedPurchases(p, 52, 2000, 39, 39);
    expect(Number.isFinite(e)).toBe(true);
    expect(e).toBeGreaterThan(100);
    expect(e).toBeLessThan(2000 * (52 / 39));
  });

  it('has P(alive) = 1 without repeat purchases and falls with time since the last one', () => {
    const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(probabilityAlive(p, 0, 0, 30)).toBe(1);
    expect(probabilityAlive(p, 3, 30, 31)).toBeGreaterThan(probabilityAlive(p, 3, 10, 31));
  });

  it('reaches the fixed-dropout limit when a and b run off together', () => {
    // Beta(a, b) with a = k, b = 3k is a point mass at p = 1/4 for large k. With a fixed p,
    // E[X(t) | λ] = (1 − e^(−λpt)) / p, and over λ ~ Gamma(r, α): E[X(t)] = (1 − (α/(α+pt))^r) / p.
    const r = 0.24;
    const alpha = 4.4;
    const t = 52;
    const limit = (1 - Math.pow(alpha / (alpha + 0.25 * t), r)) / 0.25; // 1.12425
    for (const k of [1000, 8000]) {
      const p = { r, alpha, a: k, b: 3 * k };
      expect(expectedPurchases(p, t)).toBeCloseTo(limit, k === 8000 ? 4 : 3);
      expect(Number.isFinite(conditionalExpectedPurchases(p, t, 3, 20, 38))).toBe(true);
    }
  });

  it('starts E[X(t)] at the mean purchase rate r/α', () => {
    const p = { r: 0.5, alpha: 10, a: 0.8, b: 2.5 };
    expect(expectedPurchases(p, 1e-4) / 1e-4).toBeCloseTo(0.05, 4);
  });
});
