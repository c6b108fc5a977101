import { compileCondition, type FieldValue } from '../../segment/condition.js';
import { durationMinutes } from '../../service/duration.js';
import { addDays } from '../../service/worktime.js';
import type { RuleOf } from '../config.js';
import { fieldsFor } from '../fields.js';
import { lastWeekEnd, weeklyActivity, type CustomerFacts } from '../facts.js';
import { customerCandidate, customerValues, dueAfter, type Candidate, type EvalContext } from '../candidate.js';

/** Declining streaks are counted back at most this many weeks. */
export const MAX_STREAK_WEEKS = 26;

/** True when `current` is at least `minDrop` below `previous` (a week with nothing before it cannot fall). */
export function fell(previous: number, current: number, minDrop: number): boolean {
  return previous > 0 && previous - current >= previous * minDrop - 1e-9;
}

/**
 * Rolling activity per week from raw weekly buckets (index 0 = newest): each value sums `rolling`
 * buckets. Returns MAX_STREAK_WEEKS + 1 values so a streak of up to MAX_STREAK_WEEKS can be seen.
 */
export function rollingSeries(buckets: readonly number[], rolling: number): number[] {
  const out: number[] = [];
  for (let k = 0; k <= MAX_STREAK_WEEKS; k++) {
    let sum = 0;
    for (let j = k; j < k + rolling; j++) sum += buckets[j] ?? 0;
    out.push(sum);
  }
  return out;
}

/** Consecutive falls counting back from the newest week. */
export function decliningWeeks(series: readonly number[], minDrop: number): number {
  let n = 0;
  while (n + 1 < series.length && fell(series[n + 1], series[n], minDrop)) n++;
  return n;
}

function activityValues(series: number[], minDrop: number, measure: 'orders' | 'revenue'): Record<string, FieldValue> {
  const scale = measure === 'revenue' ? 100 : 1;
  const [last, previous] = series;
  return {
    declining_weeks: decliningWeeks(series, minDrop),
    last_week: last / scale,
    previous_week: previous / scale,
    drop: previous > 0 ? (previous - last) / previous : null,
  };
}

function detailOf(series: number[], declining: number, measure: 'orders' | 'revenue', weekEnd: string, rule: RuleOf<'activity_drop'>): Record<string, unknown> {
  const shown = series.slice(0, Math.max(declining, 1) + 1).reverse();
  const rolling = durationMinutes(rule.window) / 10080;
  return { measure, series: measure === 'revenue' ? shown.map((v) => v / 100) : shown, week_end: weekEnd, min_drop: rule.min_drop, declining_weeks: declining, rolling_weeks: rolling };
}

/**
 * Activity drop for customers or segments. The period of a task is the first week of the falling
 * streak, so a streak that goes on week after week keeps its one task.
 */
export function activityDrop(rule: RuleOf<'activity_drop'>, ctx: EvalContext): Candidate[] {
  const holds = compileCondition(rule.when, fieldsFor(rule.kind, rule.scope));
  const rolling = durationMinutes(rule.window) / 10080;
  const weekEnd = lastWeekEnd(ctx.asOf);
  const buckets = weeklyActivity(ctx.db, ctx.config, weekEnd, MAX_STREAK_WEEKS + rolling, rule.measure);
  const streakStart = (declining: number): string => addDays(weekEnd, -7 * (declining - 1));
  const out: Candidate[] = [];
  if (rule.scope === 'customer') {
    for (const [ek, raw] of buckets) {
      const c = ctx.customers.get(ek);
      if (!c) continue;
      const series = rollingSeries(raw, rolling);
      const values = { ...customerValues(ctx, c), ...activityValues(series, rule.min_drop, rule.measure) };
      if (!holds(values)) continue;
      const declining = values.declining_weeks as number;
      out.push(customerCandidate(ctx, rule, c, streakStart(declining), values, detailOf(series, declining, rule.measure, weekEnd, rule)));
    }
    return out;
  }
  const groups = new Map<string, { customers: number; buckets: number[] }>();
  for (const c of ctx.customers.values()) {
    const segment = segmentOf(ctx, c, rule.segment_by);
    if (segment === null) continue;
    const g = groups.get(segment) ?? { customers: 0, buckets: new Array<number>(MAX_STREAK_WEEKS + rolling).fill(0) };
    groups.set(segment, g);
    g.customers++;
    const raw = buckets.get(c.entityKey);
    if (raw) raw.forEach((v, i) => (g.buckets[i] += v));
  }
  const triggerTs = `${ctx.asOf}T00:00:00`;
  for (const [segment, g] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    const series = rollingSeries(g.buckets, rolling);
    const values: Record<string, FieldValue> = { segment, customers: g.customers, ...activityValues(series, rule.min_drop, rule.measure) };
    if (!holds(values)) continue;
    const declining = values.declining_weeks as number;
    out.push({
      key: `${rule.id}|s:${rule.segment_by}=${segment}|${streakStart(declining)}`,
      ruleId: rule.id,
      kind: rule.kind,
      action: rule.action,
      subjectType: 'segment',
      subject: segment,
      customerId: null,
      customerCode: null,
      feedbackId: null,
      parentId: null,
      tier: rule.segment_by === 'tier' ? segment : null,
      owner: rule.owner,
      triggerTs,
      dueTs: dueAfter(rule, triggerTs, ctx.timeZone),
      condition: rule.when,
      values,
      detail: { ...detailOf(series, declining, rule.measure, weekEnd, rule), segment_by: rule.segment_by },
    });
  }
  return out;
}

function segmentOf(ctx: EvalContext, c: CustomerFacts, by: RuleOf<'activity_drop'>['segment_by']): string | null {
  switch (by) {
    case 'tier':
      return ctx.tiersNow.get(c.entityKey)?.name ?? null;
    default:
      return c[by] ?? null;
  }
}
