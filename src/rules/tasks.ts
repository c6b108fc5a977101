import type { Db } from '../store/db.js';
import type { Exportable } from '../store/exportables.js';
import { InputError } from '../errors.js';
import type { Lang } from '../output/i18n.js';
import type { Candidate } from './candidate.js';
import type { RulesConfig } from './config.js';
import { explainTask, showTs } from './explain.js';
import { followUpOf, type ClosedTask } from './kinds/complaint.js';

export interface TaskRow {
  id: number;
  dedup_key: string;
  rule_id: string;
  kind: string;
  action: string;
  subject_type: Candidate['subjectType'];
  subject: string | null;
  customer_id: number | null;
  customer_code: string | null;
  feedback_id: number | null;
  parent_id: number | null;
  tier: string | null;
  owner: string;
  condition: string;
  facts: string;
  trigger_ts: string;
  due_ts: string;
  status: 'open' | 'done';
  created_at: string;
  closed_at: string | null;
  note: string | null;
  run_id: number | null;
}

export interface SaveResult {
  created: TaskRow[];
  /** Candidates whose task already exists (open or done). */
  existing: number;
}

/** Inserts the candidates whose key is new; everything else is left exactly as it was. */
export function saveCandidates(db: Db, candidates: readonly Candidate[], now: string, runId: number | null = null): SaveResult {
  const insert = db.prepare(
    `INSERT INTO tasks (dedup_key, rule_id, kind, action, subject_type, subject, customer_id, customer_code, feedback_id, parent_id, tier, owner,
                        condition, facts, trigger_ts, due_ts, created_at, run_id)
     VALUES (@key, @ruleId, @kind, @action, @subjectType, @subject, @customerId, @customerCode, @feedbackId, @parentId, @tier, @owner,
             @condition, @facts, @triggerTs, @dueTs, @now, @runId)
     ON CONFLICT (dedup_key) DO NOTHING`,
  );
  const history = db.prepare(`INSERT INTO task_history (task_id, at, event, run_id) VALUES (?, ?, 'created', ?)`);
  const byId = db.prepare('SELECT * FROM tasks WHERE id = ?');
  const created: TaskRow[] = [];
  let existing = 0;
  db.transaction(() => {
    for (const c of candidates) {
      const info = insert.run({ ...c, facts: JSON.stringify({ values: c.values, detail: c.detail }), now, runId });
      if (info.changes === 0) {
        existing++;
        continue;
      }
      const id = Number(info.lastInsertRowid);
      history.run(id, now, runId);
      created.push(byId.get(id) as TaskRow);
    }
  })();
  return { created, existing };
}

/** Keys among `keys` that already have a task (for `rules test` to say new or existing). */
export function existingKeys(db: Db, keys: readonly string[]): Set<string> {
  const found = new Set<string>();
  const stmt = db.prepare('SELECT 1 FROM tasks WHERE dedup_key = ?');
  for (const k of keys) if (stmt.get(k)) found.add(k);
  return found;
}

export interface TaskFilter {
  owner?: string;
  /** Tier name in Chinese or English (普通客户 or Regular). */
  tier?: string;
  rule?: string;
  status?: 'open' | 'done' | 'all';
  /** Open tasks due on or before the end of this day. */
  dueBy?: string;
  /** Open tasks whose due time is before this wall-clock time. */
  overdueAt?: string;
}

export function listTasks(db: Db, filter: TaskFilter = {}): TaskRow[] {
  const where: string[] = [];
  const params: Record<string, string> = {};
  const status = filter.status ?? 'open';
  if (status !== 'all') {
    where.push('status = @status');
    params.status = status;
  }
  if (filter.owner !== undefined) {
    where.push('owner = @owner');
    params.owner = filter.owner;
  }
  if (filter.tier !== undefined) {
    where.push("(lower(tier) = lower(@tier) OR lower(json_extract(facts, '$.values.tier_en')) = lower(@tier))");
    params.tier = filter.tier;
  }
  if (filter.rule !== undefined) {
    where.push('rule_id = @rule');
    params.rule = filter.rule;
  }
  if (filter.dueBy !== undefined) {
    where.push("status = 'open' AND due_ts <= @dueBy");
    params.dueBy = `${filter.dueBy}T23:59:59`;
  }
  if (filter.overdueAt !== undefined) {
    where.push("status = 'open' AND due_ts < @overdueAt");
    params.overdueAt = filter.overdueAt;
  }
  const sql = `SELECT * FROM tasks ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY status DESC, due_ts, id`;
  return db.prepare(sql).all(params) as TaskRow[];
}

export function getTask(db: Db, id: number): TaskRow | undefined {
  return db.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
}

export interface HistoryRow {
  id: number;
  task_id: number;
  at: string;
  event: 'created' | 'done';
  note: string | null;
  run_id: number | null;
}

export function taskHistory(db: Db, id: number): HistoryRow[] {
  return db.prepare('SELECT * FROM task_history WHERE task_id = ? ORDER BY id').all(id) as HistoryRow[];
}

export interface CloseResult {
  task: TaskRow;
  /** The follow-up created because the closed task was a complaint response with follow_up set. */
  followUp?: TaskRow;
}

/**
 * Closes a task (history keeps when and the note). Closing a complaint response resolves it: the
 * rule's follow-up task is created at once, due follow_up.after later.
 */
export function closeTask(db: Db, id: number, options: { now: string; note?: string; rules: RulesConfig; timeZone: string; runId?: number | null }): CloseResult {
  return db.transaction((): CloseResult => {
    const task = getTask(db, id);
    if (!task) throw InputError.of('task.missing', { id });
    if (task.status === 'done') throw InputError.of('task.done', { id, closed: showTs(task.closed_at ?? '') });
    db.prepare(`UPDATE tasks SET status = 'done', closed_at = ?, note = COALESCE(?, note) WHERE id = ?`).run(options.now, options.note ?? null, id);
    db.prepare(`INSERT INTO task_history (task_id, at, event, note, run_id) VALUES (?, ?, 'done', ?, ?)`).run(id, options.now, options.note ?? null, options.runId ?? null);
    const closed = getTask(db, id)!;
    const rule = options.rules.list.find((r) => r.id === closed.rule_id);
    if (rule?.kind !== 'complaint' || closed.parent_id !== null) return { task: closed };
    const candidate = followUpOf(rule, closed as ClosedTask, options.timeZone);
    if (!candidate) return { task: closed };
    const { created } = saveCandidates(db, [candidate], options.now, options.runId ?? null);
    return { task: closed, followUp: created[0] };
  })();
}

/** `custops export tasks`: every task with its explanation, in the shape of src/store/exportables.ts. */
export function exportTasks(db: Db, lang: Lang = 'en'): Exportable {
  const keys = ['id', 'status', 'rule_id', 'kind', 'action', 'subject_type', 'customer_code', 'subject', 'tier', 'owner', 'trigger_ts', 'due_ts', 'closed_at', 'note', 'reason', 'condition', 'parent_id', 'feedback_id', 'created_at', 'dedup_key'];
  const int = new Set(['id', 'parent_id', 'feedback_id']);
  const stmt = db.prepare('SELECT * FROM tasks ORDER BY id');
  function* rows(): Generator<Record<string, unknown>> {
    for (const t of stmt.iterate() as Iterable<TaskRow>) yield { ...t, reason: explainTask(lang, t) };
  }
  return { columns: keys.map((k) => ({ key: k, header: k, ...(int.has(k) ? { type: 'int' as const } : {}) })), rows: rows() };
}
