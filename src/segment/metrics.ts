import { dayNumber, dayString } from './dates.js';

/** One order as the segment models see it: which entity, when, how much, and its normalised status. */
export interface OrderInput {
  entityId: number;
  /** 'YYYY-MM-DD'; orders without a day cannot be placed in time and are skipped. */
  day: string | null;
  /** Integer cents; a missing amount counts as an order worth 0. */
  amountCents: number | null;
  /** orders.status_norm; NULL (no status column in the export) counts as paid. */
  status?: string | null;
  /** The order's code: rows of one order (a line-item export) count as one order. */
  orderCode?: string | null;
}

/** R/F/M and dates of one entity, from its counted orders up to and including the as-of day. */
export interface EntityMetrics {
  entityId: number;
  firstDay: string;
  lastDay: string;
  /** Days from the last counted order to the as-of day (0 = bought on the as-of day). */
  recencyDays: number;
  /** Number of counted orders. */
  frequency: number;
  monetaryCents: number;
  /** Days from the first counted order to the as-of day. */
  tenureDays: number;
}

export const DEFAULT_EXCLUDED_STATUSES: readonly string[] = ['cancelled', 'refunded'];

export interface MetricsOptions {
  asOf: string;
  /** status_norm values that do not count (default cancelled and refunded). */
  excludeStatuses?: readonly string[];
}

export function isCountedStatus(status: string | null | undefined, excluded: readonly string[]): boolean {
  return status === null || status === undefined || !excluded.includes(status);
}

/**
 * Per-entity metrics from raw orders. Orders after the as-of day, without a day, or with an
 * excluded status are ignored; every entity with at least one counted order gets one row,
 * sorted by entity id. This is the reference the store's SQL aggregation is tested against.
 */
export function computeMetrics(orders: Iterable<OrderInput>, options: MetricsOptions): EntityMetrics[] {
  const asOf = dayNumber(options.asOf);
  const excluded = options.excludeStatuses ?? DEFAULT_EXCLUDED_STATUSES;
  const acc = new Map<number, { first: number; last: number; n: number; cents: number; codes: Set<string> }>();
  for (const o of orders) {
    if (o.day === null || !isCountedStatus(o.status, excluded)) continue;
    const d = dayNumber(o.day);
    if (d > asOf) continue;
    const cents = o.amountCents ?? 0;
    let a = acc.get(o.entityId);
    if (!a) {
      a = { first: d, last: d, n: 0, cents: 0, codes: new Set() };
      acc.set(o.entityId, a);
    }
    if (d < a.first) a.first = d;
    if (d > a.last) a.last = d;
    if (!o.orderCode || !a.codes.has(o.orderCode)) a.n += 1;
    if (o.orderCode) a.codes.add(o.orderCode);
    a.cents += cents;
  }
  return [...acc.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([entityId, a]) => ({
      entityId,
      firstDay: dayString(a.first),
      lastDay: dayString(a.last),
      recencyDays: asOf - a.last,
      frequency: a.n,
      monetaryCents: a.cents,
      tenureDays: asOf - a.first,
    }));
}
