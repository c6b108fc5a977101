import type { Problem } from '../clean/index.js';
import type { Kind } from './fields.js';
import type { RecordRow, Value } from './records.js';

/**
 * Which values a packed record holds, in order: line, row hash, the raw fields the file maps (in table
 * order; the others stay NULL), extra, the kind's normalised columns. This is the order of an insert's
 * parameters, so a packed record is inserted as it is.
 */
export interface RecordLayout {
  kind: Kind;
  raw: readonly string[];
  norm: readonly string[];
  /** Values per record. */
  stride: number;
}

/** Offset of a packed record's first raw value. */
export const RAW_OFFSET = 2;
export const PROBLEM_STRIDE = 6;
export const REJECT_STRIDE = 4;

/**
 * The outcome of a run of data rows as flat arrays of primitives: cheap to build, to send to another
 * thread (structured clone of one array, not of an object per row) and to insert.
 */
export interface RecordBatch {
  rowsRead: number;
  /** Records, `layout.stride` values each. */
  records: Value[];
  /** Runs of PROBLEM_STRIDE: index of the record in this batch, field, value, problem, message, suggestion. */
  problems: (string | number | null)[];
  /** Rejected rows, runs of REJECT_STRIDE: line, column, reason, original. */
  rejects: (string | number | null)[];
}

export function emptyBatch(): RecordBatch {
  return { rowsRead: 0, records: [], problems: [], rejects: [] };
}

export function packRecord(batch: RecordBatch, layout: RecordLayout, record: RecordRow): void {
  const out = batch.records;
  const index = out.length / layout.stride;
  out.push(record.line, record.hash);
  for (const f of layout.raw) out.push(record.raw[f] ?? null);
  out.push(record.extra);
  for (const c of layout.norm) {
    const v = record.normalised[c];
    out.push(v === undefined ? null : typeof v === 'boolean' ? Number(v) : v);
  }
  for (const p of record.problems) batch.problems.push(index, p.field, p.value, p.problem, p.message, p.suggestion ?? null);
}

export function packReject(batch: RecordBatch, line: number, reject: { column: string | null; reason: string; original: string }): void {
  batch.rejects.push(line, reject.column, reject.reason, reject.original);
}

/** The problem at `offset` in a batch's problems. */
export function unpackProblem(problems: RecordBatch['problems'], offset: number): Problem {
  const suggestion = problems[offset + 5] as string | null;
  return {
    field: problems[offset + 1] as string,
    value: problems[offset + 2] as string,
    problem: problems[offset + 3] as string,
    message: problems[offset + 4] as string,
    ...(suggestion === null ? {} : { suggestion }),
  };
}
