import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import { InputError } from '../errors.js';
import { dayNumber } from '../segment/dates.js';
import { serviceConfigOf } from '../service/config.js';
import { rulesConfigOf, type Rule } from './config.js';
import { factsCache, loadCustomers, orderStats, tierScale } from './facts.js';
import type { Candidate, EvalContext } from './candidate.js';
import { contractEnd, noOrder } from './kinds/customer.js';
import { activityDrop } from './kinds/activity.js';
import { complaint, followUps } from './kinds/complaint.js';
import { tierChange } from './kinds/tier-change.js';
import { saveCandidates, type TaskRow } from './tasks.js';

export interface RuleResult {
  rule: Rule;
  candidates: Candidate[];
}

export interface Evaluation {
  asOf: string;
  results: RuleResult[];
}

function candidatesOf(rule: Rule, ctx: EvalContext): Candidate[] {
  switch (rule.kind) {
    case 'contract_end':
      return contractEnd(rule, ctx);
    case 'no_order':
      return noOrder(rule, ctx);
    case 'activity_drop':
      return activityDrop(rule, ctx);
    case 'complaint':
      return [...complaint(rule, ctx), ...followUps(rule, ctx)];
    case 'tier_change':
      return tierChange(rule, ctx);
  }
}

/** What every enabled rule (or just `ruleId`) finds as of a day. Reads only. */
export function evaluateRules(db: Db, config: Config | undefined, asOf: string, options: { ruleId?: string } = {}): Evaluation {
  const rules = rulesConfigOf(config);
  let selected = rules.list.filter((r) => r.enabled);
  if (options.ruleId !== undefined) {
    selected = rules.list.filter((r) => r.id === options.ruleId);
    if (selected.length === 0) throw InputError.of('rules.noRule', { id: options.ruleId, ids: rules.list.map((r) => r.id).join(', ') });
  }
  const customers = loadCustomers(db);
  const factsAt = factsCache(db, config);
  const tiers = tierScale(db, config, rules.tier_set, factsAt);
  const ctx: EvalContext = {
    db,
    config,
    rules,
    asOf,
    asOfDay: dayNumber(asOf),
    timeZone: serviceConfigOf(config).timezone,
    customers,
    stats: orderStats(factsAt(asOf)),
    tiers,
    tiersNow: tiers.at(asOf),
  };
  return { asOf, results: selected.map((rule) => ({ rule, candidates: candidatesOf(rule, ctx) })) };
}

export interface RunResult extends Evaluation {
  perRule: { ruleId: string; kind: string; matched: number; created: number }[];
  created: TaskRow[];
  existing: number;
}

/** Evaluates and stores the new tasks in one transaction; tasks that exist already are untouched. */
export function runRules(db: Db, config: Config | undefined, asOf: string, options: { ruleId?: string; now: string; runId?: number | null }): RunResult {
  return db.transaction((): RunResult => {
    const evaluation = evaluateRules(db, config, asOf, options);
    const created: TaskRow[] = [];
    let existing = 0;
    const perRule: RunResult['perRule'] = [];
    const log = db.prepare('INSERT INTO rule_runs (run_id, as_of, rule_id, kind, matched, created, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const { rule, candidates } of evaluation.results) {
      const saved = saveCandidates(db, candidates, options.now, options.runId ?? null);
      created.push(...saved.created);
      existing += saved.existing;
      perRule.push({ ruleId: rule.id, kind: rule.kind, matched: candidates.length, created: saved.created.length });
      log.run(options.runId ?? null, asOf, rule.id, rule.kind, candidates.length, saved.created.length, options.now);
    }
    return { ...evaluation, perRule, created, existing };
  })();
}
