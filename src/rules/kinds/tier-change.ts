import { compileCondition } from '../../segment/condition.js';
import { addMonths } from '../../segment/dates.js';
import { parseDuration } from '../../service/duration.js';
import type { RuleOf } from '../config.js';
import { fieldsFor } from '../fields.js';
import { customerCandidate, customerValues, type Candidate, type EvalContext } from '../candidate.js';

/** The last day of the month `day` falls in. */
export function monthEnd(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Tier change: today's tier against the tier at the end of the month `window` months back (a
 * monthly snapshot). The period is the as-of month, so every run in a month compares with the same
 * snapshot and a change is reported once.
 */
export function tierChange(rule: RuleOf<'tier_change'>, ctx: EvalContext): Candidate[] {
  const holds = compileCondition(rule.when, fieldsFor(rule.kind));
  const months = parseDuration(rule.window).months ?? 1;
  const baseline = monthEnd(addMonths(ctx.asOf, -months));
  const before = ctx.tiers.at(baseline);
  const out: Candidate[] = [];
  for (const c of ctx.customers.values()) {
    const prev = before.get(c.entityKey);
    const now = ctx.tiersNow.get(c.entityKey);
    if (!prev || !now) continue;
    const values = { ...customerValues(ctx, c), previous_tier: prev.name, previous_tier_en: prev.en, tiers_down: now.rank - prev.rank };
    if (!holds(values)) continue;
    out.push(customerCandidate(ctx, rule, c, ctx.asOf.slice(0, 7), values, { previous_tier: prev.name, previous_tier_en: prev.en, tier: now.name, tier_en: now.en, baseline }));
  }
  return out;
}
