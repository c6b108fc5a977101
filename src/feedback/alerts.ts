import { CustopsError, ExitCode } from '../errors.js';
import type { Db } from '../store/db.js';
import type { FeedbackConfig } from './config.js';
import { requireFeedbackSchema } from './store.js';
import { addHours, hoursBetween, normaliseTimestamp } from './time.js';

// Follow-up items: every detractor, low CSAT or strongly negative comment (repeated submissions once)
// becomes an item due for a first response within `respond_hours` of the feedback (per tier if
// configured). Resolving a complaint schedules a second follow-up `followup_hours` later; resolving
// anything else, or that second follow-up, closes the item. Every change is kept in the history.

export type AlertStatus = 'open' | 'awaiting_followup' | 'closed';
export type AlertReason = 'detractor' | 'low_csat' | 'negative_comment';

export interface RaiseOptions {
  /** Wall-clock time of this run, used when a feedback row has no submission time. */
  now: string;
  /** Value tier of a customer, for per-tier deadlines (null when unknown). */
  tierOf?: (customerId: number | null) => string | null;
  runId?: number;
}

interface Candidate {
  id: number;
  customer_id: number | null;
  submitted_ts: string | null;
  nps_n: number | null;
  csat_n: number | null;
  channel: string | null;
  comment: string | null;
  sentiment_score: number | null;
}

export function alertReasons(row: Pick<Candidate, 'nps_n' | 'csat_n' | 'sentiment_score'>, config: FeedbackConfig): AlertReason[] {
  const reasons: AlertReason[] = [];
  if (config.nps.alert_detractors && row.nps_n !== null && row.nps_n <= 6) reasons.push('detractor');
  if (row.csat_n !== null && row.csat_n <= config.csat.alert_max) reasons.push('low_csat');
  if (row.sentiment_score !== null && row.sentiment_score <= config.sentiment.alert_score) reasons.push('negative_comment');
  return reasons;
}

export function isComplaint(row: Pick<Candidate, 'channel' | 'comment' | 'sentiment_score'>, config: FeedbackConfig): boolean {
  if (row.sentiment_score !== null && row.sentiment_score <= config.sentiment.alert_score) return true;
  const haystack = `${row.channel ?? ''} ${row.comment ?? ''}`.toLowerCase();
  return config.alerts.complaint_words.some((w) => haystack.includes(w.toLowerCase()));
}

export function deadlines(config: FeedbackConfig, tier: string | null): { respondHours: number; followupHours: number } {
  const own = tier ? config.alerts.tiers[tier] : undefined;
  return {
    respondHours: own?.respond_hours ?? config.alerts.respond_hours,
    followupHours: own?.followup_hours ?? config.alerts.followup_hours,
  };
}

/** Raises items for analysed feedback that qualifies and has none yet. Returns how many were raised. */
export function raiseAlerts(db: Db, config: FeedbackConfig, options: RaiseOptions): number {
  requireFeedbackSchema(db);
  const candidates = db
    .prepare(
      `SELECT f.id, f.customer_id, f.submitted_ts, f.nps_n, f.csat_n, f.channel, f.comment, a.sentiment_score
       FROM feedback f JOIN feedback_analysis a ON a.feedback_id = f.id
       LEFT JOIN feedback_alerts x ON x.feedback_id = f.id
       WHERE x.id IS NULL AND a.duplicate_of IS NULL
         AND ((f.nps_n IS NOT NULL AND f.nps_n <= 6) OR (f.csat_n IS NOT NULL AND f.csat_n <= @csatMax)
              OR (a.sentiment_score IS NOT NULL AND a.sentiment_score <= @scoreMax))
       ORDER BY f.id`,
    )
    .all({ csatMax: config.csat.alert_max, scoreMax: config.sentiment.alert_score }) as Candidate[];
  const insert = db.prepare(
    `INSERT INTO feedback_alerts (feedback_id, reasons, complaint, tier, raised_at, respond_due, status)
     VALUES (?, ?, ?, ?, ?, ?, 'open')`,
  );
  const history = db.prepare(
    `INSERT INTO feedback_alert_history (alert_id, at, action, status_from, status_to, note, run_id) VALUES (?, ?, 'raised', NULL, 'open', ?, ?)`,
  );
  let raised = 0;
  db.transaction(() => {
    for (const row of candidates) {
      const reasons = alertReasons(row, config);
      if (reasons.length === 0) continue;
      const tier = options.tierOf?.(row.customer_id) ?? null;
      const raisedAt = row.submitted_ts ? normaliseTimestamp(row.submitted_ts) : options.now;
      const due = addHours(raisedAt, deadlines(config, tier).respondHours);
      const info = insert.run(row.id, JSON.stringify(reasons), isComplaint(row, config) ? 1 : 0, tier, raisedAt, due);
      history.run(Number(info.lastInsertRowid), options.now, reasons.join(','), options.runId ?? null);
      raised++;
    }
  })();
  return raised;
}

export interface AlertItem {
  id: number;
  feedback_id: number;
  feedback_code: string | null;
  customer: string | null;
  customer_code: string | null;
  phone: string | null;
  tier: string | null;
  nps: number | null;
  csat: number | null;
  sentiment_score: number | null;
  comment: string | null;
  topics: string[];
  reasons: AlertReason[];
  complaint: boolean;
  status: AlertStatus;
  raised_at: string;
  /** The deadline in force: first response while open, second follow-up while awaiting it. */
  due: string | null;
  overdue: boolean;
  /** Hours until the deadline (negative when overdue). */
  hours_left: number | null;
  resolved_at: string | null;
}

export type AlertFilter = 'open' | 'overdue' | 'closed' | 'all';

export function listAlerts(db: Db, options: { asOf: string; filter?: AlertFilter }): AlertItem[] {
  requireFeedbackSchema(db);
  const filter = options.filter ?? 'open';
  const rows = db
    .prepare(
      `SELECT x.*, f.feedback_code, f.nps_n, f.csat_n, f.comment, f.phone AS raw_phone, f.phone_e164 AS f_phone,
              f.customer_name AS f_name, f.customer_code AS f_code, a.sentiment_score, a.topics,
              c.name_norm, c.name, c.customer_code, c.phone_e164 AS c_phone
       FROM feedback_alerts x
       JOIN feedback f ON f.id = x.feedback_id
       LEFT JOIN feedback_analysis a ON a.feedback_id = f.id
       LEFT JOIN customers c ON c.id = f.customer_id
       ${filter === 'closed' ? "WHERE x.status = 'closed'" : filter === 'all' ? '' : "WHERE x.status <> 'closed'"}
       ORDER BY COALESCE(CASE x.status WHEN 'awaiting_followup' THEN x.followup_due ELSE x.respond_due END, x.closed_at), x.id`,
    )
    .all() as Record<string, unknown>[];
  const items = rows.map((r): AlertItem => {
    const status = r.status as AlertStatus;
    const due = status === 'open' ? (r.respond_due as string) : status === 'awaiting_followup' ? (r.followup_due as string) : null;
    const hoursLeft = due ? hoursBetween(options.asOf, due) : null;
    return {
      id: r.id as number,
      feedback_id: r.feedback_id as number,
      feedback_code: (r.feedback_code as string | null) ?? null,
      customer: ((r.name_norm ?? r.name ?? r.f_name) as string | null) ?? null,
      customer_code: ((r.customer_code ?? r.f_code) as string | null) ?? null,
      phone: ((r.c_phone ?? r.f_phone ?? r.raw_phone) as string | null) ?? null,
      tier: (r.tier as string | null) ?? null,
      nps: (r.nps_n as number | null) ?? null,
      csat: (r.csat_n as number | null) ?? null,
      sentiment_score: (r.sentiment_score as number | null) ?? null,
      comment: (r.comment as string | null) ?? null,
      topics: JSON.parse((r.topics as string | null) || '[]') as string[],
      reasons: JSON.parse(r.reasons as string) as AlertReason[],
      complaint: r.complaint === 1,
      status,
      raised_at: r.raised_at as string,
      due,
      overdue: hoursLeft !== null && hoursLeft < 0,
      hours_left: hoursLeft === null ? null : Math.round(hoursLeft * 10) / 10,
      resolved_at: (r.resolved_at as string | null) ?? null,
    };
  });
  return filter === 'overdue' ? items.filter((i) => i.overdue) : items;
}

export interface Resolution {
  id: number;
  from: AlertStatus;
  to: AlertStatus;
  followupDue: string | null;
}

/** Marks an item done: a complaint's first resolution schedules its second follow-up. */
export function resolveAlert(db: Db, config: FeedbackConfig, id: number, options: { note?: string; at: string; runId?: number }): Resolution {
  requireFeedbackSchema(db);
  return db.transaction((): Resolution => {
    const row = db.prepare('SELECT id, status, complaint, tier FROM feedback_alerts WHERE id = ?').get(id) as
      | { id: number; status: AlertStatus; complaint: number; tier: string | null }
      | undefined;
    if (!row) throw new CustopsError(`no follow-up item ${id}`, ExitCode.badInput, 'list them with `custops feedback alerts --all`');
    if (row.status === 'closed') throw new CustopsError(`follow-up item ${id} is already closed`, ExitCode.badInput);
    const history = db.prepare(
      'INSERT INTO feedback_alert_history (alert_id, at, action, status_from, status_to, note, run_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    if (row.status === 'open' && row.complaint === 1) {
      const followupDue = addHours(options.at, deadlines(config, row.tier).followupHours);
      db.prepare("UPDATE feedback_alerts SET status = 'awaiting_followup', resolved_at = ?, followup_due = ? WHERE id = ?").run(options.at, followupDue, id);
      history.run(id, options.at, 'resolved', 'open', 'awaiting_followup', options.note ?? null, options.runId ?? null);
      return { id, from: 'open', to: 'awaiting_followup', followupDue };
    }
    const action = row.status === 'open' ? 'resolved' : 'followed_up';
    db.prepare("UPDATE feedback_alerts SET status = 'closed', resolved_at = COALESCE(resolved_at, ?), closed_at = ? WHERE id = ?").run(options.at, options.at, id);
    history.run(id, options.at, action, row.status, 'closed', options.note ?? null, options.runId ?? null);
    return { id, from: row.status, to: 'closed', followupDue: null };
  })();
}

export interface HistoryEntry {
  at: string;
  action: string;
  status_from: string | null;
  status_to: string;
  note: string | null;
}

export function alertHistory(db: Db, id: number): HistoryEntry[] {
  return db
    .prepare('SELECT at, action, status_from, status_to, note FROM feedback_alert_history WHERE alert_id = ? ORDER BY id')
    .all(id) as HistoryEntry[];
}
