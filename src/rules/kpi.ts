import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import { addMonths } from '../segment/dates.js';
import type { TimeUnit } from '../segment/clv.js';
import { runClv } from '../segment/run-clv.js';
import { evaluateSla } from '../service/sla.js';
import { rulesConfigOf } from './config.js';
import { countedOrders, ENTITY_KEY, excludedStatuses, tierScale } from './facts.js';

export interface RateKpi {
  rate: number | null;
  /** How many customers (or tickets) the rate is a share of. */
  base: number;
  count: number;
}

export interface TierValue {
  tier: string;
  tierEn: string;
  /** Buyers in the tier the value is averaged over. */
  customers: number;
  valueCents: number | null;
}

export interface Kpis {
  asOf: string;
  periodMonths: number;
  repurchaseMonths: number;
  /** Buyers of the previous period who bought again in the last period. */
  retention: RateKpi;
  /** Buyers of the previous period with no purchase in the last period (1 − retention). */
  churn: RateKpi;
  /** Buyers of the last repurchase_months with purchases on two or more days. */
  repurchase: RateKpi;
  /** Mean elapsed minutes to the first response, tickets opened in the last period. */
  firstResponse: { averageMinutes: number | null; tickets: number };
  /** Tickets opened in the last period that met their level's targets, among those decided. */
  sla: RateKpi;
  clvMethod: 'model' | 'historical';
  clvHorizonMonths: number;
  clvByTier: TierValue[];
}

/** Entities with counted orders in (from, to], with their number of purchase days. */
function buyers(db: Db, config: Config | undefined, fromExclusive: string, toInclusive: string): Map<number, number> {
  const counted = countedOrders(config);
  const rows = db
    .prepare(
      `SELECT ${ENTITY_KEY} AS ek, COUNT(DISTINCT o.order_day) AS days
         FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.order_day > @from AND o.order_day <= @to${counted.sql}
        GROUP BY ek`,
    )
    .all({ from: fromExclusive, to: toInclusive, ...counted.params }) as { ek: number; days: number }[];
  return new Map(rows.map((r) => [r.ek, r.days]));
}

const rate = (count: number, base: number): RateKpi => ({ rate: base > 0 ? count / base : null, base, count });

interface SegmentClvSettings {
  time_unit?: TimeUnit;
  horizon_months?: number;
  annual_discount_rate?: number;
  margin?: number;
  fit_sample?: number;
}

/**
 * CLV per entity from the segment stage (BG/NBD + Gamma-Gamma, segment.clv settings); null when
 * the models cannot be fitted (too few customers or repeat buyers).
 */
function modelClv(db: Db, config: Config | undefined, asOf: string): { values: Map<number, number>; horizon: number } | null {
  const settings = (config as { segment?: { clv?: SegmentClvSettings } } | undefined)?.segment?.clv ?? {};
  const horizon = settings.horizon_months ?? 12;
  try {
    const run = runClv(db, {
      asOf,
      excludeStatuses: excludedStatuses(config),
      unit: settings.time_unit ?? 'week',
      horizonMonths: horizon,
      annualDiscountRate: settings.annual_discount_rate ?? 0.1,
      margin: settings.margin ?? 1,
      fitSample: settings.fit_sample,
    });
    const values = new Map<number, number>();
    for (const row of run.rows()) {
      if (!Number.isFinite(row.clv_cents)) return null;
      values.set(row.entity_id, row.clv_cents);
    }
    return { values, horizon };
  } catch {
    return null;
  }
}

/** Counted spend to date per entity (the CLV stand-in when no model can be fitted). */
function historicalValue(db: Db, config: Config | undefined, asOf: string): Map<number, number> {
  const counted = countedOrders(config);
  const rows = db
    .prepare(
      `SELECT ${ENTITY_KEY} AS ek, SUM(COALESCE(o.amount_cents, 0)) AS cents
         FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.order_day IS NOT NULL AND o.order_day <= @asOf${counted.sql} GROUP BY ek`,
    )
    .all({ asOf, ...counted.params }) as { ek: number; cents: number }[];
  return new Map(rows.map((r) => [r.ek, r.cents]));
}

/** Key figures for `custops status --kpi` and the weekly report. */
export function kpis(db: Db, config: Config | undefined, asOf: string): Kpis {
  const { kpi, tier_set } = rulesConfigOf(config);
  const n = kpi.period_months;
  const currentStart = addMonths(asOf, -n);
  const current = buyers(db, config, currentStart, asOf);
  const previous = buyers(db, config, addMonths(asOf, -2 * n), currentStart);
  let retained = 0;
  for (const ek of previous.keys()) if (current.has(ek)) retained++;
  const repurchaseWindow = buyers(db, config, addMonths(asOf, -kpi.repurchase_months), asOf);
  let repeat = 0;
  for (const days of repurchaseWindow.values()) if (days >= 2) repeat++;

  const tickets = evaluateSla(db, config, { now: `${asOf}T23:59:59`, since: currentStart });
  const responded = tickets.filter((t) => t.firstResponseElapsed !== null);
  const decided = tickets.filter((t) => t.outcome === 'met' || t.outcome === 'breached');

  const scale = tierScale(db, config, tier_set);
  const tiers = scale.at(asOf);
  const model = modelClv(db, config, asOf);
  const values = model?.values ?? historicalValue(db, config, asOf);
  const byTier = new Map<string, number[]>();
  for (const [ek, cents] of values) {
    const tier = tiers.get(ek);
    if (!tier) continue;
    const list = byTier.get(tier.name) ?? [];
    list.push(cents);
    byTier.set(tier.name, list);
  }
  return {
    asOf,
    periodMonths: n,
    repurchaseMonths: kpi.repurchase_months,
    retention: rate(retained, previous.size),
    churn: rate(previous.size - retained, previous.size),
    repurchase: rate(repeat, repurchaseWindow.size),
    firstResponse: {
      averageMinutes: responded.length ? responded.reduce((s, t) => s + (t.firstResponseElapsed ?? 0), 0) / responded.length : null,
      tickets: responded.length,
    },
    sla: rate(decided.filter((t) => t.outcome === 'met').length, decided.length),
    clvMethod: model ? 'model' : 'historical',
    clvHorizonMonths: model?.horizon ?? 0,
    clvByTier: scale.tiers.map((t) => {
      const list = byTier.get(t.name) ?? [];
      return { tier: t.name, tierEn: t.en, customers: list.length, valueCents: list.length ? Math.round(list.reduce((s, v) => s + v, 0) / list.length) : null };
    }),
  };
}
