import { describe, expect, it } from 'vitest';
import { hyp2f1, lbeta, lgamma, logAddExp } from '../../src/segment/special.js';

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

describe('hyp2f1', () => {
  it('matches closed forms inside and outside the unit disc', () => {
    const log1 = (z: number): number => -Math.log(1 - z) / z; // 2F1(1,1;2;z)
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(log1(0.5), 12);
    expect(hyp2f1(1, 1, 2, 0.95)).toBeCloseTo(log1(0.95), 10);
    expect(hyp2f1(1, 1, 2, -3)).toBeCloseTo(log1(-3), 12);
    expect(hyp2f1(2.5, 3, 3, 0.7)).toBeCloseTo(Math.pow(0.3, -2.5), 9); // 2F1(a,b;b;z) = (1−z)^−a
    expect(hyp2f1(0.3, 0.7, 1.9, 0)).toBe(1);
  });
  it('refuses z ≥ 1', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
  });
});

describe('logAddExp', () => {
  it('adds in log space without overflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 10);
    expect(logAddExp(-Infinity, 3)).toBe(3);
  });
});
