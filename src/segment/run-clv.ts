import type { Db } from '../store/db.js';
import { predictClv, fitClvModels, UNIT_DAYS, type ClvModel, type ClvOptions, type ClvTotals, type RfmSummary, type TimeUnit } from './clv.js';
import { dayCache, dayStringCache, hasEntities, ORDER_KEY, ORDER_ONLY_BASE, statusFilter } from './facts.js';
import { Random } from './random.js';

export interface ClvRunOptions extends ClvOptions {
  asOf: string;
  excludeStatuses: readonly string[];
  unit?: TimeUnit;
  /** Fit on a seeded random sample of at most this many entities (predictions cover everyone). */
  fitSample?: number;
  seed?: number;
}

// A type alias (not an interface) so rows pass as plain records to the output writers.
export type ClvEntityRow = {
  entity_id: number;
  first_day: string;
  last_day: string;
  /** Repeat purchase days (lifetimes' frequency). */
  frequency: number;
  recency: number;
  T: number;
  historical_cents: number;
  p_alive: number;
  expected_purchases: number;
  expected_average_cents: number;
  clv_cents: number;
};

export interface ClvRun {
  asOf: string;
  model: ClvModel;
  fittedOn: number;
  totals: ClvTotals;
  rows(): Generator<ClvEntityRow>;
  /** Entities by predicted CLV, biggest first (ties by entity id). */
  top(limit: number): ClvEntityRow[];
}

/**
 * Per entity: first and last purchase day, number of distinct purchase days, total spend and the
 * first day's spend — lifetimes' summary_data_from_transaction_data, done in SQL. The first day's
 * spend comes from MIN(day || '|' || cents): days are fixed-width, so the smallest string is the first day.
 */
function clvSql(excluded: readonly string[], entities: boolean): { sql: string; params: Record<string, string> } {
  const status = statusFilter(excluded, 'o.status_norm');
  const entity = entities ? 'COALESCE(c.entity_id, -c.id)' : '-o.customer_id';
  const join = entities ? 'JOIN customers c ON c.id = o.customer_id' : '';
  const counted = `o.order_day IS NOT NULL AND +o.order_day <= @asOf${status.sql}`;
  // Order-only entities (see facts.ts): their id comes from the first order row of their key, counted or not.
  const sql = `WITH keys AS (
      SELECT ${ORDER_KEY} AS key, -(${ORDER_ONLY_BASE} + MIN(id)) AS e FROM orders
      WHERE customer_id IS NULL AND ${ORDER_KEY} IS NOT NULL GROUP BY 1),
    d AS (
      SELECT ${entity} AS e, o.order_day AS day, SUM(COALESCE(o.amount_cents, 0)) AS cents
      FROM orders o ${join}
      WHERE o.customer_id IS NOT NULL AND ${counted}
      GROUP BY 1, 2
      UNION ALL
      SELECT k.e, o.order_day, SUM(COALESCE(o.amount_cents, 0))
      FROM orders o JOIN keys k ON k.key = ${ORDER_KEY.replace(/(customer_code|phone_e164|email_norm)/g, 'o.$1')}
      WHERE o.customer_id IS NULL AND ${counted}
      GROUP BY 1, 2)
    SELECT e, MIN(day || '|' || cents) AS first, MAX(day) AS last_day, COUNT(*) AS days, SUM(cents) AS total
    FROM d GROUP BY e ORDER BY e`;
  return { sql, params: status.params };
}

export function runClv(db: Db, options: ClvRunOptions): ClvRun {
  const unit = options.unit ?? 'week';
  const { sql, params } = clvSql(options.excludeStatuses, hasEntities(db));
  const day = dayCache();
  const asOfDay = day(options.asOf);
  const ids: number[] = [];
  const first: number[] = [];
  const last: number[] = [];
  const x: number[] = [];
  const historical: number[] = [];
  const m: number[] = [];
  for (const row of db.prepare(sql).raw(true).iterate({ asOf: options.asOf, ...params }) as Iterable<[number, string, string, number, number]>) {
    const [e, firstEntry, lastDay, days, total] = row;
    const bar = firstEntry.indexOf('|');
    const firstDay = day(firstEntry.slice(0, bar));
    const firstCents = Number(firstEntry.slice(bar + 1));
    ids.push(e);
    first.push(firstDay);
    last.push(day(lastDay));
    x.push(days - 1);
    historical.push(total);
    m.push(days > 1 ? (total - firstCents) / 100 / (days - 1) : 0);
  }
  const n = ids.length;
  const unitDays = UNIT_DAYS[unit];
  const summary = (i: number): RfmSummary => ({ x: x[i], tx: (last[i] - first[i]) / unitDays, T: (asOfDay - first[i]) / unitDays, m: m[i] });
  const sampleRows = new Random(options.seed ?? 42).sample(n, Math.min(n, options.fitSample ?? 200_000));
  const model = fitClvModels(sampleRows.map(summary), unit);

  const pAlive = new Float64Array(n);
  const purchases = new Float64Array(n);
  const average = new Float64Array(n);
  const value = new Float64Array(n);
  const totals: ClvTotals = { customers: n, repeatBuyers: 0, historicalCents: 0, expectedPurchases: 0, clvCents: 0, meanProbabilityAlive: 0 };
  for (let i = 0; i < n; i++) {
    const p = predictClv(model, summary(i), options);
    pAlive[i] = p.probabilityAlive;
    purchases[i] = p.expectedPurchases;
    average[i] = p.expectedAverageCents;
    value[i] = p.clvCents;
    if (x[i] > 0) totals.repeatBuyers++;
    totals.historicalCents += historical[i];
    totals.expectedPurchases += p.expectedPurchases;
    totals.clvCents += p.clvCents;
    totals.meanProbabilityAlive += p.probabilityAlive / n;
  }
  const toString = dayStringCache();
  const row = (i: number): ClvEntityRow => {
    const s = summary(i);
    return {
      entity_id: ids[i],
      first_day: toString(first[i]),
      last_day: toString(last[i]),
      frequency: s.x,
      recency: s.tx,
      T: s.T,
      historical_cents: historical[i],
      p_alive: pAlive[i],
      expected_purchases: purchases[i],
      expected_average_cents: average[i],
      clv_cents: value[i],
    };
  };
  return {
    asOf: options.asOf,
    model,
    fittedOn: sampleRows.length,
    totals,
    *rows() {
      for (let i = 0; i < n; i++) yield row(i);
    },
    top(limit) {
      const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => value[b] - value[a] || ids[a] - ids[b]);
      return [...order.subarray(0, limit)].map(row);
    },
  };
}
