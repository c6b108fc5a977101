import { compileCondition } from '../../segment/condition.js';
import type { RuleOf } from '../config.js';
import { fieldsFor } from '../fields.js';
import { customerCandidate, customerValues, type Candidate, type EvalContext } from '../candidate.js';

/** Contract ending: one task per customer and contract end date (a renewed contract starts afresh). */
export function contractEnd(rule: RuleOf<'contract_end'>, ctx: EvalContext): Candidate[] {
  const holds = compileCondition(rule.when, fieldsFor(rule.kind));
  const out: Candidate[] = [];
  for (const c of ctx.customers.values()) {
    const values = customerValues(ctx, c);
    if (!holds(values)) continue;
    const end = c.contractEnd?.slice(0, 10) ?? 'none';
    out.push(customerCandidate(ctx, rule, c, end, values, { contract_end: c.contractEnd?.slice(0, 10) ?? null, days_left: values.contract_days_left }));
  }
  return out;
}

/** No paid order: one task per customer and lapse (a new order followed by a new lapse starts afresh). */
export function noOrder(rule: RuleOf<'no_order'>, ctx: EvalContext): Candidate[] {
  const holds = compileCondition(rule.when, fieldsFor(rule.kind));
  const out: Candidate[] = [];
  for (const c of ctx.customers.values()) {
    const values = customerValues(ctx, c);
    if (!holds(values)) continue;
    const last = ctx.stats.get(c.entityKey)?.lastDay ?? 'never';
    out.push(customerCandidate(ctx, rule, c, last, values, { last_paid_order: ctx.stats.get(c.entityKey)?.lastDay ?? null, months: values.months_since_paid_order }));
  }
  return out;
}
