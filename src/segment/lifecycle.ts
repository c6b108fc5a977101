import { addMonths, dayNumber } from './dates.js';
import type { EntityMetrics } from './metrics.js';

export type Stage = 'new' | 'active' | 'sleeping' | 'churned';
export const STAGES: readonly Stage[] = ['new', 'active', 'sleeping', 'churned'];

export interface LifecycleOptions {
  /** new: first paid order fewer than this many days before --as-of (default 90). */
  newDays?: number;
  /** active: last paid order fewer than this many days before --as-of (default 90). */
  activeDays?: number;
  /** churned: no paid order for at least this many days (default 365); between active and churned = sleeping. */
  churnDays?: number;
  /** Churn warning: no paid order for this many consecutive calendar months (default 3). */
  warningMonths?: number;
  /** Also list already-churned entities in the warning list (default false: they are lost, not at risk). */
  warnChurned?: boolean;
}

type Dated = Pick<EntityMetrics, 'firstDay' | 'lastDay' | 'recencyDays' | 'tenureDays' | 'monetaryCents'>;

export function stageOf(m: Pick<EntityMetrics, 'recencyDays' | 'tenureDays'>, options: LifecycleOptions = {}): Stage {
  if (m.tenureDays < (options.newDays ?? 90)) return 'new';
  if (m.recencyDays < (options.activeDays ?? 90)) return 'active';
  if (m.recencyDays < (options.churnDays ?? 365)) return 'sleeping';
  return 'churned';
}

/** True when the months after the last order up to --as-of include `months` whole calendar months. */
export function noOrderForMonths(lastDay: string, asOf: string, months: number): boolean {
  return dayNumber(addMonths(lastDay, months)) <= dayNumber(asOf);
}

/**
 * Value at risk: what the entity has been worth per year, i.e. its paid spend spread over its
 * active span (first to last order) but never over less than a year, so a one-off buyer's risk is
 * their one order and a ten-year customer's is one tenth of their spend.
 */
export function valueAtRiskCents(m: Pick<EntityMetrics, 'firstDay' | 'lastDay' | 'monetaryCents'>): number {
  return valueAtRiskFromDays(dayNumber(m.firstDay), dayNumber(m.lastDay), m.monetaryCents);
}

/** The same from day numbers (the store path). */
export function valueAtRiskFromDays(firstDay: number, lastDay: number, monetaryCents: number): number {
  return Math.round((monetaryCents * 365) / Math.max(lastDay - firstDay + 1, 365));
}

export interface LifecycleEntity extends Dated {
  entityId: number;
  stage: Stage;
  warning: boolean;
  valueAtRiskCents: number;
}

export function classify(m: Dated & { entityId: number }, asOf: string, options: LifecycleOptions = {}): LifecycleEntity {
  const stage = stageOf(m, options);
  const warning = (stage !== 'churned' || Boolean(options.warnChurned)) && noOrderForMonths(m.lastDay, asOf, options.warningMonths ?? 3);
  return {
    entityId: m.entityId,
    firstDay: m.firstDay,
    lastDay: m.lastDay,
    recencyDays: m.recencyDays,
    tenureDays: m.tenureDays,
    monetaryCents: m.monetaryCents,
    stage,
    warning,
    valueAtRiskCents: valueAtRiskCents(m),
  };
}

export interface StageSummary {
  stage: Stage;
  customers: number;
  share: number;
  revenueCents: number;
  revenueShare: number;
}

export class StageSummaryBuilder {
  private readonly acc = new Map<Stage, { n: number; cents: number }>(STAGES.map((s) => [s, { n: 0, cents: 0 }]));
  warnings = 0;
  warningValueCents = 0;

  add(e: Pick<LifecycleEntity, 'stage' | 'monetaryCents' | 'warning' | 'valueAtRiskCents'>): void {
    const a = this.acc.get(e.stage)!;
    a.n += 1;
    a.cents += e.monetaryCents;
    if (e.warning) {
      this.warnings += 1;
      this.warningValueCents += e.valueAtRiskCents;
    }
  }

  finish(): StageSummary[] {
    let n = 0;
    let cents = 0;
    for (const a of this.acc.values()) {
      n += a.n;
      cents += a.cents;
    }
    return STAGES.map((stage) => {
      const a = this.acc.get(stage)!;
      return { stage, customers: a.n, share: n ? a.n / n : 0, revenueCents: a.cents, revenueShare: cents ? a.cents / cents : 0 };
    });
  }
}

/** Highest value at risk first; ties by entity id so the list is reproducible. */
export function byValueAtRisk(a: LifecycleEntity, b: LifecycleEntity): number {
  return b.valueAtRiskCents - a.valueAtRiskCents || a.entityId - b.entityId;
}

export interface LifecycleResult {
  rows: LifecycleEntity[];
  stages: StageSummary[];
  warnings: LifecycleEntity[];
  warningValueCents: number;
}

export function lifecycle(metrics: readonly EntityMetrics[], asOf: string, options: LifecycleOptions = {}): LifecycleResult {
  const summary = new StageSummaryBuilder();
  const rows = metrics.map((m) => {
    const e = classify(m, asOf, options);
    summary.add(e);
    return e;
  });
  return { rows, stages: summary.finish(), warnings: rows.filter((r) => r.warning).sort(byValueAtRisk), warningValueCents: summary.warningValueCents };
}
