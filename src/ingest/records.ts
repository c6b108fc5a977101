import { issueWriter, type IssueWriter, type Problem } from '../clean/index.js';
import { codeFieldOf, normalisedColumns as cleanedColumns } from '../clean/fields.js';
import type { Db } from '../store/db.js';
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

/**
 * Writes one kind's records for one source: inserts new rows, updates rows a newer export of the
 * same list replaces (same record code, content changed; the old version goes to record_versions),
 * and skips rows already imported unchanged.
 *
 * Inserts bind only the raw columns this file maps (binding is most of an insert's cost in
 * better-sqlite3, and an export rarely fills more than a third of them).
 */
export class RecordWriter {
  private readonly raw: string[];
  private readonly norm: string[];
  private readonly insert;
  private readonly update;
  private readonly byCode;
  private readonly byHash;
  private readonly keepVersion;
  private readonly hadRows: boolean;
  private readonly writeIssue: IssueWriter;
  private readonly occurrences = new Map<string, number>();
  private readonly rawInserted: string[];
  inserted = 0;
  updated = 0;
  unchanged = 0;

  constructor(
    private readonly db: Db,
    readonly kind: Kind,
    private readonly sourceId: number,
    private readonly now: string,
    /** The raw fields the file maps; the others stay NULL on insert. Default: all. */
    mappedFields?: readonly string[],
    runId: number | null = null,
  ) {
    this.writeIssue = issueWriter(db, runId);
    this.raw = fieldNames(kind);
    this.norm = normalisedColumns[kind];
    this.rawInserted = mappedFields ? this.raw.filter((f) => mappedFields.includes(f)) : this.raw;
    const insertCols = ['source_id', 'line', 'row_hash', ...this.rawInserted, 'extra', ...this.norm, 'dirty', 'updated_at'];
    const allCols = ['source_id', 'line', 'row_hash', ...this.raw, 'extra', ...this.norm, 'dirty', 'updated_at'];
    this.insert = db.prepare(`INSERT INTO ${kind} (${insertCols.join(', ')}) VALUES (${insertCols.map(() => '?').join(', ')})`);
    this.update = db.prepare(`UPDATE ${kind} SET ${allCols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
    this.byCode = db.prepare(`SELECT id, row_hash FROM ${kind} WHERE ${codeField[kind]} = ? AND source_id != ? ORDER BY id LIMIT 1 OFFSET ?`);
    // only rows without a record code are recognised by content (the partial index holds just those)
    this.byHash = db.prepare(`SELECT id FROM ${kind} WHERE row_hash = ? AND ${codeField[kind]} IS NULL AND source_id != ? LIMIT 1`);
    this.keepVersion = db.prepare(
      `INSERT INTO record_versions (kind, record_id, source_id, line, data, replaced_at, replaced_by_source)
       SELECT '${kind}', id, source_id, line, json_object(${[...this.raw, 'extra'].map((c) => `'${c}', ${c}`).join(', ')}), ?, ? FROM ${kind} WHERE id = ?`,
    );
    this.hadRows = db.prepare(`SELECT 1 FROM ${kind} LIMIT 1`).get() !== undefined;
  }

  /** True when the table was empty: every row is new, so no lookups are needed. */
  get firstLoad(): boolean {
    return !this.hadRows;
  }

  write(row: RecordRow): void {
    if (this.hadRows) {
      const code = row.raw[codeField[this.kind]];
      if (code) {
        const nth = this.occurrences.get(code) ?? 0;
        const existing = this.byCode.get(code, this.sourceId, nth) as { id: number; row_hash: string } | undefined;
        if (existing) {
          this.occurrences.set(code, nth + 1);
          if (existing.row_hash === row.hash) {
            this.unchanged++;
          } else {
            this.keepVersion.run(this.now, this.sourceId, existing.id);
            // a replaced row is normalised and checked again by the next clean
            this.update.run(...this.params(row, this.raw, 1), existing.id);
            this.updated++;
          }
          return;
        }
      } else if (this.byHash.get(row.hash, this.sourceId)) {
        this.unchanged++;
        return;
      }
    }
    const id = Number(this.insert.run(...this.params(row, this.rawInserted, 0)).lastInsertRowid);
    for (const p of row.problems) this.writeIssue(this.kind, id, p, false);
    this.inserted++;
  }

  private params(row: RecordRow, rawFields: readonly string[], dirty: 0 | 1): Value[] {
    const values: Value[] = [this.sourceId, row.line, row.hash];
    for (const f of rawFields) values.push(row.raw[f] ?? null);
    values.push(row.extra);
    for (const c of this.norm) {
      const v = row.normalised[c];
      values.push(v === undefined ? null : typeof v === 'boolean' ? Number(v) : v);
    }
    values.push(dirty, this.now);
    return values;
  }
}

/**
 * Drops a table's secondary indexes for a bulk load into it and returns a function that builds them
 * again: one sorted build is several times cheaper than keeping five B-trees up to date row by row.
 * Both run inside the import's transaction, so a failure leaves the indexes as they were.
 */
export function suspendIndexes(db: Db, table: string): () => void {
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
    .all(table) as { name: string; sql: string }[];
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
