import { compileCondition, conditionFields, type FieldValue } from '../../segment/condition.js';
import { analyseSentiment, type SentimentResult } from '../../feedback/sentiment.js';
import { durationMinutes } from '../../service/duration.js';
import { addDays } from '../../service/worktime.js';
import type { RuleOf } from '../config.js';
import { fieldsFor } from '../fields.js';
import { feedbackBetween } from '../facts.js';
import { customerLabel, dueAfter, fullTs, laterLocal, ownerFor, type Candidate, type EvalContext } from '../candidate.js';
import type { Db } from '../../store/db.js';

/** Detractors and negative comments in the window: one response task per feedback answer. */
export function complaint(rule: RuleOf<'complaint'>, ctx: EvalContext): Candidate[] {
  const holds = compileCondition(rule.when, fieldsFor(rule.kind));
  const needsSentiment = conditionFields(rule.when).some((f) => f.startsWith('sentiment'));
  const days = Math.max(1, Math.ceil(durationMinutes(rule.window) / 1440));
  const out: Candidate[] = [];
  for (const f of feedbackBetween(ctx.db, addDays(ctx.asOf, -(days - 1)), ctx.asOf)) {
    // The feedback stage's stored analysis when it has run; else the same analyser, on the fly.
    const sentiment: Pick<SentimentResult, 'label' | 'score'> | null =
      f.sentiment !== null ? { label: f.sentiment, score: f.sentimentScore ?? 0 } : needsSentiment && f.comment ? analyseSentiment(f.comment) : null;
    const customer = f.entityKey === null ? undefined : ctx.customers.get(f.entityKey);
    const tier = f.entityKey === null ? undefined : ctx.tiersNow.get(f.entityKey);
    const values: Record<string, FieldValue> = {
      nps: f.nps,
      csat: f.csat,
      ces: f.ces,
      sentiment: sentiment?.label ?? null,
      sentiment_score: sentiment ? Math.round(sentiment.score * 1000) / 1000 : null,
      feedback_channel: f.channel,
      tier: tier?.name ?? null,
      tier_en: tier?.en ?? null,
      level: customer?.level ?? null,
    };
    if (!holds(values)) continue;
    const triggerTs = fullTs(f.submitted);
    out.push({
      key: `${rule.id}|f${f.id}`,
      ruleId: rule.id,
      kind: rule.kind,
      action: rule.action,
      subjectType: 'feedback',
      subject: customer ? customerLabel(customer) : f.who,
      customerId: customer?.customerId ?? null,
      customerCode: customer?.code ?? null,
      feedbackId: f.id,
      parentId: null,
      tier: tier?.name ?? null,
      owner: ownerFor(rule, customer),
      triggerTs,
      dueTs: dueAfter(rule, triggerTs, ctx.timeZone),
      condition: rule.when,
      values,
      detail: { submitted: triggerTs, nps: f.nps, sentiment: values.sentiment, comment: f.comment ? clip(f.comment, 60) : null, feedback_code: f.code },
    });
  }
  return out;
}

function clip(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** A closed response task, as the follow-up needs it. */
export interface ClosedTask {
  id: number;
  rule_id: string;
  subject_type: Candidate['subjectType'];
  subject: string | null;
  customer_id: number | null;
  customer_code: string | null;
  feedback_id: number | null;
  tier: string | null;
  closed_at: string;
}

/** The follow-up `follow_up.after` after a response task was closed (resolved). */
export function followUpOf(rule: RuleOf<'complaint'>, task: ClosedTask, timeZone: string): Candidate | null {
  if (!rule.follow_up) return null;
  const triggerTs = fullTs(task.closed_at);
  return {
    key: `${rule.id}|follow-up|t${task.id}`,
    ruleId: rule.id,
    kind: rule.kind,
    action: rule.follow_up.action,
    subjectType: task.subject_type,
    subject: task.subject,
    customerId: task.customer_id,
    customerCode: task.customer_code,
    feedbackId: task.feedback_id,
    parentId: task.id,
    tier: task.tier,
    owner: rule.follow_up.owner ?? rule.owner,
    triggerTs,
    dueTs: laterLocal(triggerTs, durationMinutes(rule.follow_up.after), timeZone),
    condition: `follow_up.after ${rule.follow_up.after}`,
    values: {},
    detail: { follow_up: true, parent: task.id, resolved: triggerTs },
  };
}

/** Response tasks of this rule closed by the end of the as-of day (follow-ups themselves excluded). */
export function closedResponses(db: Db, ruleId: string, asOf: string): ClosedTask[] {
  return db
    .prepare(
      `SELECT id, rule_id, subject_type, subject, customer_id, customer_code, feedback_id, tier, closed_at
         FROM tasks WHERE rule_id = ? AND parent_id IS NULL AND status = 'done' AND substr(closed_at, 1, 10) <= ?
        ORDER BY id`,
    )
    .all(ruleId, asOf) as ClosedTask[];
}

export function followUps(rule: RuleOf<'complaint'>, ctx: EvalContext): Candidate[] {
  if (!rule.follow_up) return [];
  return closedResponses(ctx.db, rule.id, ctx.asOf)
    .map((t) => followUpOf(rule, t, ctx.timeZone))
    .filter((c): c is Candidate => c !== null);
}
