import { addPlaceholderProblems, normaliseCustomer, normaliseFeedback, normaliseOrder, type NormaliseOptions, type Problem } from '../clean/index.js';
import { emptyBatch, packRecord, packReject, type RecordBatch, type RecordLayout } from './batch.js';
import { cellValue } from './cells.js';
import { footerOf, footerReason, trailingNoteOf } from './footer.js';
import type { Kind } from './fields.js';
import { rowHash } from './hash.js';
import type { Mapping } from './mapping.js';
import { rowsInBatches, type RawRow, type TableSource } from './readers/index.js';
import type { RecordRow } from './records.js';
import { normaliseTicket } from './tickets.js';
import { rejectionFor } from './validate.js';

const normalisers: Record<Kind, (raw: Record<string, string | null>, o: NormaliseOptions) => { values: RecordRow['normalised']; problems?: Problem[] }> = {
  customers: normaliseCustomer,
  orders: normaliseOrder,
  feedback: normaliseFeedback,
  tickets: normaliseTicket,
};

export interface Rejection {
  column: string | null;
  reason: string;
  /** The row's cells as JSON, keyed by header. */
  original: string;
}

export type Built = { record: RecordRow; reject?: undefined } | { record?: undefined; reject: Rejection };

/** Turns a table's data rows into records to write, or rejections with their column and reason. */
export class RecordBuilder {
  private readonly width: number;
  /** The mapped fields, once each in column order: the keys of a record's raw values. */
  private readonly fields: string[];
  /** Those fields, all null: a record's raw values start as a copy (copying a shape is cheaper than growing one key by key). */
  private readonly emptyRaw: Record<string, string | null>;
  /** Every column's value (see cellValue), reused from row to row (only read by rowHash). */
  private readonly hashed: string[] = [];
  private readonly normaliser: (typeof normalisers)[Kind];
  /** Set once a note row was seen: the table has ended, lone cells below it are notes too. */
  private afterNote = false;

  constructor(
    private readonly table: Pick<TableSource, 'headers' | 'format'>,
    private readonly mapping: Mapping,
    private readonly normalise: NormaliseOptions,
  ) {
    this.width = table.headers.length;
    this.fields = [...new Set(mapping.columns.flatMap((c) => (c.field ? [c.field] : [])))];
    this.emptyRaw = Object.fromEntries(this.fields.map((f) => [f, null]));
    this.normaliser = normalisers[mapping.kind];
  }

  build(row: RawRow): Built {
    const footer = footerOf(row.cells) ?? (this.afterNote ? trailingNoteOf(row.cells) : null);
    if (footer) {
      if (footer.kind === 'note') this.afterNote = true;
      return { reject: { column: this.table.headers[footer.column] ?? null, reason: footerReason(footer), original: this.original(row.cells) } };
    }
    const width = this.width;
    // Spreadsheet rows simply end at their last filled cell; only delimited text can be ragged.
    const cells = this.table.format === 'xlsx' && row.cells.length < width ? [...row.cells, ...Array<string>(width - row.cells.length).fill('')] : row.cells;
    let lastFilled = cells.length - 1;
    while (lastFilled >= width && cells[lastFilled].trim() === '') lastFilled--;
    if (lastFilled + 1 !== width && cells.length !== width) {
      const reason = cells.length < width ? `row has ${cells.length} fields, header has ${width}` : `row has ${lastFilled + 1} fields, header has ${width}`;
      return { reject: { column: null, reason, original: this.original(cells) } };
    }
    const raw = { ...this.emptyRaw };
    let extra: Record<string, string> | undefined;
    const hashed = this.hashed;
    const columns = this.mapping.columns;
    for (let k = 0; k < columns.length; k++) {
      const col = columns[k];
      const value = cellValue(cells[col.index]);
      hashed[k] = value;
      if (col.field) raw[col.field] = value === '' ? null : value;
      else if (col.how !== 'skip' && value !== '') (extra ??= {})[col.header] = value;
    }
    const kind = this.mapping.kind;
    const { values, problems = [] } = this.normaliser(raw, this.normalise);
    const rejection = rejectionFor(kind, raw, values);
    if (rejection) {
      const header = columns.find((c) => c.field === rejection.field)?.header ?? rejection.field;
      return { reject: { column: header, reason: rejection.reason, original: this.original(cells) } };
    }
    // what clean would record for a new row: the normalisers' problems and placeholder cells (not for tickets, which clean does not check)
    if (kind !== 'tickets') addPlaceholderProblems(raw, this.fields, problems);
    return {
      record: {
        line: row.line,
        hash: rowHash(hashed),
        raw,
        extra: extra ? JSON.stringify(extra) : null,
        normalised: values,
        problems: kind === 'tickets' ? [] : problems,
      },
    };
  }

  private original(cells: string[]): string {
    const width = this.width;
    const obj: Record<string, string> = {};
    cells.forEach((c, i) => (obj[i < width ? this.table.headers[i] : `_extra_${i - width + 1}`] = c));
    return JSON.stringify(obj);
  }
}

/** Builds records from data rows into batches (see RecordBatch). */
export class BatchBuilder {
  private batch = emptyBatch();
  private readonly records: RecordBuilder;

  constructor(
    table: Pick<TableSource, 'headers' | 'format'>,
    mapping: Mapping,
    normalise: NormaliseOptions,
    private readonly layout: RecordLayout,
  ) {
    this.records = new RecordBuilder(table, mapping, normalise);
  }

  add(row: RawRow): void {
    const { record, reject } = this.records.build(row);
    if (record) packRecord(this.batch, this.layout, record);
    else if (reject) packReject(this.batch, row.line, reject);
    this.batch.rowsRead++;
  }

  /** Rows added since the last take(). */
  get size(): number {
    return this.batch.rowsRead;
  }

  take(): RecordBatch {
    const batch = this.batch;
    this.batch = emptyBatch();
    return batch;
  }
}

/** Builds a table's data rows into batches of `batchRows` rows (the last one smaller). */
export async function* buildBatches(rows: AsyncIterable<RawRow>, builder: BatchBuilder, batchRows: number): AsyncGenerator<RecordBatch> {
  for await (const chunk of rowsInBatches(rows)) {
    for (const row of chunk) {
      builder.add(row);
      if (builder.size >= batchRows) yield builder.take();
    }
  }
  if (builder.size > 0) yield builder.take();
}
