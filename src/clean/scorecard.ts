import type { Db } from '../store/db.js';
import type { KindRules } from './config.js';
import { codeFieldOf, identityFields, normalisedColumnOf, unreadableProblems, type CleanKind } from './fields.js';

export interface FieldScore {
  field: string;
  /** Records with a value (placeholders such as "无", "N/A" count as empty). */
  present: number;
  /** present / records, 0..1. */
  completeness: number;
  /** Present values with no error, 0..1 (null when nothing is present). */
  validity: number | null;
  /** Distinct values / present values, 0..1; only for identity fields and unique rules. */
  uniqueness: number | null;
  /** Open error issues on this field. */
  errors: number;
}

export interface TopProblem {
  field: string;
  problem: string;
  severity: 'error' | 'warning';
  count: number;
  fixed: number;
  suggestion: string | null;
  /** The detail shared by all these issues (English; e.g. the rule's bound "below the minimum 0"), null when they differ. */
  message: string | null;
  /** Raw values ("value → suggestion" when there is a fix), or record codes when the cell is empty (required_missing). */
  examples: string[];
}

export interface KindScore {
  kind: CleanKind;
  records: number;
  fields: FieldScore[];
  /** Records missing a required field (flagged, never deleted). */
  incomplete: number;
  /** Open error issues (warnings and applied fixes not counted). */
  errors: number;
  warnings: number;
  fixed: number;
  top: TopProblem[];
}

const META = new Set(['id', 'source_id', 'line', 'row_hash', 'extra']);

/** The imported (raw) columns of a record table, in table order. */
export function rawColumns(db: Db, kind: CleanKind): string[] {
  const cols = (db.prepare(`PRAGMA table_info(${kind})`).all() as { name: string }[]).map((c) => c.name);
  const end = cols.indexOf('extra');
  return cols.slice(0, end < 0 ? cols.length : end).filter((c) => !META.has(c));
}

/**
 * The raw columns that can hold a value: the fields some import of this kind mapped (the others are
 * NULL in every row; skipping them makes a million-row scan several times cheaper). All raw columns
 * when a source has no recorded mapping (records written by something other than ingest).
 */
export function filledColumns(db: Db, kind: CleanKind): string[] {
  const all = rawColumns(db, kind);
  const mappings = db.prepare('SELECT mapping FROM sources WHERE kind = ?').pluck().all(kind) as (string | null)[];
  if (mappings.length === 0) return all;
  const mapped = new Set<string | null>();
  for (const m of mappings) {
    const fields = Object.values(JSON.parse(m ?? '{}') as Record<string, string | null>);
    if (fields.length === 0) return all;
    for (const f of fields) mapped.add(f);
  }
  return all.filter((c) => mapped.has(c));
}

/**
 * Count of records holding a value, cheap enough for millions of rows: the normalised column when the
 * field has one (plus cells that held something unreadable, added from the issues), else the non-empty
 * raw cells (minus placeholders such as "N/A", subtracted from the issues).
 */
function presentSql(field: string, column: string | undefined): string {
  return column ? `COUNT(${column})` : `COUNT(NULLIF(${field}, ''))`;
}

/**
 * The data-quality scorecard of one kind: completeness, validity and uniqueness per field, incomplete
 * records and the most frequent problems with examples. Reads the whole table (one scan) and the issues.
 */
export function computeScorecard(db: Db, kind: CleanKind, rules: KindRules, topN = 10): KindScore {
  const columns = normalisedColumnOf[kind];
  const requiredFields = new Set(rules.required.flatMap((r) => r.split('|').map((f) => f.trim())));
  const uniqueFields = new Set([...identityFields[kind], ...rules.unique]);
  // fields a rule names are scored even when no import has them (a required field missing from every file shows 0%)
  const ruled = new Set([...requiredFields, ...uniqueFields, ...Object.keys(rules.patterns), ...Object.keys(rules.ranges)]);
  const filled = new Set(filledColumns(db, kind));
  const raw = rawColumns(db, kind).filter((c) => filled.has(c) || ruled.has(c));
  const sums = raw.map((f, i) => `${presentSql(f, columns[f])} AS p${i}`);
  const counts = db.prepare(`SELECT ${['COUNT(*) AS records', ...sums].join(', ')} FROM ${kind}`).get() as Record<string, number | null>;
  const records = counts.records ?? 0;
  const adjust = new Map<string, number>();
  for (const row of db
    .prepare(
      `SELECT field, COUNT(DISTINCT CASE WHEN problem = 'placeholder_value' THEN record_id END) AS placeholders,
              COUNT(DISTINCT CASE WHEN problem IN (${unreadableProblems.map((p) => `'${p}'`).join(', ')}) THEN record_id END) AS unreadable
       FROM clean_issues WHERE kind = ? GROUP BY field`,
    )
    .all(kind) as { field: string; placeholders: number; unreadable: number }[]) {
    adjust.set(row.field, columns[row.field] ? row.unreadable : -row.placeholders);
  }

  const errorsByField = new Map<string, { records: number; issues: number }>();
  for (const row of db
    .prepare(
      `SELECT field, COUNT(DISTINCT record_id) AS records, COUNT(*) AS issues FROM clean_issues
       WHERE kind = ? AND severity = 'error' AND fixed = 0 AND problem NOT IN ('required_missing', 'duplicate_value')
       GROUP BY field`,
    )
    .all(kind) as { field: string; records: number; issues: number }[]) {
    errorsByField.set(row.field, row);
  }
  const duplicateIssues = new Map<string, number>();
  for (const row of db
    .prepare(`SELECT field, COUNT(*) AS n FROM clean_issues WHERE kind = ? AND problem = 'duplicate_value' GROUP BY field`)
    .all(kind) as { field: string; n: number }[]) {
    duplicateIssues.set(row.field, row.n);
  }

  const fields: FieldScore[] = [];
  raw.forEach((field, i) => {
    const present = (counts[`p${i}`] ?? 0) + (adjust.get(field) ?? 0);
    const interesting = present > 0 || ruled.has(field);
    if (!interesting) return;
    const errors = errorsByField.get(field);
    let uniqueness: number | null = null;
    if (uniqueFields.has(field)) {
      const column = columns[field] ?? field;
      const { d, n } = db
        // DISTINCT in a subquery walks the column's index; COUNT(DISTINCT …) sorts the values first (2–3× slower).
        .prepare(
          `SELECT (SELECT COUNT(*) FROM (SELECT DISTINCT ${column} FROM ${kind} WHERE ${column} IS NOT NULL AND ${column} != '')) AS d,
                  (SELECT COUNT(*) FROM ${kind} WHERE ${column} IS NOT NULL AND ${column} != '') AS n`,
        )
        .get() as { d: number; n: number };
      uniqueness = n > 0 ? d / n : null;
    }
    fields.push({
      field,
      present,
      completeness: records > 0 ? present / records : 0,
      validity: present > 0 ? Math.max(0, present - (errors?.records ?? 0)) / present : null,
      uniqueness,
      errors: (errors?.issues ?? 0) + (duplicateIssues.get(field) ?? 0),
    });
  });

  const totals = db
    .prepare(
      `SELECT
         SUM(CASE WHEN severity = 'error' AND fixed = 0 THEN 1 ELSE 0 END) AS errors,
         SUM(CASE WHEN severity = 'warning' THEN 1 ELSE 0 END) AS warnings,
         SUM(fixed) AS fixed,
         COUNT(DISTINCT CASE WHEN problem = 'required_missing' THEN record_id END) AS incomplete
       FROM clean_issues WHERE kind = ?`,
    )
    .get(kind) as { errors: number | null; warnings: number | null; fixed: number | null; incomplete: number | null };

  // An empty cell has no value to show: its record's code (or #id) is the example instead. A value with a
  // suggested fix is shown with it ("x@qq.con → x@qq.com").
  const examples = db.prepare(
    `SELECT DISTINCT CASE WHEN i.value IS NULL OR i.value = '' THEN COALESCE(NULLIF(t.${codeFieldOf[kind]}, ''), '#' || i.record_id)
                          WHEN i.suggestion IS NOT NULL THEN i.value || ' → ' || i.suggestion ELSE i.value END AS value
     FROM clean_issues i JOIN ${kind} t ON t.id = i.record_id WHERE i.kind = ? AND i.field = ? AND i.problem = ? LIMIT 3`,
  );
  const message = db.prepare(`SELECT message FROM clean_issues WHERE kind = ? AND field = ? AND problem = ? AND message IS NOT NULL LIMIT 1`);
  const suggestion = db.prepare(
    `SELECT suggestion FROM clean_issues WHERE kind = ? AND field = ? AND problem = ? AND suggestion IS NOT NULL LIMIT 1`,
  );
  const top = (
    db
      .prepare(
        `SELECT field, problem, severity, COUNT(*) AS count, SUM(fixed) AS fixed, COUNT(DISTINCT message) AS messages FROM clean_issues WHERE kind = ?
         GROUP BY field, problem, severity ORDER BY count DESC, field, problem LIMIT ?`,
      )
      .all(kind, topN) as { field: string; problem: string; severity: 'error' | 'warning'; count: number; fixed: number; messages: number }[]
  ).map(({ messages, ...t }) => ({
    ...t,
    suggestion: (suggestion.get(kind, t.field, t.problem) as { suggestion: string } | undefined)?.suggestion ?? null,
    message: messages === 1 ? ((message.get(kind, t.field, t.problem) as { message: string } | undefined)?.message ?? null) : null,
    examples: (examples.all(kind, t.field, t.problem) as { value: string }[]).map((e) => e.value),
  }));

  return {
    kind,
    records,
    fields,
    incomplete: totals.incomplete ?? 0,
    errors: totals.errors ?? 0,
    warnings: totals.warnings ?? 0,
    fixed: totals.fixed ?? 0,
    top,
  };
}
