/**
 * Quantile scores 1..bins with a deterministic, order-independent tie rule.
 *
 * Values are ranked so that better values come later (ascending when higher is better,
 * descending otherwise). Every value gets the score of the FIRST position its value occupies
 * (SQL `RANK() - 1`, a 0-based "min rank"): score = floor(position × bins / n) + 1.
 * Consequences, all intended: equal values always share a score; the score depends only on
 * the value and the distribution, never on row or id order; heavy ties (most customers with one
 * order) keep the low score instead of being spread over bins by an arbitrary tie-break, so some
 * scores can be empty. The same formula runs in SQL as
 * `(RANK() OVER (ORDER BY v) - 1) * bins / COUNT(*) OVER () + 1` (integer division).
 */
export function quantileScorer(values: ArrayLike<number>, bins = 5, higherIsBetter = true): (value: number) => number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  return (v) => {
    // ascending: values strictly below v; descending: values strictly above v
    const position = higherIsBetter ? lowerBound(sorted, v) : n - upperBound(sorted, v);
    return Math.floor((position * bins) / n) + 1;
  };
}

export function quantileScores(values: ArrayLike<number>, bins = 5, higherIsBetter = true): Int16Array {
  const score = quantileScorer(values, bins, higherIsBetter);
  const out = new Int16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = score(values[i]);
  return out;
}

/** First index whose value is ≥ v. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > v. */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
