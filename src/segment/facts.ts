import type { Db } from '../store/db.js';
import { addMonths, dayNumber, dayString } from './dates.js';

/**
 * Per-entity order facts read from the store in one aggregate pass, kept as typed columns so a
 * million entities cost tens of megabytes whatever the number of orders.
 *
 * Entity = COALESCE(customers.entity_id, −customers.id): every member's orders count once for the
 * entity. Counted orders: linked to a customer, with a day on or before --as-of, and a status that is
 * NULL or not excluded. Orders are first summed per customer (no join, one sort), and only when
 * some customers already belong to entities are those sums joined and re-summed per entity.
 */
export interface FactsOptions {
  asOf: string;
  excludeStatuses: readonly string[];
  /** Also count spend and orders over the 12 months up to --as-of (tier rules). */
  last12m?: boolean;
  /** Also sum the growth windows (value × growth matrix): (previousStart, recentStart] and (recentStart, asOf]. */
  windows?: { recentStart: string; previousStart: string };
}

export interface Facts {
  asOf: string;
  asOfDay: number;
  n: number;
  /** Ascending. */
  entityId: Float64Array;
  firstDay: Int32Array;
  lastDay: Int32Array;
  frequency: Int32Array;
  monetary: Float64Array;
  spend12m?: Float64Array;
  orders12m?: Int32Array;
  recent?: Float64Array;
  previous?: Float64Array;
}

export function hasEntities(db: Db): boolean {
  return (db.prepare('SELECT EXISTS (SELECT 1 FROM customers WHERE entity_id IS NOT NULL) AS e').get() as { e: number }).e === 1;
}

/** `AND (status_norm IS NULL OR status_norm NOT IN (…))` with named parameters. */
export function statusFilter(excluded: readonly string[], column = 'status_norm'): { sql: string; params: Record<string, string> } {
  if (excluded.length === 0) return { sql: '', params: {} };
  const params = Object.fromEntries(excluded.map((s, i) => [`x${i}`, s]));
  return { sql: ` AND (${column} IS NULL OR ${column} NOT IN (${excluded.map((_, i) => `@x${i}`).join(', ')}))`, params };
}

/** Day numbers of 'YYYY-MM-DD' strings, cached: a store has thousands of distinct days, not millions. */
export function dayCache(): (day: string) => number {
  const cache = new Map<string, number>();
  return (day) => {
    let d = cache.get(day);
    if (d === undefined) {
      d = dayNumber(day);
      cache.set(day, d);
    }
    return d;
  };
}

/** 'YYYY-MM-DD' of day numbers, cached for the same reason. */
export function dayStringCache(): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let s = cache.get(day);
    if (s === undefined) {
      s = dayString(day);
      cache.set(day, s);
    }
    return s;
  };
}

const cents = (expr: string): string => `SUM(COALESCE(${expr}, 0))`;

/**
 * Orders that no customer record claims (no customers file, or no matching code/phone/email) still
 * describe customers: they are grouped by their own customer code, else phone, else email, into
 * order-only entities with id −(ORDER_ONLY_BASE + the smallest order row id of that key), which
 * stays the same whatever --as-of or status filter is used.
 */
export const ORDER_ONLY_BASE = 1_000_000_000_000;
export const ORDER_KEY = "COALESCE(NULLIF(customer_code, ''), phone_e164, email_norm)";

export function isOrderOnlyEntity(id: number): boolean {
  return id <= -ORDER_ONLY_BASE;
}

/** Whether an orders export in the store repeats an order number row after row (one row per product). */
export function hasLineItems(db: Db): boolean {
  return db.prepare("SELECT EXISTS (SELECT 1 FROM sources WHERE kind = 'orders' AND line_items = 1)").pluck().get() === 1;
}

/**
 * SQL counting the orders among order rows (those meeting `condition`, when given). A line-item
 * export repeats the order number on each product's row, so with one in the store orders are
 * counted as distinct numbers (rows without a number are orders of their own); otherwise a row is
 * an order, and counting rows keeps the query on its covering index. `table` is the orders alias.
 */
export function orderCountSql(lineItems: boolean, condition = '', table = ''): string {
  const col = (c: string): string => (table ? `${table}.${c}` : c);
  if (!lineItems) return condition ? `SUM(${condition})` : 'COUNT(*)';
  const order = `COALESCE(NULLIF(${col('order_code')}, ''), 'row ' || ${col('id')})`;
  return condition ? `COUNT(DISTINCT CASE WHEN ${condition} THEN ${order} END)` : `COUNT(DISTINCT ${order})`;
}

/** Aggregates of the fact columns over a set of order rows; `guard` limits them to counted rows. */
function aggregates(options: FactsOptions, guard: string | null, lineItems: boolean): string[] {
  const when = (cond: string | null): string => [guard, cond].filter(Boolean).join(' AND ');
  const sumCents = (cond: string | null): string => (when(cond) ? cents(`CASE WHEN ${when(cond)} THEN amount_cents END`) : cents('amount_cents'));
  const dayAgg = (fn: string): string => (guard ? `${fn}(CASE WHEN ${guard} THEN order_day END)` : `${fn}(order_day)`);
  const out = [
    `${dayAgg('MIN')} AS first_day`,
    `${dayAgg('MAX')} AS last_day`,
    `${orderCountSql(lineItems, when(null))} AS n`,
    `${sumCents(null)} AS cents`,
  ];
  if (options.last12m) out.push(`${orderCountSql(lineItems, when('order_day > @since12m'))} AS n12`, `${sumCents('order_day > @since12m')} AS cents12`);
  if (options.windows) {
    out.push(`${sumCents('order_day > @recentStart')} AS recent`, `${sumCents('order_day > @previousStart AND order_day <= @recentStart')} AS previous`);
  }
  return out;
}

export function factsSql(options: FactsOptions, entities: boolean, lineItems = false): { sql: string; params: Record<string, unknown> } {
  const status = statusFilter(options.excludeStatuses);
  const params: Record<string, unknown> = { asOf: options.asOf, ...status.params };
  const outer: string[] = [];
  if (options.last12m) {
    params.since12m = addMonths(options.asOf, -12);
    outer.push('n12', 'cents12');
  }
  if (options.windows) {
    params.recentStart = options.windows.recentStart;
    params.previousStart = options.windows.previousStart;
    outer.push('recent', 'previous');
  }
  const perCustomer = `SELECT customer_id, ${aggregates(options, null, lineItems).join(', ')}
    FROM orders
    WHERE customer_id IS NOT NULL AND order_day IS NOT NULL AND +order_day <= @asOf${status.sql}
    GROUP BY customer_id`;
  // Order-only entities sort below every customer-based id; each branch keeps the direction of
  // the other so the rows arrive monotonic (ascending with entities, descending without).
  const orderOnly = `SELECT -(${ORDER_ONLY_BASE} + MIN(id)) AS entity_id, ${aggregates(options, 'k', lineItems).join(', ')}
    FROM (SELECT id, order_code, order_day, amount_cents, ${ORDER_KEY} AS key,
                 (order_day IS NOT NULL AND order_day <= @asOf${status.sql}) AS k
            FROM orders WHERE customer_id IS NULL)
    WHERE key IS NOT NULL
    GROUP BY key HAVING SUM(k) > 0
    ORDER BY MIN(id) ${entities ? 'DESC' : 'ASC'}`;
  const columns = ['entity_id', 'first_day', 'last_day', 'n', 'cents', ...outer].join(', ');
  const sql = entities
    ? `WITH p AS (${perCustomer})
       SELECT ${columns} FROM (${orderOnly})
       UNION ALL
       SELECT * FROM (SELECT COALESCE(c.entity_id, -c.id) AS entity_id, MIN(p.first_day) AS first_day, MAX(p.last_day) AS last_day, SUM(p.n) AS n, SUM(p.cents) AS cents${outer.map((c) => `, SUM(p.${c}) AS ${c}`).join('')}
         FROM p JOIN customers c ON c.id = p.customer_id
         GROUP BY 1 ORDER BY 1)`
    : `SELECT ${columns} FROM (SELECT -customer_id AS entity_id, first_day, last_day, n, cents${outer.map((c) => `, ${c}`).join('')} FROM (${perCustomer}))
       UNION ALL
       SELECT ${columns} FROM (${orderOnly})`;
  return { sql, params };
}

/** Growable typed columns. */
class Column<T extends Float64Array | Int32Array> {
  data: T;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[i] = v;
  }
  take(n: number): T {
    return this.data.subarray(0, n) as T;
  }
}

export function loadFacts(db: Db, options: FactsOptions): Facts {
  const { sql, params } = factsSql(options, hasEntities(db), hasLineItems(db));
  const day = dayCache();
  const f64 = (): Column<Float64Array> => new Column((n) => new Float64Array(n));
  const i32 = (): Column<Int32Array> => new Column((n) => new Int32Array(n));
  const cols = { entityId: f64(), firstDay: i32(), lastDay: i32(), frequency: i32(), monetary: f64(), n12: i32(), cents12: f64(), recent: f64(), previous: f64() };
  let n = 0;
  const stmt = db.prepare(sql).raw(true);
  const has12 = Boolean(options.last12m);
  const hasWindows = Boolean(options.windows);
  for (const row of stmt.iterate(params) as Iterable<unknown[]>) {
    let k = 0;
    cols.entityId.set(n, row[k++] as number);
    cols.firstDay.set(n, day(row[k++] as string));
    cols.lastDay.set(n, day(row[k++] as string));
    cols.frequency.set(n, row[k++] as number);
    cols.monetary.set(n, row[k++] as number);
    if (has12) {
      cols.n12.set(n, row[k++] as number);
      cols.cents12.set(n, row[k++] as number);
    }
    if (hasWindows) {
      cols.recent.set(n, row[k++] as number);
      cols.previous.set(n, row[k++] as number);
    }
    n++;
  }
  const facts: Facts = {
    asOf: options.asOf,
    asOfDay: dayNumber(options.asOf),
    n,
    entityId: cols.entityId.take(n),
    firstDay: cols.firstDay.take(n),
    lastDay: cols.lastDay.take(n),
    frequency: cols.frequency.take(n),
    monetary: cols.monetary.take(n),
    ...(has12 ? { orders12m: cols.n12.take(n), spend12m: cols.cents12.take(n) } : {}),
    ...(hasWindows ? { recent: cols.recent.take(n), previous: cols.previous.take(n) } : {}),
  };
  return sortByEntity(facts);
}

/** Rows come per customer id ascending (entity ids descending) or per entity ascending: make them ascending. */
function sortByEntity(f: Facts): Facts {
  const ids = f.entityId;
  let ascending = true;
  let descending = true;
  for (let i = 1; i < f.n && (ascending || descending); i++) {
    if (ids[i] <= ids[i - 1]) ascending = false;
    if (ids[i] >= ids[i - 1]) descending = false;
  }
  if (ascending) return f;
  const order = Uint32Array.from({ length: f.n }, (_, i) => (descending ? f.n - 1 - i : i));
  if (!descending) order.sort((a, b) => ids[a] - ids[b]);
  const permute = <T extends Float64Array | Int32Array>(col: T | undefined): T | undefined => {
    if (!col) return undefined;
    const out = new (col.constructor as new (n: number) => T)(f.n);
    for (let i = 0; i < f.n; i++) out[i] = col[order[i]];
    return out;
  };
  return {
    ...f,
    entityId: permute(f.entityId)!,
    firstDay: permute(f.firstDay)!,
    lastDay: permute(f.lastDay)!,
    frequency: permute(f.frequency)!,
    monetary: permute(f.monetary)!,
    spend12m: permute(f.spend12m),
    orders12m: permute(f.orders12m),
    recent: permute(f.recent),
    previous: permute(f.previous),
  };
}

/** Index of an entity in facts (binary search), or −1. */
export function indexOfEntity(f: Pick<Facts, 'entityId' | 'n'>, id: number): number {
  let lo = 0;
  let hi = f.n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = f.entityId[mid];
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Attributes an entity takes from its member customers, for tiers and --by breakdowns. */
export type AttributeField = 'province' | 'city' | 'industry' | 'channel';
export const ATTRIBUTE_FIELDS: readonly AttributeField[] = ['province', 'city', 'industry', 'channel'];

const attributeExpr: Record<AttributeField, string> = {
  province: "NULLIF(COALESCE(province_norm, province), '')",
  city: "NULLIF(COALESCE(city_norm, city), '')",
  industry: "NULLIF(industry, '')",
  channel: "NULLIF(channel, '')",
};

export interface EntityAttributesRow {
  entityId: number;
  /** Largest imported annual revenue among the members. */
  annualRevenueCents: number | null;
  /** Earliest registration among the members. */
  registeredDay: string | null;
  /** Text attributes asked for; with several members, the smallest non-empty value (deterministic). */
  text: Partial<Record<AttributeField, string | null>>;
}

/** Streams every entity (with or without orders) ascending by id, with the asked text attributes. */
export function* entityAttributes(db: Db, fields: readonly AttributeField[] = []): Generator<EntityAttributesRow> {
  const entities = hasEntities(db);
  const text = fields.map((f) => (entities ? `MIN(${attributeExpr[f]})` : attributeExpr[f]));
  const sql = entities
    ? `SELECT COALESCE(entity_id, -id) AS e, MAX(annual_revenue_cents), MIN(registered_date)${text.map((t) => `, ${t}`).join('')}
       FROM customers GROUP BY 1 ORDER BY 1`
    : `SELECT -id AS e, annual_revenue_cents, registered_date${text.map((t) => `, ${t}`).join('')} FROM customers ORDER BY id DESC`;
  for (const row of db.prepare(sql).raw(true).iterate() as Iterable<unknown[]>) {
    yield {
      entityId: row[0] as number,
      annualRevenueCents: (row[1] as number | null) ?? null,
      registeredDay: (row[2] as string | null) ?? null,
      text: Object.fromEntries(fields.map((f, i) => [f, (row[3 + i] as string | null) ?? null])),
    };
  }
}

/** The attribute per entity in facts order (for --by), '' when unknown. */
export function attributeColumn(db: Db, facts: Pick<Facts, 'entityId' | 'n'>, field: AttributeField): string[] {
  const out = new Array<string>(facts.n).fill('');
  for (const row of entityAttributes(db, [field])) {
    const i = indexOfEntity(facts, row.entityId);
    if (i >= 0) out[i] = row.text[field] ?? '';
  }
  return out;
}

/** A display name and customer code per entity (smallest non-empty among members), for short lists. */
export function entityNames(db: Db, ids: readonly number[]): Map<number, { name: string | null; code: string | null }> {
  const result = new Map<number, { name: string | null; code: string | null }>();
  const columns = "MIN(NULLIF(COALESCE(name_norm, name, company), '')) AS name, MIN(NULLIF(customer_code, '')) AS code";
  const byEntity = db.prepare(`SELECT ${columns} FROM customers WHERE entity_id = ?`);
  const byCustomer = db.prepare(`SELECT ${columns} FROM customers WHERE id = ? AND entity_id IS NULL`);
  const byOrder = db.prepare("SELECT NULLIF(customer_name, '') AS name, COALESCE(NULLIF(customer_code, ''), phone_e164, email_norm) AS code FROM orders WHERE id = ?");
  for (const id of new Set(ids)) {
    const row = (id > 0 ? byEntity.get(id) : isOrderOnlyEntity(id) ? byOrder.get(-id - ORDER_ONLY_BASE) : byCustomer.get(-id)) as { name: string | null; code: string | null } | undefined;
    result.set(id, row ?? { name: null, code: null });
  }
  return result;
}
