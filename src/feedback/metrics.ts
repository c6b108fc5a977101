// Survey metrics with their uncertainty.
//  NPS = 100·(p − d) over answers 0–10 (promoters 9–10, detractors 0–6), Var(NPS) = 100²·(p + d − (p − d)²)/n,
//    95% margin of error 1.96·√Var.
//  CSAT = share of answers in the top-N box of the scale, with a Wilson score interval.
//  CES = mean on its scale (normal-approximation interval) and the share of "easy" answers (Wilson).
// Period-over-period changes are tested with a two-sided z-test at 95%.

export const Z95 = 1.959963984540054;

export interface NpsResult {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number | null;
  /** 95% margin of error in NPS points. */
  margin: number | null;
  low: number | null;
  high: number | null;
  /** Variance of the NPS estimate in points², for comparisons. */
  variance: number | null;
}

export function nps(scores: Iterable<number>): NpsResult {
  let n = 0;
  let promoters = 0;
  let detractors = 0;
  for (const s of scores) {
    n++;
    if (s >= 9) promoters++;
    else if (s <= 6) detractors++;
  }
  const passives = n - promoters - detractors;
  if (n === 0) return { n, promoters, passives, detractors, nps: null, margin: null, low: null, high: null, variance: null };
  const p = promoters / n;
  const d = detractors / n;
  const value = 100 * (p - d);
  const variance = (100 * 100 * (p + d - (p - d) ** 2)) / n;
  const margin = Z95 * Math.sqrt(variance);
  return {
    n,
    promoters,
    passives,
    detractors,
    nps: value,
    margin,
    low: Math.max(-100, value - margin),
    high: Math.min(100, value + margin),
    variance,
  };
}

export interface Proportion {
  n: number;
  hits: number;
  share: number | null;
  low: number | null;
  high: number | null;
}

/** Wilson score interval for a proportion (stays inside 0…1 and behaves at small n). */
export function wilson(hits: number, n: number, z = Z95): Proportion {
  if (n === 0) return { n, hits, share: null, low: null, high: null };
  const p = hits / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { n, hits, share: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface ScaleOptions {
  min: number;
  max: number;
}

/** CSAT: share of answers in the top `topBox` values of the scale (4–5 of 1–5 for topBox 2). */
export function csat(scores: Iterable<number>, scale: ScaleOptions & { topBox: number }): Proportion {
  const threshold = scale.max - scale.topBox + 1;
  let n = 0;
  let hits = 0;
  for (const s of scores) {
    n++;
    if (s >= threshold) hits++;
  }
  return wilson(hits, n);
}

export interface CesResult {
  n: number;
  mean: number | null;
  /** 95% interval of the mean (normal approximation). */
  low: number | null;
  high: number | null;
  sd: number | null;
  easy: Proportion;
}

export function ces(scores: Iterable<number>, options: ScaleOptions & { easyMin: number }): CesResult {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let easy = 0;
  for (const s of scores) {
    n++;
    sum += s;
    sumSq += s * s;
    if (s >= options.easyMin) easy++;
  }
  if (n === 0) return { n, mean: null, low: null, high: null, sd: null, easy: wilson(0, 0) };
  const mean = sum / n;
  const sd = n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1))) : 0;
  const half = n > 1 ? (Z95 * sd) / Math.sqrt(n) : 0;
  return { n, mean, low: mean - half, high: mean + half, sd, easy: wilson(easy, n) };
}

export interface Change {
  delta: number | null;
  z: number | null;
  /** |z| ≥ 1.96: the change is unlikely to be sampling noise (95%). */
  significant: boolean;
}

const noChange: Change = { delta: null, z: null, significant: false };

/** NPS change between two periods: z = Δ / √(Var₁ + Var₂). */
export function npsChange(before: NpsResult, after: NpsResult): Change {
  if (before.nps === null || after.nps === null || before.variance === null || after.variance === null) return noChange;
  return zChange(after.nps - before.nps, before.variance + after.variance);
}

/** Change of a proportion (CSAT, % easy): two-proportion z-test with the pooled share. */
export function proportionChange(before: Proportion, after: Proportion): Change {
  if (before.share === null || after.share === null) return noChange;
  const pooled = (before.hits + after.hits) / (before.n + after.n);
  const variance = pooled * (1 - pooled) * (1 / before.n + 1 / after.n);
  return zChange(after.share - before.share, variance);
}

/** Change of a mean (CES): Welch's z with each period's own variance. */
export function meanChange(before: CesResult, after: CesResult): Change {
  if (before.mean === null || after.mean === null || before.sd === null || after.sd === null) return noChange;
  return zChange(after.mean - before.mean, (before.sd ** 2) / before.n + (after.sd ** 2) / after.n);
}

function zChange(delta: number, variance: number): Change {
  if (variance <= 0) return { delta, z: null, significant: false };
  const z = delta / Math.sqrt(variance);
  return { delta, z, significant: Math.abs(z) >= Z95 };
}
