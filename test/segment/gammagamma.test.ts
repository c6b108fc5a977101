import { describe, expect, it } from 'vitest';
import { conditionalExpectedAverage, fitGammaGamma, gammaGammaLogLikelihood, type SpendData } from '../../src/segment/gammagamma.js';
import { Random } from '../../src/segment/random.js';

function simulate(p: number, q: number, v: number, n: number, seed: number): SpendData[] {
  const rng = new Random(seed);
  const out: SpendData[] = [];
  for (let i = 0; i < n; i++) {
    const nu = rng.gamma(q, v);
    const x = 2 + rng.int(9);
    let sum = 0;
    for (let j = 0; j < x; j++) sum += rng.gamma(p, nu);
    out.push({ x, m: sum / x });
  }
  return out;
}

describe('Gamma-Gamma', () => {
  const truth = { p: 6, q: 4, v: 15 };
  const sample = simulate(truth.p, truth.q, truth.v, 4000, 11);

  it('recovers the parameters it was simulated from', () => {
    const fit = fitGammaGamma(sample);
    expect(fit.converged).toBe(true);
    expect(fit.params.p).toBeGreaterThan(truth.p * 0.75);
    expect(fit.params.p).toBeLessThan(truth.p * 1.33);
    expect(fit.params.q).toBeGreaterThan(truth.q * 0.75);
    expect(fit.params.q).toBeLessThan(truth.q * 1.33);
    expect(fit.params.v).toBeGreaterThan(truth.v * 0.7);
    expect(fit.params.v).toBeLessThan(truth.v * 1.43);
    // the population mean spend p·v/(q−1) = 30 is pinned down much more tightly
    const mean = (fit.params.p * fit.params.v) / (fit.params.q - 1);
    expect(mean).toBeGreaterThan(30 * 0.95);
    expect(mean).toBeLessThan(30 * 1.05);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(gammaGammaLogLikelihood(truth, sample));
  });

  it('shrinks a customer mean towards the population mean', () => {
    const params = { p: 6.25, q: 3.74, v: 15.45 };
    const population = (params.p * params.v) / (params.q - 1);
    expect(conditionalExpectedAverage(params, 0, 0)).toBeCloseTo(population, 10);
    const one = conditionalExpectedAverage(params, 1, 100);
    const many = conditionalExpectedAverage(params, 50, 100);
    expect(one).toBeGreaterThan(population);
    expect(one).toBeLessThan(many);
    expect(many).toBeLessThan(100);
    // (p(v + x m)) / (p x + q − 1) by hand for x = 2, m = 22.35 (CDNOW customer 1)
    expect(conditionalExpectedAverage(params, 2, 22.35)).toBeCloseTo((6.25 * (15.45 + 44.7)) / (12.5 + 2.74), 10);
  });
});

describe('Gamma-Gamma on degenerate spend', () => {
  it('stops at the search box instead of running off, and predicts the common mean', () => {
    // every purchase costs exactly 40: no variation within or between customers
    const data = Array.from({ length: 300 }, (_, i) => ({ x: 1 + (i % 5), m: 40 }));
    const fit = fitGammaGamma(data);
    expect(fit.atBound).toBe(true);
    const mean = (fit.params.p * fit.params.v) / (fit.params.q - 1);
    expect(mean).toBeCloseTo(40, 1);
    expect(conditionalExpectedAverage(fit.params, 3, 40)).toBeCloseTo(40, 1);
  });

  it('reports little heterogeneity as a large q', () => {
    // every customer's orders come from the same Gamma(4, 0.1): mean 40, no per-customer ν
    const rng = new Random(4);
    const data = Array.from({ length: 1500 }, () => {
      const x = 1 + rng.int(5);
      let sum = 0;
      for (let j = 0; j < x; j++) sum += rng.gamma(4, 0.1);
      return { x, m: sum / x };
    });
    const fit = fitGammaGamma(data);
    expect(fit.params.q).toBeGreaterThan(50);
    const mean = (fit.params.p * fit.params.v) / (fit.params.q - 1);
    expect(mean).toBeGreaterThan(38);
    expect(mean).toBeLessThan(42);
  });
});
