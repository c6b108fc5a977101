import { issueWriter, type IssueWriter, type Problem } from '../clean/index.js';
import { codeFieldOf, normalisedColumns as cleanedColumns } from '../clean/fields.js';
import type { Db } from '../store/db.js';
import { PROBLEM_STRIDE, RAW_OFFSET, unpackProblem, type RecordBatch, type RecordLayout } from './batch.js';
import { fieldNames, linkedKinds, type Kind } from './fields.js';

/** Normalised columns of each kind (filled by src/clean normalisers, tickets by ./tickets.ts), in table order. */
export const normalisedColumns: Record<Kind, string[]> = {
  ...cleanedColumns,
  tickets: ['opened_ts', 'first_response_ts', 'resolved_ts', 'phone_e164', 'email_norm'],
};

export const codeField: Record<Kind, string> = { ...codeFieldOf, tickets: 'ticket_code' };

export type Value = string | number | null;

export interface RecordRow {
  line: number;
  hash: string;
  raw: Record<string, string | null>;
  extra: string | null;
  normalised: Record<string, Value>;
  /** Problems the normalisers found, recorded as clean issues when the row is inserted. */
  problems: Problem[];
}

/** The packed record layout of a file of `kind` that maps `mappedFields` (see RecordLayout). */
export function recordLayout(kind: Kind, mappedFields: readonly string[]): RecordLayout {
  const raw = fieldNames(kind).filter((f) => mappedFields.includes(f));
  const norm = normalisedColumns[kind];
  return { kind, raw, norm, stride: RAW_OFFSET + raw.length + 1 + norm.length };
}

/** Records per INSERT statement while loading into an empty table: one call binding 16 rows costs less than 16 calls. */
const ROWS_PER_INSERT = 16;

/**
 * Writes one kind's records for one source: inserts new rows, updates rows a newer export of the
 * same list replaces (same record code, content changed; the old version goes to record_versions),
 * and skips rows already imported unchanged.
 *
 * Inserts bind only the raw columns this file maps (binding is most of an insert's cost in
 * better-sqlite3, and an export rarely fills more than a third of them); the source, dirty flag and
 * timestamp, the same for every row, are literals in the statement.
 */
export class RecordWriter {
  private readonly kind: Kind;
  private readonly stride: number;
  private readonly insertOne;
  private readonly insertMany;
  private readonly update;
  private readonly byCode;
  private readonly byHash;
  private readonly keepVersion;
  private readonly hadRows: boolean;
  private readonly writeIssue: IssueWriter;
  private readonly occurrences = new Map<string, number>();
  private previousCode: Value = null;
  /** Whether two consecutive rows carried the same record code: the rows of one order in a line-item export. */
  repeatsCodes = false;
  /** Position of the record code in a packed record, -1 when the file does not map it. */
  private readonly codeSlot: number;
  /** For each raw field of the kind, its position in a packed record (-1: not mapped). */
  private readonly rawSlots: number[];
  inserted = 0;
  updated = 0;
  unchanged = 0;

  constructor(
    db: Db,
    private readonly layout: RecordLayout,
    private readonly sourceId: number,
    private readonly now: string,
    runId: number | null = null,
  ) {
    const kind = (this.kind = layout.kind);
    this.stride = layout.stride;
    this.writeIssue = issueWriter(db, runId);
    const raw = fieldNames(kind);
    const slotOf = (field: string): number => (layout.raw.includes(field) ? RAW_OFFSET + layout.raw.indexOf(field) : -1);
    this.rawSlots = raw.map(slotOf);
    this.codeSlot = slotOf(codeField[kind]);
    const packedCols = ['line', 'row_hash', ...layout.raw, 'extra', ...layout.norm];
    const rowValues = `(${Number(sourceId)}, ${packedCols.map(() => '?').join(', ')}, 0, '${now.replaceAll("'", "''")}')`;
    const insert = `INSERT INTO ${kind} (source_id, ${packedCols.join(', ')}, dirty, updated_at) VALUES `;
    this.insertOne = db.prepare(insert + rowValues);
    this.insertMany = db.prepare(insert + Array<string>(ROWS_PER_INSERT).fill(rowValues).join(', '));
    const allCols = ['source_id', 'line', 'row_hash', ...raw, 'extra', ...layout.norm, 'dirty', 'updated_at'];
    this.update = db.prepare(`UPDATE ${kind} SET ${allCols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
    this.byCode = db.prepare(`SELECT id, row_hash FROM ${kind} WHERE ${codeField[kind]} = ? AND source_id != ? ORDER BY id LIMIT 1 OFFSET ?`);
    // only rows without a record code are recognised by content (the partial index holds just those)
    this.byHash = db.prepare(`SELECT id FROM ${kind} WHERE row_hash = ? AND ${codeField[kind]} IS NULL AND source_id != ? LIMIT 1`);
    this.keepVersion = db.prepare(
      `INSERT INTO record_versions (kind, record_id, source_id, line, data, replaced_at, replaced_by_source)
       SELECT '${kind}', id, source_id, line, json_object(${[...raw, 'extra'].map((c) => `'${c}', ${c}`).join(', ')}), ?, ? FROM ${kind} WHERE id = ?`,
    );
    this.hadRows = db.prepare(`SELECT 1 FROM ${kind} LIMIT 1`).get() !== undefined;
  }

  /** True when the table was empty: every row is new, so no lookups are needed. */
  get firstLoad(): boolean {
    return !this.hadRows;
  }

  /** Writes a batch's records in order, each inserted record's problems as clean issues. */
  writeBatch(batch: RecordBatch): void {
    const { records, problems } = batch;
    const stride = this.stride;
    const count = records.length / stride;
    if (this.codeSlot >= 0 && !this.repeatsCodes) this.noticeRepeatedCodes(records, count);
    let problem = 0;
    let i = 0;
    if (!this.hadRows) {
      // every record is inserted, and the rows of one INSERT get consecutive ids
      for (; i + ROWS_PER_INSERT <= count; i += ROWS_PER_INSERT) {
        const lastId = Number(this.insertMany.run(records.slice(i * stride, (i + ROWS_PER_INSERT) * stride)).lastInsertRowid);
        this.inserted += ROWS_PER_INSERT;
        problem = this.writeProblems(problems, problem, i + ROWS_PER_INSERT, lastId - (i + ROWS_PER_INSERT - 1));
      }
    }
    for (; i < count; i++) {
      const id = this.writeRecord(records, i * stride);
      if (id !== undefined) problem = this.writeProblems(problems, problem, i + 1, id - i);
      else while (problem < problems.length && problems[problem] === i) problem += PROBLEM_STRIDE;
    }
  }

  private noticeRepeatedCodes(records: Value[], count: number): void {
    for (let k = 0; k < count; k++) {
      const code = records[k * this.stride + this.codeSlot];
      if (code !== null && code !== '' && code === this.previousCode) {
        this.repeatsCodes = true;
        return;
      }
      this.previousCode = code;
    }
  }

  /** Writes the problems from `offset` on of the records before `end`; record k has id `idBase + k`. Returns the next offset. */
  private writeProblems(problems: RecordBatch['problems'], offset: number, end: number, idBase: number): number {
    while (offset < problems.length && (problems[offset] as number) < end) {
      this.writeIssue(this.kind, idBase + (problems[offset] as number), unpackProblem(problems, offset), false);
      offset += PROBLEM_STRIDE;
    }
    return offset;
  }

  /** Writes the packed record at `offset`; returns its id when it was inserted. */
  private writeRecord(records: Value[], offset: number): number | undefined {
    if (this.hadRows) {
      const hash = records[offset + 1];
      const code = this.codeSlot < 0 ? null : (records[offset + this.codeSlot] as string | null);
      if (code) {
        const nth = this.occurrences.get(code) ?? 0;
        const existing = this.byCode.get(code, this.sourceId, nth) as { id: number; row_hash: string } | undefined;
        if (existing) {
          this.occurrences.set(code, nth + 1);
          if (existing.row_hash === hash) {
            this.unchanged++;
          } else {
            this.keepVersion.run(this.now, this.sourceId, existing.id);
            // a replaced row is normalised and checked again by the next clean
            this.update.run(this.updateParams(records, offset), existing.id);
            this.updated++;
          }
          return undefined;
        }
      } else if (this.byHash.get(hash, this.sourceId)) {
        this.unchanged++;
        return undefined;
      }
    }
    this.inserted++;
    return Number(this.insertOne.run(records.slice(offset, offset + this.stride)).lastInsertRowid);
  }

  /** Every column of the kind for an update: the raw fields this file does not map are cleared. */
  private updateParams(records: Value[], offset: number): Value[] {
    const values: Value[] = [this.sourceId, records[offset], records[offset + 1]];
    for (const slot of this.rawSlots) values.push(slot < 0 ? null : records[offset + slot]);
    const extra = offset + RAW_OFFSET + this.layout.raw.length;
    for (let k = extra; k < offset + this.stride; k++) values.push(records[k]);
    values.push(1, this.now);
    return values;
  }
}

/** Partial indexes no imported row enters: new rows are not dirty and have no entity yet. */
const NEVER_HOLDS_NEW_ROWS = /\bWHERE\s+(dirty\s*=\s*1|entity_id\s+IS\s+NOT\s+NULL)\s*$/i;

/**
 * Drops a table's secondary indexes for a bulk load into it and returns a function that builds them
 * again: one sorted build is several times cheaper than keeping five B-trees up to date row by row.
 * Partial indexes that new rows never enter stay: rebuilding them would scan the table for nothing.
 * Both run inside the import's transaction, so a failure leaves the indexes as they were.
 */
export function suspendIndexes(db: Db, table: string): () => void {
  const indexes = (
    db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as { name: string; sql: string }[]
  ).filter((index) => !NEVER_HOLDS_NEW_ROWS.test(index.sql));
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  return () => {
    for (const index of indexes) db.exec(index.sql);
  };
}

/**
 * Links orders and feedback to customers, set-based so the import order of files doesn't matter:
 * by customer code, else by normalised phone, else by e-mail (the order is configurable).
 */
export function linkRecords(db: Db, linkBy: string[]): void {
  const keyOf: Record<string, [string, string]> = {
    customer_code: ['customer_code', 'customer_code'],
    phone: ['phone_e164', 'phone_e164'],
    email: ['email_norm', 'email_norm'],
  };
  for (const kind of linkedKinds) {
    for (const method of linkBy) {
      const [mine, theirs] = keyOf[method];
      db.prepare(
        `UPDATE ${kind} SET customer_id = (SELECT c.id FROM customers c WHERE c.${theirs} = ${kind}.${mine} ORDER BY c.id LIMIT 1),
                link_method = '${method}'
          WHERE customer_id IS NULL AND ${mine} IS NOT NULL AND ${mine} != ''
            AND EXISTS (SELECT 1 FROM customers c WHERE c.${theirs} = ${kind}.${mine})`,
      ).run();
    }
  }
}
