import type { Db } from '../store/db.js';
import { severityOf } from './fields.js';
import type { Problem, Raw } from './records.js';
import { normaliseValue } from './text.js';

/** Problems a kind's rules find (the others come from the normalisers or, for duplicates, the whole table). */
export const ruleProblems = ['required_missing', 'pattern_mismatch', 'value_not_allowed', 'out_of_range'] as const;

/**
 * Adds a placeholder_value problem for each cell that only says "empty" ("N/A", "无", "-", spaces),
 * so completeness does not count it as a value.
 */
export function addPlaceholderProblems(raw: Raw, fields: readonly string[], problems: Problem[]): void {
  for (const field of fields) {
    const v = raw[field];
    if (v == null || v === '') continue;
    // Most cells (phones, dates, amounts) start with a digit, which no placeholder does.
    const first = v.charCodeAt(0);
    if (first >= 48 && first <= 57) continue;
    if ((v.length <= 12 || v.trim() === '') && normaliseValue(v) === null) {
      problems.push({ field, value: v, problem: 'placeholder_value', message: 'a placeholder that means empty' });
    }
  }
}

/** `kind` is the record table (clean's kinds; ingest passes its own, whose tickets carry no problems). */
export type IssueWriter = (kind: string, recordId: number, problem: Problem, fixed: boolean) => void;

/** Writes problems as clean issues (used by clean, and by ingest for the rows it normalises). */
export function issueWriter(db: Db, runId: number | null): IssueWriter {
  const insert = db.prepare(
    `INSERT INTO clean_issues (kind, record_id, field, value, problem, severity, message, suggestion, fixed, run_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (kind, recordId, p, fixed) => {
    insert.run(kind, recordId, p.field, p.value, p.problem, severityOf(p.problem), p.message, p.suggestion ?? null, fixed ? 1 : 0, runId);
  };
}
