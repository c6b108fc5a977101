import { describe, expect, it } from 'vitest';
import { lbeta, lgamma, log2f1 } from '../../src/segment/special.js';
import { plainSeries } from './plain-series.js';

describe('lgamma', () => {
  it('matches known values', () => {
    expect(lgamma(1)).toBeCloseTo(0, 13);
    expect(lgamma(2)).toBeCloseTo(0, 13);
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lgamma(100)).toBeCloseTo(359.1342053695754, 10);
    expect(lgamma(0.1)).toBeCloseTo(2.252712651734206, 12);
    expect(lbeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
  });
});

describe('log2f1', () => {
  it('matches closed forms', () => {
    const f = (a: number, b: number, c: number, z: number): number => log2f1(a, b, c, z).sign * Math.exp(log2f1(a, b, c, z).log);
    const log1 = (z: number): number => -Math.log(1 - z) / z; // 2F1(1,1;2;z)
    expect(f(1, 1, 2, 0.5)).toBeCloseTo(log1(0.5), 12);
    expect(f(1, 1, 2, 0.95)).toBeCloseTo(log1(0.95), 10);
    expect(f(2.5, 3, 3, 0.7)).toBeCloseTo(Math.pow(0.3, -2.5), 9); // 2F1(a,b;b;z) = (1−z)^−a
    expect(f(0.3, 0.7, 1.9, 0)).toBe(1);
  });
  it('agrees with the plain series where that one is finite', () => {
    expect(log2f1(1, 1, 2, 0.5).log).toBeCloseTo(Math.log(-Math.log(0.5) / 0.5), 12);
    expect(log2f1(1, 1, 2, 0.5).sign).toBe(1);
    expect(log2f1(-0.5, 2, 3, 0.7).log).toBeCloseTo(Math.log(Math.abs(plainSeries(-0.5, 2, 3, 0.7))), 12);
  });
  it('stays finite where the terms overflow a double', () => {
    // 2F1(a, b; b; z) = (1 − z)^−a: for a = 5000, z = 0.9 that is 10^5000
    expect(log2f1(5000, 3, 3, 0.9).log).toBeCloseTo(5000 * Math.log(10), 6);
    expect(Number.isFinite(plainSeries(16000, 8000, 32000, 0.5))).toBe(false);
    expect(Number.isFinite(log2f1(16000, 8000, 32000, 0.5).log)).toBe(true);
  });
  it('refuses z outside [0, 1)', () => {
    expect(() => log2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => log2f1(1, 1, 2, -0.1)).toThrow(RangeError);
  });
});

