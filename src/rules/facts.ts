import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import { InputError } from '../errors.js';
import { addMonths, dayNumber, dayString } from '../segment/dates.js';
import { hasLineItems, isOrderOnlyEntity, loadFacts, orderCountSql, statusFilter, type Facts } from '../segment/facts.js';
import { DEFAULT_EXCLUDED_STATUSES } from '../segment/metrics.js';
import { tiersOverFacts } from '../segment/run-tiers.js';
import { compileTierSet, DEFAULT_TIER_SETS, type TierSet } from '../segment/tiers.js';

// What the rules, service levels and KPIs read from the store. Orders count as the segment stage
// counts them (segment.exclude_status: cancelled and refunded by default; no status = paid), per
// entity (dedupe's golden records, else each customer row), and tiers are the segment stage's tier
// rules over its order facts, so a task's tier is the tier `custops segment tiers` shows.

/** An entity is a golden record once dedupe has run; before, every customer row is its own entity. */
export const ENTITY_KEY = 'COALESCE(c.entity_id, -c.id)';

export function excludedStatuses(config: Config | undefined): readonly string[] {
  return (config as { segment?: { exclude_status?: string[] } } | undefined)?.segment?.exclude_status ?? DEFAULT_EXCLUDED_STATUSES;
}

/** `AND (o.status_norm IS NULL OR o.status_norm NOT IN (…))` for orders aliased o, with its parameters. */
export function countedOrders(config: Config | undefined): { sql: string; params: Record<string, string> } {
  return statusFilter(excludedStatuses(config), 'o.status_norm');
}

export interface CustomerFacts {
  entityKey: number;
  /** The entity's first customer row: tasks point at it, so keys survive later merges. */
  customerId: number;
  code: string | null;
  name: string | null;
  owner: string | null;
  level: string | null;
  province: string | null;
  city: string | null;
  industry: string | null;
  channel: string | null;
  /** Latest contract end date among the entity's rows. */
  contractEnd: string | null;
  registered: string | null;
  annualRevenueCents: number | null;
}

interface CustomerRow {
  ek: number;
  id: number;
  customer_code: string | null;
  name: string | null;
  name_norm: string | null;
  owner: string | null;
  level: string | null;
  province_norm: string | null;
  province: string | null;
  city_norm: string | null;
  city: string | null;
  industry: string | null;
  channel: string | null;
  contract_end_date: string | null;
  registered_date: string | null;
  annual_revenue_cents: number | null;
}

/** One record per entity, fields taken from its first row that has them. */
export function loadCustomers(db: Db): Map<number, CustomerFacts> {
  const rows = db
    .prepare(
      `SELECT ${ENTITY_KEY} AS ek, c.id, c.customer_code, c.name, c.name_norm, c.owner, c.level, c.province_norm, c.province, c.city_norm, c.city,
              c.industry, c.channel, c.contract_end_date, c.registered_date, c.annual_revenue_cents
         FROM customers c ORDER BY c.id`,
    )
    .all() as CustomerRow[];
  const out = new Map<number, CustomerFacts>();
  for (const r of rows) {
    const e = out.get(r.ek);
    if (!e) {
      out.set(r.ek, {
        entityKey: r.ek,
        customerId: r.id,
        code: r.customer_code,
        name: r.name_norm ?? r.name,
        owner: r.owner,
        level: r.level,
        province: r.province_norm ?? r.province,
        city: r.city_norm ?? r.city,
        industry: r.industry,
        channel: r.channel,
        contractEnd: r.contract_end_date,
        registered: r.registered_date,
        annualRevenueCents: r.annual_revenue_cents,
      });
      continue;
    }
    e.code ??= r.customer_code;
    e.name ??= r.name_norm ?? r.name;
    e.owner ??= r.owner;
    e.level ??= r.level;
    e.province ??= r.province_norm ?? r.province;
    e.city ??= r.city_norm ?? r.city;
    e.industry ??= r.industry;
    e.channel ??= r.channel;
    if (r.contract_end_date && (!e.contractEnd || r.contract_end_date > e.contractEnd)) e.contractEnd = r.contract_end_date;
    if (r.registered_date && (!e.registered || r.registered_date < e.registered)) e.registered = r.registered_date;
    if (r.annual_revenue_cents !== null && (e.annualRevenueCents === null || r.annual_revenue_cents > e.annualRevenueCents)) e.annualRevenueCents = r.annual_revenue_cents;
  }
  return out;
}

export interface OrderStats {
  firstDay: string;
  lastDay: string;
  orders: number;
  spendCents: number;
  orders12m: number;
  spend12mCents: number;
}

/** The segment stage's per-entity order facts as of a day (with the 12-month columns tiers need). */
export function countedFacts(db: Db, config: Config | undefined, asOf: string): Facts {
  return loadFacts(db, { asOf, excludeStatuses: excludedStatuses(config), last12m: true });
}

/** Counted-order statistics per customer-based entity (order-only entities have no customer to task). */
export function orderStats(facts: Facts): Map<number, OrderStats> {
  const out = new Map<number, OrderStats>();
  for (let i = 0; i < facts.n; i++) {
    const id = facts.entityId[i];
    if (isOrderOnlyEntity(id)) continue;
    out.set(id, {
      firstDay: dayString(facts.firstDay[i]),
      lastDay: dayString(facts.lastDay[i]),
      orders: facts.frequency[i],
      spendCents: facts.monetary[i],
      orders12m: facts.orders12m?.[i] ?? 0,
      spend12mCents: facts.spend12m?.[i] ?? 0,
    });
  }
  return out;
}

/** Whole calendar months from `lastDay` to `asOf` (3 from 15 Jan to 15 Apr, 2 on 14 Apr). */
export function wholeMonthsBetween(lastDay: string, asOf: string): number {
  let months = (Number(asOf.slice(0, 4)) - Number(lastDay.slice(0, 4))) * 12 + Number(asOf.slice(5, 7)) - Number(lastDay.slice(5, 7));
  while (months > 0 && dayNumber(addMonths(lastDay, months)) > dayNumber(asOf)) months--;
  return Math.max(0, months);
}

export interface Tier {
  name: string;
  en: string;
  /** 0 = the highest tier (the set's first rule). */
  rank: number;
}

export interface TierScale {
  setName: string;
  tiers: { name: string; en: string }[];
  /** Tier of every entity as of a day. */
  at(asOf: string): Map<number, Tier>;
}

function tierSetsOf(config: Config | undefined): Record<string, TierSet> {
  return (config as { segment?: { tiers?: Record<string, TierSet> } } | undefined)?.segment?.tiers ?? DEFAULT_TIER_SETS;
}

/** Facts per as-of day, loaded once each. */
export function factsCache(db: Db, config: Config | undefined): (asOf: string) => Facts {
  const cache = new Map<string, Facts>();
  return (asOf) => {
    let f = cache.get(asOf);
    if (!f) cache.set(asOf, (f = countedFacts(db, config, asOf)));
    return f;
  };
}

/**
 * Value tiers from the segment stage (its tier rules in segment.tiers, else its B2B defaults, over
 * its order facts). `setName` is rules.tier_set / service.tier_set.
 */
export function tierScale(db: Db, config: Config | undefined, setName: string, factsAt: (asOf: string) => Facts = factsCache(db, config)): TierScale {
  const sets = tierSetsOf(config);
  const set = sets[setName];
  if (!set) throw InputError.of('tiers.unknownSet', { name: setName, names: Object.keys(sets).join(', ') });
  const tiers = compileTierSet(setName, set).tiers;
  const byName = new Map(tiers.map((t, rank) => [t.name, { ...t, rank }]));
  const cache = new Map<string, Map<number, Tier>>();
  return {
    setName,
    tiers,
    at(asOf) {
      const cached = cache.get(asOf);
      if (cached) return cached;
      const out = new Map<number, Tier>();
      for (const row of tiersOverFacts(db, factsAt(asOf), { asOf, sets: { [setName]: set } }).rows()) {
        const tier = byName.get(row.tiers[setName] ?? '');
        if (tier && !isOrderOnlyEntity(row.entity_id)) out.set(row.entity_id, tier);
      }
      cache.set(asOf, out);
      return out;
    },
  };
}

/** The last day of a complete Monday–Sunday week on or before `asOf`. */
export function lastWeekEnd(asOf: string): string {
  const d = new Date(`${asOf}T00:00:00Z`);
  const weekday = d.getUTCDay(); // 0 = Sunday
  return new Date(d.getTime() - weekday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Counted-order activity per entity and week: index 0 is the week ending `weekEnd`, 1 the week before …
 * `weeks` buckets; orders count, or revenue in cents.
 */
export function weeklyActivity(db: Db, config: Config | undefined, weekEnd: string, weeks: number, measure: 'orders' | 'revenue'): Map<number, number[]> {
  const counted = countedOrders(config);
  const start = new Date(Date.parse(`${weekEnd}T00:00:00Z`) - weeks * 7 * 86_400_000).toISOString().slice(0, 10);
  const rows = db
    .prepare(
      `SELECT ${ENTITY_KEY} AS ek, CAST((julianday(@weekEnd) - julianday(o.order_day)) / 7 AS INTEGER) AS w,
              ${orderCountSql(hasLineItems(db), '', 'o')} AS n, COALESCE(SUM(o.amount_cents), 0) AS cents
         FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.order_day > @start AND o.order_day <= @weekEnd${counted.sql}
        GROUP BY ek, w`,
    )
    .all({ weekEnd, start, ...counted.params }) as { ek: number; w: number; n: number; cents: number }[];
  const out = new Map<number, number[]>();
  for (const r of rows) {
    let series = out.get(r.ek);
    if (!series) out.set(r.ek, (series = new Array<number>(weeks).fill(0)));
    series[r.w] += measure === 'orders' ? r.n : r.cents;
  }
  return out;
}

export interface FeedbackFacts {
  id: number;
  code: string | null;
  submitted: string;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  comment: string | null;
  channel: string | null;
  who: string | null;
  customerId: number | null;
  entityKey: number | null;
  /** From the feedback stage's analysis (feedback_analysis) when it has run, else null. */
  sentiment: 'positive' | 'neutral' | 'negative' | null;
  sentimentScore: number | null;
}

/** Feedback submitted from `fromDay` up to and including `toDay`, with the feedback stage's sentiment if analysed. */
export function feedbackBetween(db: Db, fromDay: string, toDay: string): FeedbackFacts[] {
  const analysed = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'feedback_analysis'").get() !== undefined;
  return db
    .prepare(
      `SELECT f.id, f.feedback_code AS code, f.submitted_ts AS submitted, f.nps_n AS nps, f.csat_n AS csat, f.ces_n AS ces, f.comment, f.channel,
              COALESCE(f.customer_name, f.phone, f.email) AS who, f.customer_id AS customerId,
              CASE WHEN c.id IS NULL THEN NULL ELSE ${ENTITY_KEY} END AS entityKey,
              ${analysed ? 'a.sentiment AS sentiment, a.sentiment_score AS sentimentScore' : 'NULL AS sentiment, NULL AS sentimentScore'}
         FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id
         ${analysed ? 'LEFT JOIN feedback_analysis a ON a.feedback_id = f.id' : ''}
        WHERE f.submitted_ts >= @fromDay AND substr(f.submitted_ts, 1, 10) <= @toDay
        ORDER BY f.submitted_ts, f.id`,
    )
    .all({ fromDay, toDay }) as FeedbackFacts[];
}
