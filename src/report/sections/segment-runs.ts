import { runLifecycle, type LifecycleRun } from '../../segment/run-lifecycle.js';
import { runTiers, type TiersRun } from '../../segment/run-tiers.js';
import { tierSets } from '../../segment/config.js';
import type { TierSet } from '../../segment/tiers.js';
import type { SectionInput } from './input.js';

/** Segment stage runs the report needs more than once, computed once per as-of day. */
export function lifecycleAt(input: SectionInput, asOf: string): LifecycleRun {
  const lifecycle = input.settings.segment.lifecycle;
  return input.memo(`lifecycle:${asOf}`, () =>
    runLifecycle(input.db, {
      asOf,
      excludeStatuses: input.settings.segment.exclude_status,
      newDays: lifecycle.new_days,
      activeDays: lifecycle.active_days,
      churnDays: lifecycle.churn_days,
      warningMonths: lifecycle.warning_months,
      warnChurned: lifecycle.warn_churned,
    }),
  );
}

/** The tier set the report shows: report.tier_set, else the first of segment.tiers. */
export function reportTierSet(input: SectionInput): { name: string; set: TierSet } | undefined {
  const sets = tierSets(input.settings.segment);
  const name = input.settings.report.tier_set ?? Object.keys(sets)[0];
  return name && sets[name] ? { name, set: sets[name] } : undefined;
}

export interface TiersAt {
  name: string;
  run: TiersRun;
  /** Tier names, best first (rank = index). */
  tiers: { name: string; en: string }[];
  /** Every entity ascending by id, with its tier rank (−1: no rule matched). Typed, so a million entities cost ~9 MB. */
  entityIds: Float64Array;
  ranks: Int8Array;
}

/** Tier of every entity as of a day, for the report's tier set. */
export function tiersAt(input: SectionInput, asOf: string): TiersAt | undefined {
  const chosen = reportTierSet(input);
  if (!chosen) return undefined;
  return input.memo(`tiers:${chosen.name}:${asOf}`, () => {
    const run = runTiers(input.db, { asOf, excludeStatuses: input.settings.segment.exclude_status, sets: { [chosen.name]: chosen.set } });
    const compiled = run.sets[0];
    const rankOf = new Map(compiled.tiers.map((t, i) => [t.name, i]));
    const ids: number[] = [];
    const ranks: number[] = [];
    for (const row of run.rows()) {
      ids.push(row.entity_id);
      const tier = row.tiers[chosen.name];
      ranks.push(tier === null || tier === undefined ? -1 : (rankOf.get(tier) ?? -1));
    }
    return { name: chosen.name, run, tiers: compiled.tiers, entityIds: Float64Array.from(ids), ranks: Int8Array.from(ranks) };
  });
}

/** Tier name of one entity (binary search over the ascending ids). */
export function tierOf(t: TiersAt, entityId: number, lang: 'zh' | 'en'): string | null {
  let lo = 0;
  let hi = t.entityIds.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = t.entityIds[mid];
    if (v === entityId) {
      const r = t.ranks[mid];
      return r < 0 ? null : lang === 'zh' ? t.tiers[r].name : t.tiers[r].en;
    }
    if (v < entityId) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}
