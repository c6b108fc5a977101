import { InputError } from '../errors.js';
import { atBound, boxed, minimize } from './optimize.js';
import { lgamma, log2f1 } from './special.js';

/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"). Per customer:
 * x = repeat purchases, tx = time of the last purchase and T = age, both from the first purchase,
 * in one time unit (the fitted alpha is in that unit; r, a and b are unit-free).
 */
export interface RfData {
  x: number;
  tx: number;
  T: number;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Column form of the data with identical rows merged (weights), which makes big fits cheap. */
interface Compressed {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Distinct x, tx and T values and, per row, the index of its value: logs are taken per distinct value. */
  xs: Float64Array;
  xIndex: Int32Array;
  txs: Float64Array;
  txIndex: Int32Array;
  Ts: Float64Array;
  TIndex: Int32Array;
}

function distinct(values: readonly number[]): { values: Float64Array; index: (v: number) => number } {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const pos = new Map(sorted.map((v, i) => [v, i]));
  return { values: Float64Array.from(sorted), index: (v) => pos.get(v)! };
}

function compress(data: Iterable<RfData>): Compressed {
  const groups = new Map<string, { x: number; tx: number; T: number; w: number }>();
  for (const d of data) {
    if (!(d.x >= 0) || !(d.tx >= 0) || !(d.T >= d.tx)) {
      throw new InputError(`bad BG/NBD row x=${d.x} tx=${d.tx} T=${d.T}`, 'need x ≥ 0 and 0 ≤ tx ≤ T');
    }
    const key = `${d.x}|${d.tx}|${d.T}`;
    const g = groups.get(key);
    if (g) g.w++;
    else groups.set(key, { x: d.x, tx: d.tx, T: d.T, w: 1 });
  }
  const rows = [...groups.values()];
  const xs = distinct(rows.map((r) => r.x));
  const txs = distinct(rows.map((r) => r.tx));
  const Ts = distinct(rows.map((r) => r.T));
  return {
    x: Float64Array.from(rows, (r) => r.x),
    tx: Float64Array.from(rows, (r) => r.tx),
    T: Float64Array.from(rows, (r) => r.T),
    weight: Float64Array.from(rows, (r) => r.w),
    xs: xs.values,
    xIndex: Int32Array.from(rows, (r) => xs.index(r.x)),
    txs: txs.values,
    txIndex: Int32Array.from(rows, (r) => txs.index(r.tx)),
    Ts: Ts.values,
    TIndex: Int32Array.from(rows, (r) => Ts.index(r.T)),
  };
}

function logLikelihood(p: BgNbdParams, c: Compressed): number {
  const { r, alpha, a, b } = p;
  // Terms that depend on x only, once per distinct x.
  const base = new Float64Array(c.xs.length);
  const lnA4 = new Float64Array(c.xs.length);
  const lnAlpha = Math.log(alpha);
  const lgR = lgamma(r);
  const lgB = lgamma(b);
  const lgAB = lgamma(a + b);
  for (let i = 0; i < c.xs.length; i++) {
    const x = c.xs[i];
    base[i] = lgamma(r + x) - lgR + r * lnAlpha + lgAB + lgamma(b + x) - lgB - lgamma(a + b + x);
    lnA4[i] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
  }
  const lnAlphaT = c.Ts.map((T) => Math.log(alpha + T));
  const lnAlphaTx = c.txs.map((tx) => Math.log(alpha + tx));
  let total = 0;
  for (let k = 0; k < c.x.length; k++) {
    const i = c.xIndex[k];
    const x = c.x[k];
    const a3 = -(r + x) * lnAlphaT[c.TIndex[k]];
    if (x === 0) {
      total += c.weight[k] * (base[i] + a3);
      continue;
    }
    // log(e^a3 + e^a4), inlined: this loop is most of the fit's time on big stores
    const a4 = lnA4[i] - (r + x) * lnAlphaTx[c.txIndex[k]];
    const high = a3 > a4 ? a3 : a4;
    total += c.weight[k] * (base[i] + high + Math.log1p(Math.exp(-Math.abs(a3 - a4))));
  }
  return total;
}

export function bgnbdLogLikelihood(params: BgNbdParams, data: Iterable<RfData>): number {
  return logLikelihood(params, compress(data));
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  customers: number;
  converged: boolean;
  /**
   * A parameter ended on the search box. Typically a and b together: dropout hardly varies between
   * customers, Beta(a, b) has become a point mass and the fit is still usable.
   */
  atBound: boolean;
}

/** Search box on log-parameters: r and alpha (alpha relative to the mean age) ±12; a and b ±9. */
const LOWER = [-12, -12, -9, -9];
const UPPER = [12, 12, 9, 9];

const fromLog = (v: readonly number[]): BgNbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) });

/** Maximum likelihood by Nelder–Mead on log-parameters, restarted, from a few starting points. */
export function fitBgNbd(data: Iterable<RfData>): BgNbdFit {
  const c = compress(data);
  let n = 0;
  let meanT = 0;
  for (let k = 0; k < c.x.length; k++) {
    n += c.weight[k];
    meanT += c.weight[k] * c.T[k];
  }
  if (n < 2) throw new InputError(`BG/NBD needs several customers, found ${n}`, 'import more orders');
  meanT /= n;
  // alpha is in time units: search it relative to the mean age so days, weeks and months behave alike.
  const lnScale = Math.log(Math.max(meanT, 1e-9));
  const toParams = (v: readonly number[]): BgNbdParams => fromLog([v[0], v[1] + lnScale, v[2], v[3]]);
  const { objective, clamp } = boxed((v) => -logLikelihood(toParams(v), c) / n, LOWER, UPPER);
  const starts = [
    [0, Math.log(0.1), 0, 0],
    [Math.log(0.3), Math.log(0.1), Math.log(0.8), Math.log(2.5)],
    [Math.log(2), Math.log(0.3), Math.log(2), Math.log(5)],
  ];
  const best = minimize(objective, starts);
  const v = clamp(best.x);
  const params = toParams(v);
  return { params, logLikelihood: logLikelihood(params, c), customers: n, converged: best.converged, atBound: atBound(v, LOWER, UPPER) };
}

/** P(alive | x, tx, T). */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logRatio = Math.log(p.a / (p.b + x - 1)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx));
  return 1 / (1 + Math.exp(logRatio));
}

/**
 * E[purchases in (T, T + t] | x, tx, T]. The textbook form
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] / (1 + δ a/(b+x−1) ((α+T)/(α+tx))^(r+x))
 * with z = t/(α+T+t) multiplies a huge series by a tiny power for large x; Euler's
 * transformation ₂F₁(A,B;C;z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z) turns the product into
 * (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z), whose terms stay bounded for any x.
 */
export function conditionalExpectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, b } = p;
  // a = 1 makes (a−1) vanish in numerator and denominator alike; nudge to the finite limit.
  const a = Math.abs(p.a - 1) < 1e-9 ? 1 + 1e-9 : p.a;
  const z = t / (alpha + T + t);
  const f = log2f1(a + b - 1 - r, a - 1, a + b + x - 1, z);
  const bracket = 1 - f.sign * Math.exp((a - 1) * Math.log1p(-z) + f.log);
  const numerator = ((a + b + x - 1) / (a - 1)) * bracket;
  const denominator = x > 0 ? 1 + Math.exp(Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx))) : 1;
  return numerator / denominator;
}

/** E[X(t)]: expected purchases of a customer in their first t time units (unconditional). */
export function expectedPurchases(p: BgNbdParams, t: number): number {
  const { r, alpha, b } = p;
  const a = Math.abs(p.a - 1) < 1e-9 ? 1 + 1e-9 : p.a;
  const z = t / (alpha + t);
  // Same Euler step as above: (α/(α+t))^r ₂F₁(r, b; a+b−1; z) = (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b−1; z).
  const f = log2f1(a + b - 1 - r, a - 1, a + b - 1, z);
  return ((a + b - 1) / (a - 1)) * (1 - f.sign * Math.exp((a - 1) * Math.log1p(-z) + f.log));
}
