import type { Db } from '../store/db.js';
import { cleanKinds, codeFieldOf, type CleanKind } from './fields.js';

export interface IssueRow {
  kind: CleanKind;
  record_id: number;
  code: string | null;
  source: string;
  line: number;
  field: string;
  value: string | null;
  problem: string;
  severity: 'error' | 'warning';
  message: string | null;
  suggestion: string | null;
  fixed: number;
}

/**
 * Every open issue with where the record came from (file and line) and its record code, for a person to
 * fix in Excel. Streams from the store: safe for millions of issues.
 */
export function* listIssues(db: Db, kinds: CleanKind[] = cleanKinds): Generator<IssueRow> {
  for (const kind of kinds) {
    const rows = db
      .prepare(
        `SELECT i.kind, i.record_id, t.${codeFieldOf[kind]} AS code, s.name AS source, t.line, i.field, i.value, i.problem, i.severity,
                i.message, i.suggestion, i.fixed
         FROM clean_issues i JOIN ${kind} t ON t.id = i.record_id JOIN sources s ON s.id = t.source_id
         WHERE i.kind = ? ORDER BY i.record_id, i.id`,
      )
      .iterate(kind) as IterableIterator<IssueRow>;
    yield* rows;
  }
}
