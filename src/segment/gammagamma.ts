import { InputError } from '../errors.js';
import { atBound, boxed, minimize } from './optimize.js';
import { lgamma } from './special.js';

/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): a customer's transaction
 * values are Gamma(p, ν) around their mean and ν ~ Gamma(q, v) across customers. Fitted on
 * customers with x > 0 repeat purchases and mean repeat value m.
 */
export interface SpendData {
  x: number;
  m: number;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/** Columns of the data with the parameter-free logs computed once and distinct x values indexed. */
interface Prepared {
  x: Float64Array;
  m: Float64Array;
  lnM: Float64Array;
  lnX: Float64Array;
  xs: Float64Array;
  xIndex: Int32Array;
}

function prepare(data: readonly SpendData[]): Prepared {
  const xs = [...new Set(data.map((d) => d.x))].sort((a, b) => a - b);
  const pos = new Map(xs.map((x, i) => [x, i]));
  return {
    x: Float64Array.from(data, (d) => d.x),
    m: Float64Array.from(data, (d) => d.m),
    lnM: Float64Array.from(data, (d) => Math.log(d.m)),
    lnX: Float64Array.from(data, (d) => Math.log(d.x)),
    xs: Float64Array.from(xs),
    xIndex: Int32Array.from(data, (d) => pos.get(d.x)!),
  };
}

function preparedLogLikelihood({ p, q, v }: GammaGammaParams, d: Prepared): number {
  const perX = new Float64Array(d.xs.length);
  for (let i = 0; i < d.xs.length; i++) perX[i] = lgamma(p * d.xs[i] + q) - lgamma(p * d.xs[i]);
  const constant = -lgamma(q) + q * Math.log(v);
  let total = 0;
  for (let k = 0; k < d.x.length; k++) {
    const px = p * d.x[k];
    total += perX[d.xIndex[k]] + constant + (px - 1) * d.lnM[k] + px * d.lnX[k] - (px + q) * Math.log(d.x[k] * d.m[k] + v);
  }
  return total;
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, data: readonly SpendData[]): number {
  return preparedLogLikelihood(params, prepare(data));
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  customers: number;
  converged: boolean;
  /**
   * A parameter ended on the search box (log-parameters within ±LOG_BOUND after scaling money to
   * the customers' mean spend): typically q and v running off together because spend hardly varies
   * between customers beyond chance; predictions then shrink to one common mean, which is the right
   * limit, but say so.
   */
  atBound: boolean;
}

const LOG_BOUND = 10;

export function fitGammaGamma(data: readonly SpendData[]): GammaGammaFit {
  const rows = data.filter((d) => d.x > 0 && d.m > 0);
  if (rows.length < 2) throw new InputError(`Gamma-Gamma needs repeat buyers with spend, found ${rows.length}`, 'import more orders');
  // Money is rescaled to the mean spend so the box and starting points suit yuan and cents alike;
  // p and q are scale-free and v scales with the money unit.
  const scale = rows.reduce((s, d) => s + d.m, 0) / rows.length;
  const scaled = prepare(rows.map((d) => ({ x: d.x, m: d.m / scale })));
  const n = rows.length;
  const { objective, clamp } = boxed((w) => -preparedLogLikelihood({ p: Math.exp(w[0]), q: Math.exp(w[1]), v: Math.exp(w[2]) }, scaled) / n, -LOG_BOUND, LOG_BOUND);
  const starts = [
    [0, Math.log(2), 0],
    [Math.log(5), Math.log(4), 0.5],
    [Math.log(0.5), Math.log(1.5), -0.5],
  ];
  const best = minimize(objective, starts);
  const w = clamp(best.x);
  const params = { p: Math.exp(w[0]), q: Math.exp(w[1]), v: Math.exp(w[2]) * scale };
  return {
    params,
    logLikelihood: gammaGammaLogLikelihood(params, rows),
    customers: n,
    converged: best.converged,
    atBound: atBound(w, -LOG_BOUND, LOG_BOUND),
  };
}

/**
 * E[mean transaction value | x, m] = (p(v + x·m)) / (p·x + q − 1): a weighted blend of the
 * population mean p·v/(q−1) and the customer's own mean. x = 0 gives the population mean.
 * Infinite when q ≤ 1 (the model then has no finite mean).
 */
export function conditionalExpectedAverage({ p, q, v }: GammaGammaParams, x: number, m: number): number {
  const denom = p * x + q - 1;
  return denom > 0 ? (p * (v + x * m)) / denom : Infinity;
}
