import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';
import type { CleanConfig, KindRules } from './config.js';
import { cleanKinds, normalisedColumnOf, normalisedColumns, severityOf, type CleanKind } from './fields.js';
import { normaliseCustomer, normaliseFeedback, normaliseOrder, type NormaliseOptions, type Normalised, type Raw } from './records.js';
import { compileRules, localToday } from './rules.js';
import { normaliseValue } from './text.js';
import { computeScorecard, rawColumns, type KindScore } from './scorecard.js';

/** Bump when a normaliser or rule changes meaning: stores cleaned by an older version are re-cleaned in full. */
export const CLEAN_VERSION = 1;
const BATCH = 2000;

const normalisers: Record<CleanKind, (raw: Raw, o: NormaliseOptions) => Normalised> = {
  customers: normaliseCustomer,
  orders: normaliseOrder,
  feedback: normaliseFeedback,
};
export interface CleanOptions {
  /** Apply suggested fixes (email domain typos) to the normalised values; originals stay untouched. */
  fix?: boolean;
  /** Re-clean every record, not only the ones changed since the last clean. */
  all?: boolean;
  /** Kinds to clean (default: all three). */
  kinds?: CleanKind[];
  /** Run-log id the issues are recorded under. */
  runId?: number;
  /** Date rules compare against ('today'); default the local date. */
  today?: string;
  /** Called after each batch with the records done so far in this kind and its total to do. */
  onProgress?: (kind: CleanKind, done: number, total: number) => void;
}

export interface KindRun {
  kind: CleanKind;
  /** Whether every record was re-cleaned (first run, --all, or changed rules/options). */
  full: boolean;
  /** Records normalised and checked in this run. */
  processed: number;
  /** Records whose normalised values changed. */
  updated: number;
  /** Email typo fixes applied in this run. */
  fixesApplied: number;
  score: KindScore;
}

export interface CleanResult {
  kinds: KindRun[];
  processed: number;
  /** Open error issues over all cleaned kinds (what --strict fails on). */
  errors: number;
}

export function normaliseOptionsOf(config: CleanConfig, fixEmails = false): NormaliseOptions {
  return {
    defaultRegion: config.default_region,
    dayFirst: config.day_first,
    inferRegionFromPhone: config.infer_region_from_phone,
    fixEmails,
  };
}

export function configHash(config: CleanConfig, kind: CleanKind): string {
  const relevant = { version: CLEAN_VERSION, options: normaliseOptionsOf(config), rules: config.rules[kind] };
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 16);
}

/**
 * Normalises and checks the records changed since the last clean (dirty = 1) — or all of them when
 * asked, on the first run, or when the rules/options changed — records their issues, applies fixes
 * with `fix`, clears the dirty flags and returns the scorecard. One transaction; memory stays flat
 * (records are read and written in batches). Raw imported values are never changed.
 */
export function runClean(db: Db, config: CleanConfig, options: CleanOptions = {}): CleanResult {
  const kinds = options.kinds ?? cleanKinds;
  const today = options.today ?? localToday();
  for (const kind of kinds) checkRuleFields(db, kind, config.rules[kind]);
  const run = db.transaction(() => kinds.map((kind) => cleanKind(db, kind, config, options, today)));
  const results = run();
  return {
    kinds: results,
    processed: results.reduce((n, r) => n + r.processed, 0),
    errors: results.reduce((n, r) => n + r.score.errors, 0),
  };
}

function cleanKind(db: Db, kind: CleanKind, config: CleanConfig, options: CleanOptions, today: string): KindRun {
  const rules: KindRules = config.rules[kind];
  const hash = configHash(config, kind);
  const state = db.prepare('SELECT config_hash, records, scorecard FROM clean_state WHERE kind = ?').get(kind) as
    | { config_hash: string; records: number | null; scorecard: string | null }
    | undefined;
  const full = Boolean(options.all) || state?.config_hash !== hash;
  const runId = options.runId ?? null;

  // Email fixes already applied stay applied while the raw email is the same.
  const fixedBefore = new Map<number, string>();
  for (const row of db
    .prepare(`SELECT record_id, value FROM clean_issues WHERE kind = ? AND problem = 'email_typo' AND fixed = 1`)
    .iterate(kind) as IterableIterator<{ record_id: number; value: string }>) {
    fixedBefore.set(row.record_id, row.value);
  }
  if (options.fix) {
    db.prepare(
      `UPDATE ${kind} SET dirty = 1 WHERE id IN (SELECT record_id FROM clean_issues WHERE kind = ? AND problem = 'email_typo' AND fixed = 0)`,
    ).run(kind);
  }
  if (full) db.prepare('DELETE FROM clean_issues WHERE kind = ?').run(kind);
  else {
    db.prepare(`DELETE FROM clean_issues WHERE kind = ? AND record_id IN (SELECT id FROM ${kind} WHERE dirty = 1)`).run(kind);
    db.prepare(`DELETE FROM clean_issues WHERE kind = ? AND record_id NOT IN (SELECT id FROM ${kind})`).run(kind);
  }

  // Rows come as arrays: building wide row objects costs more than cleaning them.
  const inputs = rawColumns(db, kind);
  const norm = normalisedColumns[kind];
  const where = full ? '' : 'AND dirty = 1';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM ${kind} WHERE 1 ${where}`).get() as { n: number }).n;
  const select = db
    .prepare(`SELECT id, ${[...inputs, ...norm].join(', ')} FROM ${kind} WHERE id > ? ${where} ORDER BY id LIMIT ${BATCH}`)
    .raw(true);
  const update = db.prepare(`UPDATE ${kind} SET ${norm.map((c) => `${c} = ?`).join(', ')}, dirty = 0, updated_at = ? WHERE id = ?`);
  const clearDirty = db.prepare(`UPDATE ${kind} SET dirty = 0 WHERE id >= ? AND id <= ? AND dirty = 1`);
  const insertIssue = db.prepare(
    `INSERT INTO clean_issues (kind, record_id, field, value, problem, severity, message, suggestion, fixed, run_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const toRecord = recordBuilder(inputs);
  const normalise = normalisers[kind];
  const check = compileRules(kind, rules, today);
  const plain = normaliseOptionsOf(config, false);
  const fixing = normaliseOptionsOf(config, true);
  const now = nowIso();

  let processed = 0;
  let updated = 0;
  let fixesApplied = 0;
  let lastId = 0;
  const placeholders: string[] = [];
  for (;;) {
    const rows = select.all(lastId) as (string | number | null)[][];
    if (rows.length === 0) break;
    for (const row of rows) {
      const id = row[0] as number;
      const rawRow = toRecord(row);
      for (let i = 0; i < inputs.length; i++) {
        const v = row[i + 1] as string | null;
        if (v === null || v === '') continue;
        // Most cells (phones, dates, amounts) start with a digit, which no placeholder does.
        const first = v.charCodeAt(0);
        if (first >= 48 && first <= 57) continue;
        // "N/A", "无", "-" or only spaces: the cell means empty; noted so completeness does not count it.
        if ((v.length <= 12 || v.trim() === '') && normaliseValue(v) === null) placeholders.push(inputs[i], v);
      }
      const keepFix = fixedBefore.has(id) && fixedBefore.get(id) === rawRow.email;
      const fixEmail = Boolean(options.fix) || keepFix;
      const { values, problems } = normalise(rawRow, fixEmail ? fixing : plain);
      for (const p of check(rawRow, values)) problems.push(p);
      for (let i = 0; i < placeholders.length; i += 2) {
        problems.push({ field: placeholders[i], value: placeholders[i + 1], problem: 'placeholder_value', message: 'a placeholder that means empty' });
      }
      placeholders.length = 0;
      let changed = false;
      for (let i = 0; i < norm.length; i++) {
        if ((values[norm[i]] ?? null) !== row[inputs.length + 1 + i]) {
          changed = true;
          break;
        }
      }
      if (changed) {
        update.run(...norm.map((c) => values[c] ?? null), now, id);
        updated++;
      }
      for (const p of problems) {
        const fixed = p.problem === 'email_typo' && fixEmail ? 1 : 0;
        if (fixed && !keepFix) fixesApplied++;
        insertIssue.run(kind, id, p.field, p.value, p.problem, severityOf(p.problem), p.message, p.suggestion ?? null, fixed, runId);
      }
    }
    clearDirty.run(rows[0][0], rows[rows.length - 1][0]);
    lastId = rows[rows.length - 1][0] as number;
    processed += rows.length;
    options.onProgress?.(kind, processed, total);
  }

  const records = (db.prepare(`SELECT COUNT(*) AS n FROM ${kind}`).get() as { n: number }).n;
  // Nothing changed since the last run (no record cleaned, none added or removed): its scorecard still holds.
  let score: KindScore;
  if (!full && processed === 0 && state?.scorecard && state.records === records) score = JSON.parse(state.scorecard) as KindScore;
  else {
    recordDuplicates(db, kind, rules, runId);
    score = computeScorecard(db, kind, rules);
  }
  db.prepare(
    `INSERT INTO clean_state (kind, config_hash, run_id, cleaned_at, records, scorecard) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(kind) DO UPDATE SET config_hash = excluded.config_hash, run_id = excluded.run_id, cleaned_at = excluded.cleaned_at,
       records = excluded.records, scorecard = excluded.scorecard`,
  ).run(kind, hash, runId, now, records, JSON.stringify(score));
  return { kind, full, processed, updated, fixesApplied, score };
}

/**
 * A function turning a row array [id, ...columns] into a record object with a fixed shape (one object
 * literal), several times faster than adding the keys one by one. Column names come from PRAGMA table_info.
 */
function recordBuilder(columns: string[]): (row: unknown[]) => Raw {
  const body = `return { ${columns.map((c, i) => `${JSON.stringify(c)}: row[${i + 1}]`).join(', ')} };`;
  return new Function('row', body) as (row: unknown[]) => Raw;
}

function ruleFields(rules: KindRules): string[] {
  return [
    ...rules.required.flatMap((r) => r.split('|').map((f) => f.trim())),
    ...Object.keys(rules.patterns),
    ...Object.keys(rules.allowed),
    ...Object.keys(rules.ranges),
    ...rules.unique,
  ];
}

/** A rule naming a field the kind does not have is a config mistake, not something to skip silently. */
function checkRuleFields(db: Db, kind: CleanKind, rules: KindRules): void {
  const known = new Set(rawColumns(db, kind));
  const unknown = ruleFields(rules).find((f) => !known.has(f));
  if (unknown !== undefined) {
    throw new InputError(
      `custops.yaml: clean.rules.${kind} names an unknown field "${unknown}"`,
      `fields of ${kind}: ${[...known].join(', ')}`,
    );
  }
}

/** Uniqueness is a property of the whole table: duplicate issues are recomputed on every run. */
function recordDuplicates(db: Db, kind: CleanKind, rules: KindRules, runId: number | null): void {
  db.prepare(`DELETE FROM clean_issues WHERE kind = ? AND problem = 'duplicate_value'`).run(kind);
  for (const field of rules.unique) {
    const column = normalisedColumnOf[kind][field] ?? field;
    db.prepare(
      `INSERT INTO clean_issues (kind, record_id, field, value, problem, severity, message, run_id)
       SELECT ?, t.id, ?, t.${field}, 'duplicate_value', 'error', ?, ? FROM ${kind} t
       WHERE t.${column} IN (SELECT ${column} FROM ${kind} WHERE ${column} IS NOT NULL AND ${column} != '' GROUP BY ${column} HAVING COUNT(*) > 1)`,
    ).run(kind, field, `${field} repeats in other ${kind} records`, runId);
  }
}

