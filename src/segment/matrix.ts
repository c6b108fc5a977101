import { addMonths } from './dates.js';
import { DEFAULT_EXCLUDED_STATUSES, isCountedStatus, type OrderInput } from './metrics.js';

export type Quadrant = 'high_value' | 'growing' | 'at_risk' | 'potential';
export const QUADRANTS: readonly Quadrant[] = ['high_value', 'growing', 'at_risk', 'potential'];

export interface MatrixOptions {
  /** Growth compares the last `windowMonths` with the `windowMonths` before them (default 6). */
  windowMonths?: number;
  /** High value: total spend at or above this ('median', 'mean', or yuan). Default 'median'. */
  valueThreshold?: 'median' | 'mean' | number;
  /** High growth: growth strictly above this fraction (default 0: any increase). */
  growthThreshold?: number;
}

/** The two growth windows for an as-of day: (previousStart, recentStart] and (recentStart, asOf]. */
export function growthWindows(asOf: string, windowMonths: number): { recentStart: string; previousStart: string } {
  return { recentStart: addMonths(asOf, -windowMonths), previousStart: addMonths(asOf, -2 * windowMonths) };
}

export interface MatrixInput {
  entityId: number;
  /** Paid spend up to --as-of. */
  valueCents: number;
  /** Paid spend in the recent window. */
  recentCents: number;
  /** Paid spend in the window before it. */
  previousCents: number;
}

/**
 * Growth = (recent − previous) / previous. With nothing in the previous window, growth is
 * null ("new in window") when something was bought recently — counted as growing — and 0 when
 * both windows are empty.
 */
export function growthOf(recentCents: number, previousCents: number): number | null {
  if (previousCents > 0) return (recentCents - previousCents) / previousCents;
  return recentCents > 0 ? null : 0;
}

export function quadrantOf(valueCents: number, growth: number | null, valueThresholdCents: number, growthThreshold: number): Quadrant {
  const highValue = valueCents >= valueThresholdCents;
  const growing = growth === null || growth > growthThreshold;
  if (highValue) return growing ? 'high_value' : 'at_risk';
  return growing ? 'growing' : 'potential';
}

export function median(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const mid = Math.floor(n / 2);
  return n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The value line in cents for a threshold option over the given values. */
export function valueThresholdCents(values: readonly number[], threshold: MatrixOptions['valueThreshold'] = 'median'): number {
  if (typeof threshold === 'number') return Math.round(threshold * 100);
  if (values.length === 0) return 0;
  if (threshold === 'mean') return values.reduce((s, v) => s + v, 0) / values.length;
  return median(Float64Array.from(values).sort());
}

/** Reference aggregation from raw orders (the store does the same in SQL); sorted by entity id. */
export function matrixInputs(orders: Iterable<OrderInput>, asOf: string, windowMonths = 6, excludeStatuses: readonly string[] = DEFAULT_EXCLUDED_STATUSES): MatrixInput[] {
  const { recentStart, previousStart } = growthWindows(asOf, windowMonths);
  const acc = new Map<number, MatrixInput>();
  for (const o of orders) {
    if (o.day === null || o.day > asOf || !isCountedStatus(o.status, excludeStatuses)) continue;
    const cents = o.amountCents ?? 0;
    let e = acc.get(o.entityId);
    if (!e) {
      e = { entityId: o.entityId, valueCents: 0, recentCents: 0, previousCents: 0 };
      acc.set(o.entityId, e);
    }
    e.valueCents += cents;
    if (o.day > recentStart) e.recentCents += cents;
    else if (o.day > previousStart) e.previousCents += cents;
  }
  return [...acc.values()].sort((a, b) => a.entityId - b.entityId);
}

export interface MatrixEntity extends MatrixInput {
  growth: number | null;
  quadrant: Quadrant;
}

export interface QuadrantSummary {
  quadrant: Quadrant;
  customers: number;
  share: number;
  valueCents: number;
  valueShare: number;
  recentCents: number;
  previousCents: number;
}

export class QuadrantSummaryBuilder {
  private readonly acc = new Map<Quadrant, { n: number; value: number; recent: number; previous: number }>(QUADRANTS.map((q) => [q, { n: 0, value: 0, recent: 0, previous: 0 }]));

  add(e: MatrixEntity): void {
    const a = this.acc.get(e.quadrant)!;
    a.n += 1;
    a.value += e.valueCents;
    a.recent += e.recentCents;
    a.previous += e.previousCents;
  }

  finish(): QuadrantSummary[] {
    let n = 0;
    let value = 0;
    for (const a of this.acc.values()) {
      n += a.n;
      value += a.value;
    }
    return QUADRANTS.map((quadrant) => {
      const a = this.acc.get(quadrant)!;
      return { quadrant, customers: a.n, share: n ? a.n / n : 0, valueCents: a.value, valueShare: value ? a.value / value : 0, recentCents: a.recent, previousCents: a.previous };
    });
  }
}

export interface MatrixResult {
  valueThresholdCents: number;
  growthThreshold: number;
  rows: MatrixEntity[];
  quadrants: QuadrantSummary[];
}

export function valueGrowthMatrix(items: readonly MatrixInput[], options: MatrixOptions = {}): MatrixResult {
  const threshold = valueThresholdCents(items.map((x) => x.valueCents), options.valueThreshold);
  const growthThreshold = options.growthThreshold ?? 0;
  const summary = new QuadrantSummaryBuilder();
  const rows = items.map((x) => {
    const growth = growthOf(x.recentCents, x.previousCents);
    const e = { ...x, growth, quadrant: quadrantOf(x.valueCents, growth, threshold, growthThreshold) };
    summary.add(e);
    return e;
  });
  return { valueThresholdCents: threshold, growthThreshold, rows, quadrants: summary.finish() };
}
