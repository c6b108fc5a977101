import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import type { FieldValue } from '../segment/condition.js';
import { dayNumber } from '../segment/dates.js';
import { durationMinutes } from '../service/duration.js';
import { toInstant, toLocal } from '../service/worktime.js';
import type { Rule, RulesConfig } from './config.js';
import { wholeMonthsBetween, type CustomerFacts, type OrderStats, type Tier, type TierScale } from './facts.js';

/** A task a rule would create: what, for whom, why, by when, and the key that makes it happen once. */
export interface Candidate {
  /** rule id | subject | period: the same customer and period never get a second task from one rule. */
  key: string;
  ruleId: string;
  kind: Rule['kind'];
  action: string;
  subjectType: 'customer' | 'segment' | 'feedback';
  subject: string | null;
  customerId: number | null;
  customerCode: string | null;
  feedbackId: number | null;
  parentId: number | null;
  tier: string | null;
  owner: string;
  /** Local wall-clock times in the service time zone. */
  triggerTs: string;
  dueTs: string;
  condition: string;
  /** The condition's field values when it fired. */
  values: Record<string, FieldValue>;
  /** What the explanation says (dates, series, previous tier …). */
  detail: Record<string, unknown>;
}

/** Everything rules read, loaded once per evaluation. */
export interface EvalContext {
  db: Db;
  config: Config | undefined;
  rules: RulesConfig;
  asOf: string;
  /** dayNumber(asOf), computed once. */
  asOfDay: number;
  timeZone: string;
  customers: Map<number, CustomerFacts>;
  stats: Map<number, OrderStats>;
  tiers: TierScale;
  tiersNow: Map<number, Tier>;
}

/** 'YYYY-MM-DD' or a shorter time → 'YYYY-MM-DDTHH:mm:ss'. */
export function fullTs(ts: string): string {
  const t = ts.replace(' ', 'T');
  if (t.length === 10) return `${t}T00:00:00`;
  if (t.length === 16) return `${t}:00`;
  return t.slice(0, 19);
}

/** A wall-clock time `minutes` later, counted as real elapsed time in the zone. */
export function laterLocal(ts: string, minutes: number, timeZone: string): string {
  return toLocal(toInstant(fullTs(ts), timeZone) + minutes * 60_000, timeZone);
}

export function dueAfter(rule: Pick<Rule, 'due'>, triggerTs: string, timeZone: string): string {
  return laterLocal(triggerTs, durationMinutes(rule.due), timeZone);
}

export function ownerFor(rule: Pick<Rule, 'owner' | 'owner_from_customer'>, customer: CustomerFacts | undefined): string {
  if (rule.owner_from_customer && customer?.owner) return customer.owner;
  return rule.owner;
}

export function customerLabel(c: CustomerFacts): string {
  return [c.code, c.name].filter(Boolean).join(' ') || `#${c.customerId}`;
}

/** The fields every customer rule can read (see CUSTOMER_FIELDS). */
export function customerValues(ctx: EvalContext, c: CustomerFacts): Record<string, FieldValue> {
  const s = ctx.stats.get(c.entityKey);
  const t = ctx.tiersNow.get(c.entityKey);
  const asOf = ctx.asOfDay;
  return {
    tier: t?.name ?? null,
    tier_en: t?.en ?? null,
    level: c.level,
    province: c.province,
    city: c.city,
    industry: c.industry,
    channel: c.channel,
    paid_orders: s?.orders ?? 0,
    spend_12m: (s?.spend12mCents ?? 0) / 100,
    days_since_paid_order: s ? asOf - dayNumber(s.lastDay) : null,
    months_since_paid_order: s ? wholeMonthsBetween(s.lastDay, ctx.asOf) : null,
    contract_days_left: c.contractEnd ? dayNumber(c.contractEnd.slice(0, 10)) - asOf : null,
  };
}

/** Common parts of a customer task. */
export function customerCandidate(ctx: EvalContext, rule: Rule, c: CustomerFacts, period: string, values: Record<string, FieldValue>, detail: Record<string, unknown>): Candidate {
  const triggerTs = `${ctx.asOf}T00:00:00`;
  return {
    key: `${rule.id}|c${c.customerId}|${period}`,
    ruleId: rule.id,
    kind: rule.kind,
    action: rule.action,
    subjectType: 'customer',
    subject: customerLabel(c),
    customerId: c.customerId,
    customerCode: c.code,
    feedbackId: null,
    parentId: null,
    tier: ctx.tiersNow.get(c.entityKey)?.name ?? null,
    owner: ownerFor(rule, c),
    triggerTs,
    dueTs: dueAfter(rule, triggerTs, ctx.timeZone),
    condition: rule.when,
    values,
    detail,
  };
}
