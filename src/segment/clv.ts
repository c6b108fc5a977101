import { InputError } from '../errors.js';
import { conditionalExpectedPurchases, fitBgNbd, probabilityAlive, type BgNbdFit, type RfData } from './bgnbd.js';
import { dayNumber } from './dates.js';
import { conditionalExpectedAverage, fitGammaGamma, type GammaGammaFit } from './gammagamma.js';
import { DEFAULT_EXCLUDED_STATUSES, isCountedStatus, type OrderInput } from './metrics.js';

export type TimeUnit = 'day' | 'week' | 'month';
export const UNIT_DAYS: Record<TimeUnit, number> = { day: 1, week: 7, month: 365.2425 / 12 };

/**
 * What CLV needs per entity, with purchases counted per calendar day as in lifetimes'
 * summary_data_from_transaction_data: several orders on one day are one purchase.
 */
export interface ClvEntityInput {
  entityId: number;
  firstDay: string;
  lastDay: string;
  /** Distinct days with a counted order. */
  purchaseDays: number;
  totalCents: number;
  /** Spend on the first purchase day (excluded from the repeat-purchase mean). */
  firstDayCents: number;
}

/** Reference aggregation from raw orders (the store does this in SQL); sorted by entity id. */
export function clvInputsFromOrders(orders: Iterable<OrderInput>, asOf: string, excludeStatuses: readonly string[] = DEFAULT_EXCLUDED_STATUSES): ClvEntityInput[] {
  const days = new Map<number, Map<string, number>>();
  for (const o of orders) {
    if (o.day === null || o.day > asOf || !isCountedStatus(o.status, excludeStatuses)) continue;
    let perDay = days.get(o.entityId);
    if (!perDay) {
      perDay = new Map();
      days.set(o.entityId, perDay);
    }
    perDay.set(o.day, (perDay.get(o.day) ?? 0) + (o.amountCents ?? 0));
  }
  return [...days.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([entityId, perDay]) => {
      const sorted = [...perDay.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      return {
        entityId,
        firstDay: sorted[0][0],
        lastDay: sorted[sorted.length - 1][0],
        purchaseDays: sorted.length,
        totalCents: sorted.reduce((s, [, c]) => s + c, 0),
        firstDayCents: sorted[0][1],
      };
    });
}

/** lifetimes' frequency / recency / T / monetary_value for one entity. Money in yuan. */
export interface RfmSummary extends RfData {
  /** Mean spend per repeat purchase day, yuan (0 without repeats). */
  m: number;
}

export function summaryOf(e: ClvEntityInput, asOf: string, unit: TimeUnit): RfmSummary {
  const first = dayNumber(e.firstDay);
  const x = e.purchaseDays - 1;
  return {
    x,
    tx: (dayNumber(e.lastDay) - first) / UNIT_DAYS[unit],
    T: (dayNumber(asOf) - first) / UNIT_DAYS[unit],
    m: x > 0 ? (e.totalCents - e.firstDayCents) / 100 / x : 0,
  };
}

export interface ClvModel {
  unit: TimeUnit;
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  /** Mean spend per repeat purchase over the repeat buyers: the fallback when Gamma-Gamma has no finite mean (q ≤ 1). */
  observedAverage: number;
}

/** Fits both models on summaries (Gamma-Gamma on repeat buyers with positive spend only). */
export function fitClvModels(summaries: readonly RfmSummary[], unit: TimeUnit): ClvModel {
  if (summaries.length === 0) throw InputError.of('clv.noCustomers');
  const bgnbd = fitBgNbd(summaries);
  const repeat = summaries.filter((s) => s.x > 0 && s.m > 0);
  const gammaGamma = fitGammaGamma(repeat.map((s) => ({ x: s.x, m: s.m })));
  const repeatPurchases = repeat.reduce((sum, s) => sum + s.x, 0);
  const observedAverage = repeatPurchases > 0 ? repeat.reduce((sum, s) => sum + s.x * s.m, 0) / repeatPurchases : 0;
  return { unit, bgnbd, gammaGamma, observedAverage };
}

export interface ClvOptions {
  /** Months ahead to predict (default 12). */
  horizonMonths?: number;
  /** Yearly discount rate applied month by month (default 0.10). */
  annualDiscountRate?: number;
  /** Share of revenue that is profit; 1 means CLV in revenue (default 1). */
  margin?: number;
}

export interface ClvPrediction {
  probabilityAlive: number;
  /** Expected purchases over the horizon. */
  expectedPurchases: number;
  /** Expected spend per purchase, cents (Gamma-Gamma). */
  expectedAverageCents: number;
  /** Discounted expected value over the horizon, cents. */
  clvCents: number;
}

/**
 * Monthly cash flows, as lifetimes' customer_lifetime_value: the purchases expected in month i
 * (E[Y(i·L)] − E[Y((i−1)·L)]) times the expected spend per purchase, discounted by (1+d)^i with
 * d the monthly rate equivalent to the yearly one.
 */
export function predictClv(model: ClvModel, s: RfmSummary, options: ClvOptions = {}): ClvPrediction {
  const { params } = model.bgnbd;
  const horizon = options.horizonMonths ?? 12;
  const monthly = Math.pow(1 + (options.annualDiscountRate ?? 0.1), 1 / 12) - 1;
  const monthLength = UNIT_DAYS.month / UNIT_DAYS[model.unit];
  const modelled = conditionalExpectedAverage(model.gammaGamma.params, s.x, s.m);
  // With q ≤ 1 the fitted spend distribution has no mean: fall back to what was observed.
  const average = Number.isFinite(modelled) ? modelled : s.x > 0 ? s.m : model.observedAverage;
  let previous = 0;
  let value = 0;
  for (let i = 1; i <= horizon; i++) {
    const cumulative = conditionalExpectedPurchases(params, i * monthLength, s.x, s.tx, s.T);
    value += ((cumulative - previous) * average) / Math.pow(1 + monthly, i);
    previous = cumulative;
  }
  return {
    probabilityAlive: probabilityAlive(params, s.x, s.tx, s.T),
    expectedPurchases: previous,
    expectedAverageCents: Math.round(average * 100),
    clvCents: Math.round(value * 100 * (options.margin ?? 1)),
  };
}

export interface ClvEntity extends ClvPrediction {
  entityId: number;
  historicalCents: number;
  x: number;
  tx: number;
  T: number;
}

export interface ClvTotals {
  customers: number;
  repeatBuyers: number;
  historicalCents: number;
  expectedPurchases: number;
  clvCents: number;
  meanProbabilityAlive: number;
}

export class ClvTotalsBuilder {
  private t: ClvTotals = { customers: 0, repeatBuyers: 0, historicalCents: 0, expectedPurchases: 0, clvCents: 0, meanProbabilityAlive: 0 };
  private alive = 0;

  add(e: ClvEntity): void {
    this.t.customers++;
    if (e.x > 0) this.t.repeatBuyers++;
    this.t.historicalCents += e.historicalCents;
    this.t.expectedPurchases += e.expectedPurchases;
    this.t.clvCents += e.clvCents;
    this.alive += e.probabilityAlive;
  }

  finish(): ClvTotals {
    return { ...this.t, meanProbabilityAlive: this.t.customers ? this.alive / this.t.customers : 0 };
  }
}

export interface ClvResult {
  model: ClvModel;
  rows: ClvEntity[];
  totals: ClvTotals;
}

/** Fit and predict for every entity (arrays in memory; the store path streams the predictions). */
export function clv(inputs: readonly ClvEntityInput[], asOf: string, options: ClvOptions & { unit?: TimeUnit } = {}): ClvResult {
  const unit = options.unit ?? 'week';
  const summaries = inputs.map((e) => summaryOf(e, asOf, unit));
  const model = fitClvModels(summaries, unit);
  const totals = new ClvTotalsBuilder();
  const rows = inputs.map((e, i) => {
    const s = summaries[i];
    const row = { entityId: e.entityId, historicalCents: e.totalCents, x: s.x, tx: s.tx, T: s.T, ...predictClv(model, s, options) };
    totals.add(row);
    return row;
  });
  return { model, rows, totals: totals.finish() };
}
