import { InputError } from '../errors.js';
import type { Db } from '../store/db.js';
import { nowIso, streamingPragmas } from '../store/db.js';
import type { CleanConfig, KindRules } from './config.js';
import { cleanKinds, normalisedColumnOf, normalisedColumns, type CleanKind } from './fields.js';
import { addPlaceholderProblems, issueWriter, ruleProblems, type IssueWriter } from './problems.js';
import { normaliseCustomer, normaliseFeedback, normaliseOrder, type NormaliseOptions, type Normalised, type Raw, type Values } from './records.js';
import { compileRules, localToday, rulesPrefilter, type RuleCheck } from './rules.js';
import { computeScorecard, filledColumns, rawColumns, type KindScore } from './scorecard.js';
import { normaliserHash, rulesHash } from './version.js';

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
  /** Whether every record was checked (first run, --all, or changed rules/options). */
  full: boolean;
  /** Records checked in this run. */
  processed: number;
  /** Of those, records run through the normalisers again (the others were normalised at ingest with today's settings). */
  normalised: number;
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

/**
 * Checks the records added or changed since the last clean — or all of them when asked or when the
 * rules/options changed — records their issues, applies fixes with `fix`, and returns the scorecard.
 * Records are normalised again only where ingest did not already do so with today's settings.
 * One transaction; memory stays flat (records are read and written in batches). Raw imported values
 * are never changed.
 */
export function runClean(db: Db, config: CleanConfig, options: CleanOptions = {}): CleanResult {
  const kinds = options.kinds ?? cleanKinds;
  const today = options.today ?? localToday();
  for (const kind of kinds) checkRuleFields(db, kind, config.rules[kind]);
  const run = db.transaction(() => kinds.map((kind) => cleanKind(db, kind, config, options, today)));
  const restore = streamingPragmas(db);
  let results: KindRun[];
  try {
    results = run();
  } finally {
    restore();
  }
  return {
    kinds: results,
    processed: results.reduce((n, r) => n + r.processed, 0),
    errors: results.reduce((n, r) => n + r.score.errors, 0),
  };
}

function cleanKind(db: Db, kind: CleanKind, config: CleanConfig, options: CleanOptions, today: string): KindRun {
  const rules: KindRules = config.rules[kind];
  const normHash = normaliserHash(normaliseOptionsOf(config));
  const ruleHash = rulesHash(rules);
  const state = db.prepare('SELECT config_hash, rules_hash, checked_through, records, scorecard FROM clean_state WHERE kind = ?').get(kind) as
    | { config_hash: string; rules_hash: string | null; checked_through: number; records: number | null; scorecard: string | null }
    | undefined;
  const renormaliseAll = Boolean(options.all) || (state !== undefined && state.config_hash !== normHash);
  const recheckAll = renormaliseAll || state?.rules_hash !== ruleHash;
  const through = renormaliseAll ? 0 : (state?.checked_through ?? 0);
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

  // Rows ingest normalised with today's settings keep their values and normaliser issues: only the rules
  // run on them. The others (replaced by a newer export, asked to be fixed, or imported with other
  // settings) go through the normalisers again.
  const stale = `source_id IN (SELECT id FROM sources WHERE normalised_with IS NOT '${normHash}')`;
  const renormalise = renormaliseAll ? '1' : `(dirty = 1 OR (id > ${through} AND ${stale}))`;
  const checkOnly = renormaliseAll ? null : recheckAll ? `NOT ${renormalise}` : `id > ${through} AND NOT ${renormalise}`;
  const rule = ruleProblems.map((p) => `'${p}'`).join(', ');
  if (renormaliseAll) db.prepare('DELETE FROM clean_issues WHERE kind = ?').run(kind);
  else {
    db.prepare(`DELETE FROM clean_issues WHERE kind = ? AND record_id IN (SELECT id FROM ${kind} WHERE ${renormalise})`).run(kind);
    if (recheckAll) db.prepare(`DELETE FROM clean_issues WHERE kind = ? AND problem IN (${rule})`).run(kind);
    db.prepare(`DELETE FROM clean_issues WHERE kind = ? AND record_id NOT IN (SELECT id FROM ${kind})`).run(kind);
  }

  // for the progress bar: cheap counts (a rowid range and the dirty index), not exact when both overlap
  const count = (where: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${kind} WHERE ${where}`).get() as { n: number }).n;
  const total = recheckAll ? count('1') : count(`id > ${through}`) + count('dirty = 1');
  const check = compileRules(kind, rules, today);
  const writeIssue = issueWriter(db, runId);
  const progress = (done: number): void => options.onProgress?.(kind, done, total);

  const checked = checkOnly === null ? 0 : checkRules(db, kind, rules, checkOnly, today, check, writeIssue, progress);
  const normalised = normaliseRows(db, kind, config, options, renormalise, { check, writeIssue, fixedBefore, progress: (n) => progress(checked + n) });
  db.prepare(`UPDATE ${kind} SET dirty = 0 WHERE dirty = 1`).run();

  const processed = checked + normalised.processed;
  const records = (db.prepare(`SELECT COUNT(*) AS n FROM ${kind}`).get() as { n: number }).n;
  const checkedThrough = (db.prepare(`SELECT COALESCE(MAX(id), 0) AS id FROM ${kind}`).get() as { id: number }).id;
  // Nothing changed since the last run (no record cleaned, none added or removed): its scorecard still holds.
  let score: KindScore;
  if (!recheckAll && processed === 0 && state?.scorecard && state.records === records) score = JSON.parse(state.scorecard) as KindScore;
  else {
    recordDuplicates(db, kind, rules, runId);
    score = computeScorecard(db, kind, rules);
  }
  db.prepare(
    `INSERT INTO clean_state (kind, config_hash, rules_hash, checked_through, run_id, cleaned_at, records, scorecard) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(kind) DO UPDATE SET config_hash = excluded.config_hash, rules_hash = excluded.rules_hash, checked_through = excluded.checked_through,
       run_id = excluded.run_id, cleaned_at = excluded.cleaned_at, records = excluded.records, scorecard = excluded.scorecard`,
  ).run(kind, normHash, ruleHash, checkedThrough, runId, nowIso(), records, JSON.stringify(score));
  return { kind, full: recheckAll, processed, normalised: normalised.processed, updated: normalised.updated, fixesApplied: normalised.fixesApplied, score };
}

/** Pages through the rows matching a condition, in id order, a batch at a time (memory stays flat). */
function* pages(db: Db, kind: CleanKind, columns: string[], where: string): Generator<unknown[][]> {
  const select = db.prepare(`SELECT ${['id', ...columns].join(', ')} FROM ${kind} WHERE id > ? AND ${where} ORDER BY id LIMIT ${BATCH}`).raw(true);
  let lastId = 0;
  for (;;) {
    const rows = select.all(lastId) as unknown[][];
    if (rows.length === 0) return;
    yield rows;
    lastId = rows[rows.length - 1][0] as number;
  }
}

/**
 * Runs only the rules over rows whose normalised values are current. SQL first narrows them to the rows
 * that could break a rule (rulesPrefilter); those are read, just the fields the rules name, and checked.
 * Returns the rows covered.
 */
function checkRules(db: Db, kind: CleanKind, rules: KindRules, where: string, today: string, check: RuleCheck, writeIssue: IssueWriter, progress: (done: number) => void): number {
  const fields = [...new Set(ruleFields(rules))];
  const normalisedOf = normalisedColumnOf[kind];
  const normalised = [...new Set(fields.flatMap((f) => (normalisedOf[f] ? [normalisedOf[f]] : [])))];
  const toRaw = recordBuilder(fields);
  const toValues = recordBuilder(normalised, fields.length) as unknown as (row: unknown[]) => Values;
  for (const rows of pages(db, kind, [...fields, ...normalised], `${where} AND (${rulesPrefilter(kind, rules, today)})`)) {
    for (const row of rows) {
      for (const p of check(toRaw(row), toValues(row))) writeIssue(kind, row[0] as number, p, false);
    }
  }
  const covered = (db.prepare(`SELECT COUNT(*) AS n FROM ${kind} WHERE ${where}`).get() as { n: number }).n;
  progress(covered);
  return covered;
}

interface NormaliseContext {
  check: RuleCheck;
  writeIssue: IssueWriter;
  fixedBefore: Map<number, string>;
  progress: (done: number) => void;
}

/** Normalises rows again (values written back when they changed), and checks them. */
function normaliseRows(db: Db, kind: CleanKind, config: CleanConfig, options: CleanOptions, where: string, ctx: NormaliseContext): { processed: number; updated: number; fixesApplied: number } {
  // Rows come as arrays: building wide row objects costs more than cleaning them.
  const inputs = filledColumns(db, kind);
  const norm = normalisedColumns[kind];
  const update = db.prepare(`UPDATE ${kind} SET ${norm.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`);
  const toRecord = recordBuilder(inputs);
  const normalise = normalisers[kind];
  const plain = normaliseOptionsOf(config, false);
  const fixing = normaliseOptionsOf(config, true);
  const now = nowIso();
  let processed = 0;
  let updated = 0;
  let fixesApplied = 0;
  for (const rows of pages(db, kind, [...inputs, ...norm], where)) {
    for (const row of rows) {
      const id = row[0] as number;
      const rawRow = toRecord(row);
      const keepFix = ctx.fixedBefore.has(id) && ctx.fixedBefore.get(id) === rawRow.email;
      const fixEmail = Boolean(options.fix) || keepFix;
      const { values, problems } = normalise(rawRow, fixEmail ? fixing : plain);
      for (const p of ctx.check(rawRow, values)) problems.push(p);
      addPlaceholderProblems(rawRow, inputs, problems);
      for (let i = 0; i < norm.length; i++) {
        if ((values[norm[i]] ?? null) !== row[inputs.length + 1 + i]) {
          update.run(...norm.map((c) => values[c] ?? null), now, id);
          updated++;
          break;
        }
      }
      for (const p of problems) {
        const fixed = p.problem === 'email_typo' && fixEmail;
        if (fixed && !keepFix) fixesApplied++;
        ctx.writeIssue(kind, id, p, fixed);
      }
    }
    processed += rows.length;
    ctx.progress(processed);
  }
  return { processed, updated, fixesApplied };
}

/**
 * A function turning a row array [id, ...columns] into a record object with a fixed shape (one object
 * literal), several times faster than adding the keys one by one. Column names come from PRAGMA table_info.
 */
function recordBuilder(columns: string[], offset = 0): (row: unknown[]) => Raw {
  const body = `return { ${columns.map((c, i) => `${JSON.stringify(c)}: row[${i + 1 + offset}]`).join(', ')} };`;
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
    throw InputError.of('clean.unknownField', { kind, field: unknown, fields: [...known].join(', ') });
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

