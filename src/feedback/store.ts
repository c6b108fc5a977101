import { createHash } from 'node:crypto';
import { CustopsError } from '../errors.js';
import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';
import type { FeedbackConfig } from './config.js';
import { scoreTokens } from './sentiment.js';
import { addUserTerms, tokenize } from './tokens.js';
import { assignTopics, compileTaxonomy, type Taxonomy, type TopicRule } from './topics.js';

// Keeps feedback_analysis (migration 005) in step with the feedback table: sentiment and topics for
// every comment (recomputed only when the comment, the taxonomy or the analyser changes), and the
// duplicate links (same customer, same text, within the window), recomputed on every pass.

/** Bump when sentiment or topic logic changes, so stored results are recomputed. */
export const ANALYSER_VERSION = 1;

export interface AnalysisSummary {
  feedback: number;
  analysed: number;
  duplicates: number;
}

export function requireFeedbackSchema(db: Db): void {
  const row = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'feedback_analysis'").get();
  if (!row) {
    throw new CustopsError(
      'this store has no feedback analysis tables (migration 005)',
      1,
      'upgrade custops: the feedback migration is missing from src/store/migrations/index.ts',
    );
  }
}

/** The taxonomy in force: configured topics plus any extra keywords per topic id. */
export function taxonomyFromConfig(config: FeedbackConfig): Taxonomy {
  const topics: TopicRule[] = config.topics.map((t) => ({
    ...t,
    keywords: [...t.keywords, ...(config.topic_keywords[t.id] ?? [])],
  }));
  return compileTaxonomy(topics);
}

function fingerprint(config: FeedbackConfig): string {
  return JSON.stringify([ANALYSER_VERSION, config.topics, config.topic_keywords, config.keywords.user_words]);
}

interface FeedbackInput {
  id: number;
  comment: string | null;
  customer_id: number | null;
  phone_e164: string | null;
  email_norm: string | null;
  nps_n: number | null;
  csat_n: number | null;
  ces_n: number | null;
  submitted_ts: string | null;
  input_hash: string | null;
  duplicate_of: number | null;
}

/** Analyses new or changed comments and refreshes duplicate links, in one transaction. */
export function analyseFeedback(db: Db, config: FeedbackConfig): AnalysisSummary {
  requireFeedbackSchema(db);
  if (config.keywords.user_words.length > 0) addUserTerms(config.keywords.user_words);
  const taxonomy = taxonomyFromConfig(config);
  const salt = fingerprint(config);
  const rows = db
    .prepare(
      `SELECT f.id, f.comment, f.customer_id, f.phone_e164, f.email_norm, f.nps_n, f.csat_n, f.ces_n, f.submitted_ts,
              a.input_hash, a.duplicate_of
       FROM feedback f LEFT JOIN feedback_analysis a ON a.feedback_id = f.id ORDER BY f.id`,
    )
    .all() as FeedbackInput[];
  const duplicates = findDuplicates(rows, config.duplicate_window_hours);
  const upsert = db.prepare(
    `INSERT INTO feedback_analysis (feedback_id, input_hash, analyser, sentiment, sentiment_score, topics, duplicate_of, analysed_at)
     VALUES (@id, @hash, @analyser, @sentiment, @score, @topics, @duplicate, @at)
     ON CONFLICT(feedback_id) DO UPDATE SET input_hash = excluded.input_hash, analyser = excluded.analyser,
       sentiment = excluded.sentiment, sentiment_score = excluded.sentiment_score, topics = excluded.topics,
       duplicate_of = excluded.duplicate_of, analysed_at = excluded.analysed_at`,
  );
  const setDuplicate = db.prepare('UPDATE feedback_analysis SET duplicate_of = ? WHERE feedback_id = ?');
  let analysed = 0;
  const at = nowIso();
  db.transaction(() => {
    for (const row of rows) {
      const duplicate = duplicates.get(row.id) ?? null;
      const hash = hashOf(salt, row.comment);
      if (row.input_hash === hash) {
        if ((row.duplicate_of ?? null) !== duplicate) setDuplicate.run(duplicate, row.id);
        continue;
      }
      const text = row.comment?.trim() ?? '';
      const sentiment = text ? scoreTokens(tokenize(text)) : null;
      upsert.run({
        id: row.id,
        hash,
        analyser: ANALYSER_VERSION,
        sentiment: sentiment?.label ?? null,
        score: sentiment?.score ?? null,
        topics: JSON.stringify(text ? assignTopics(text, taxonomy) : []),
        duplicate,
        at,
      });
      analysed++;
    }
  })();
  return { feedback: rows.length, analysed, duplicates: duplicates.size };
}

function hashOf(salt: string, comment: string | null): string {
  return createHash('sha1').update(salt).update('\u0000').update(comment ?? '').digest('hex').slice(0, 20);
}

/**
 * Repeated submissions: the same customer (linked customer, else phone, else email) with the same
 * normalised text (or, without text, the same scores) within `windowHours` of the previous kept
 * submission. Returns duplicate id → first submission id.
 */
export function findDuplicates(rows: ReadonlyArray<Pick<FeedbackInput, 'id' | 'comment' | 'customer_id' | 'phone_e164' | 'email_norm' | 'nps_n' | 'csat_n' | 'ces_n' | 'submitted_ts'>>, windowHours: number): Map<number, number> {
  const groups = new Map<string, Array<{ id: number; time: number }>>();
  for (const row of rows) {
    const who = row.customer_id !== null ? `c${row.customer_id}` : row.phone_e164 ? `p${row.phone_e164}` : row.email_norm ? `e${row.email_norm}` : null;
    if (!who) continue;
    const text = (row.comment ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
    const what = text || `scores:${row.nps_n ?? ''}/${row.csat_n ?? ''}/${row.ces_n ?? ''}`;
    if (what === 'scores://') continue;
    const key = `${who}\u0000${what}`;
    const time = row.submitted_ts ? Date.parse(naiveToUtc(row.submitted_ts)) : Number.NaN;
    const list = groups.get(key) ?? [];
    list.push({ id: row.id, time });
    groups.set(key, list);
  }
  const out = new Map<number, number>();
  const windowMs = windowHours * 3600_000;
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => (Number.isNaN(a.time) ? 0 : a.time) - (Number.isNaN(b.time) ? 0 : b.time) || a.id - b.id);
    let kept = list[0];
    for (let k = 1; k < list.length; k++) {
      const item = list[k];
      const close = Number.isNaN(item.time) || Number.isNaN(kept.time) ? true : item.time - kept.time <= windowMs;
      if (close) out.set(item.id, kept.id);
      else kept = item;
    }
  }
  return out;
}

/** Store timestamps are local wall-clock ISO strings; reading them as UTC keeps hour arithmetic exact. */
export function naiveToUtc(ts: string): string {
  const base = ts.length <= 10 ? `${ts}T00:00:00` : ts.replace(' ', 'T');
  return /([zZ]|[+-]\d\d:?\d\d)$/.test(base) ? base : `${base}Z`;
}

/** One analysed, de-duplicated feedback answer with what the reports cut by. */
export interface FeedbackRow {
  id: number;
  code: string | null;
  submitted: string | null;
  day: string | null;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  channel: string | null;
  comment: string | null;
  customerId: number | null;
  entity: number | null;
  province: string | null;
  sentiment: 'positive' | 'neutral' | 'negative' | null;
  score: number | null;
  topics: string[];
}

export interface RowFilter {
  /** Inclusive day bounds 'YYYY-MM-DD'. */
  since?: string;
  until?: string;
  /** Keep repeated submissions (default: counted once). */
  includeDuplicates?: boolean;
}

/** Analysed feedback, oldest first, duplicates left out. */
export function* feedbackRows(db: Db, filter: RowFilter = {}): Generator<FeedbackRow> {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (!filter.includeDuplicates) where.push('a.duplicate_of IS NULL');
  if (filter.since) {
    where.push('substr(f.submitted_ts, 1, 10) >= @since');
    params.since = filter.since;
  }
  if (filter.until) {
    where.push('substr(f.submitted_ts, 1, 10) <= @until');
    params.until = filter.until;
  }
  const sql = `SELECT f.id, f.feedback_code, f.submitted_ts, f.nps_n, f.csat_n, f.ces_n, NULLIF(TRIM(f.channel), '') AS channel,
      f.comment, f.customer_id, CASE WHEN c.id IS NULL THEN NULL ELSE COALESCE(c.entity_id, -c.id) END AS entity,
      NULLIF(COALESCE(c.province_norm, c.province), '') AS province, a.sentiment, a.sentiment_score, a.topics
    FROM feedback f
    JOIN feedback_analysis a ON a.feedback_id = f.id
    LEFT JOIN customers c ON c.id = f.customer_id
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY f.submitted_ts IS NULL, f.submitted_ts, f.id`;
  for (const r of db.prepare(sql).iterate(params) as Iterable<Record<string, unknown>>) {
    const submitted = (r.submitted_ts as string | null) ?? null;
    yield {
      id: r.id as number,
      code: (r.feedback_code as string | null) ?? null,
      submitted,
      day: submitted ? submitted.slice(0, 10) : null,
      nps: (r.nps_n as number | null) ?? null,
      csat: (r.csat_n as number | null) ?? null,
      ces: (r.ces_n as number | null) ?? null,
      channel: (r.channel as string | null) ?? null,
      comment: (r.comment as string | null) ?? null,
      customerId: (r.customer_id as number | null) ?? null,
      entity: (r.entity as number | null) ?? null,
      province: (r.province as string | null) ?? null,
      sentiment: (r.sentiment as FeedbackRow['sentiment']) ?? null,
      score: (r.sentiment_score as number | null) ?? null,
      topics: JSON.parse((r.topics as string) || '[]') as string[],
    };
  }
}
