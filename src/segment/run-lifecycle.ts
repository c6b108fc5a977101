import type { Db } from '../store/db.js';
import { attributeColumn, dayStringCache, loadFacts, type AttributeField, type Facts } from './facts.js';
import { Grouped } from './grouped.js';
import { noOrderForMonths, STAGES, StageSummaryBuilder, stageOf, valueAtRiskFromDays, type LifecycleOptions, type Stage, type StageSummary } from './lifecycle.js';

export interface LifecycleRunOptions extends LifecycleOptions {
  asOf: string;
  excludeStatuses: readonly string[];
  by?: AttributeField;
}

export interface LifecycleEntityRow {
  entity_id: number;
  first_day: string;
  last_day: string;
  recency_days: number;
  tenure_days: number;
  frequency: number;
  monetary_cents: number;
  stage: Stage;
  warning: boolean;
  value_at_risk_cents: number;
}

export interface LifecycleRun {
  asOf: string;
  entities: number;
  stages: (StageSummary & { group?: string })[];
  warningCount: number;
  warningValueCents: number;
  rows(): Generator<LifecycleEntityRow>;
  /** Entities with a churn warning, biggest value at risk first (ties by entity id). */
  warnings(): Generator<LifecycleEntityRow>;
}

export function runLifecycle(db: Db, options: LifecycleRunOptions): LifecycleRun {
  const facts = loadFacts(db, { asOf: options.asOf, excludeStatuses: options.excludeStatuses });
  return lifecycleOverFacts(facts, options, options.by ? attributeColumn(db, facts, options.by) : undefined);
}

export function lifecycleOverFacts(facts: Facts, options: LifecycleOptions, groups?: string[]): LifecycleRun {
  const { n } = facts;
  const stage = new Uint8Array(n);
  const warning = new Uint8Array(n);
  const risk = new Float64Array(n);
  const months = options.warningMonths ?? 3;
  const dueByLastDay = new Map<number, boolean>();
  const toString = dayStringCache();
  const grouped = new Grouped(() => new StageSummaryBuilder());
  let warningCount = 0;
  let warningValueCents = 0;
  for (let i = 0; i < n; i++) {
    const recencyDays = facts.asOfDay - facts.lastDay[i];
    const tenureDays = facts.asOfDay - facts.firstDay[i];
    const s = stageOf({ recencyDays, tenureDays }, options);
    let due = dueByLastDay.get(facts.lastDay[i]);
    if (due === undefined) {
      due = noOrderForMonths(toString(facts.lastDay[i]), facts.asOf, months);
      dueByLastDay.set(facts.lastDay[i], due);
    }
    const warn = due && (s !== 'churned' || Boolean(options.warnChurned));
    const v = valueAtRiskFromDays(facts.firstDay[i], facts.lastDay[i], facts.monetary[i]);
    stage[i] = STAGES.indexOf(s);
    warning[i] = warn ? 1 : 0;
    risk[i] = v;
    if (warn) {
      warningCount++;
      warningValueCents += v;
    }
    grouped.get(groups?.[i] ?? '').add({ stage: s, monetaryCents: facts.monetary[i], warning: warn, valueAtRiskCents: v });
  }
  const row = (i: number): LifecycleEntityRow => ({
    entity_id: facts.entityId[i],
    first_day: toString(facts.firstDay[i]),
    last_day: toString(facts.lastDay[i]),
    recency_days: facts.asOfDay - facts.lastDay[i],
    tenure_days: facts.asOfDay - facts.firstDay[i],
    frequency: facts.frequency[i],
    monetary_cents: facts.monetary[i],
    stage: STAGES[stage[i]],
    warning: warning[i] === 1,
    value_at_risk_cents: risk[i],
  });
  return {
    asOf: facts.asOf,
    entities: n,
    stages: grouped.finish((b) => b.finish(), groups !== undefined),
    warningCount,
    warningValueCents,
    *rows() {
      for (let i = 0; i < n; i++) yield row(i);
    },
    *warnings() {
      const idx: number[] = [];
      for (let i = 0; i < n; i++) if (warning[i]) idx.push(i);
      const order = Uint32Array.from(idx).sort((a, b) => risk[b] - risk[a] || facts.entityId[a] - facts.entityId[b]);
      for (const i of order) yield row(i);
    },
  };
}
