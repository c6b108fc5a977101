import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Db } from '../store/db.js';
import { inTransaction, nowIso, streamingPragmas } from '../store/db.js';
import { InputError } from '../errors.js';
import { openTables, type RawRow, type TableSource } from './readers/index.js';
import { detectKind, headerScore, mapHeaders, type Mapping, type Overrides } from './mapping.js';
import { codeField, linkRecords, RecordWriter, suspendIndexes, type RecordRow } from './records.js';
import { rowHash, sha256File } from './hash.js';
import { rejectionFor } from './validate.js';
import { addPlaceholderProblems, normaliseCustomer, normaliseFeedback, normaliseOrder, normaliserHash, type NormaliseOptions, type Problem } from '../clean/index.js';
import { normaliseTicket } from './tickets.js';
import type { Kind } from './fields.js';

export interface IngestOptions {
  kind?: Kind;
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  map?: Overrides;
  force?: boolean;
  synonyms?: Record<string, string[]>;
  linkBy?: string[];
  normalise: NormaliseOptions;
  runId?: number;
  onProgress?: (file: string, rows: number) => void;
}

export interface TableReport {
  file: string;
  path: string;
  sheet: string | null;
  kind: Kind | null;
  encoding: string | null;
  delimiter: string | null;
  headerLine: number;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  unlinked: number;
  seconds: number;
  /** Set when the file was not imported again because the same content is already in the store. */
  skipped?: 'already-imported';
  sourceId?: number;
}

/** Files above this size loading into an empty table build its indexes once at the end. */
const BULK_LOAD_BYTES = 4 << 20;

const normalisers: Record<Kind, (raw: Record<string, string | null>, o: NormaliseOptions) => { values: RecordRow['normalised']; problems?: Problem[] }> = {
  customers: normaliseCustomer,
  orders: normaliseOrder,
  feedback: normaliseFeedback,
  tickets: normaliseTicket,
};

export async function openAndMap(path: string, options: Pick<IngestOptions, 'kind' | 'sheet' | 'encoding' | 'delimiter' | 'map' | 'synonyms'>): Promise<{ table: TableSource; mapping: Mapping }[]> {
  const tables = await openTables(path, { sheet: options.sheet, encoding: options.encoding, delimiter: options.delimiter, headerScore });
  return tables.map((table) => {
    const kind = options.kind ?? detectKind(table.headers, options.map, options.synonyms);
    if (!kind) {
      const where = table.sheet ? `${basename(path)} [${table.sheet}]` : basename(path);
      throw InputError.of('ingest.unknownKind', { where, line: table.headerLine, headers: table.headers.slice(0, 6).join(', ') });
    }
    return { table, mapping: mapHeaders(table.headers, kind, options.map, options.synonyms) };
  });
}

/** Turns one data row into a record to write, or a rejection with its column and reason. */
export function buildRecord(row: RawRow, table: TableSource, mapping: Mapping, normalise: NormaliseOptions): { record?: RecordRow; reject?: { column: string | null; reason: string; original: string } } {
  const width = table.headers.length;
  // Spreadsheet rows simply end at their last filled cell; only delimited text can be ragged.
  const cells = table.format === 'xlsx' && row.cells.length < width ? [...row.cells, ...Array<string>(width - row.cells.length).fill('')] : row.cells;
  const original = (): string => {
    const obj: Record<string, string> = {};
    cells.forEach((c, i) => (obj[i < width ? table.headers[i] : `_extra_${i - width + 1}`] = c));
    return JSON.stringify(obj);
  };
  let lastFilled = cells.length - 1;
  while (lastFilled >= width && cells[lastFilled].trim() === '') lastFilled--;
  if (lastFilled + 1 !== width && cells.length !== width) {
    const reason = cells.length < width ? `row has ${cells.length} fields, header has ${width}` : `row has ${lastFilled + 1} fields, header has ${width}`;
    return { reject: { column: null, reason, original: original() } };
  }
  const raw: Record<string, string | null> = {};
  const extra: Record<string, string> = {};
  const hashed: (string | null)[] = [];
  for (const col of mapping.columns) {
    const value = (cells[col.index] ?? '').trim();
    hashed.push(value);
    if (col.field) raw[col.field] = value === '' ? null : value;
    else if (col.how !== 'skip' && value !== '') extra[col.header] = value;
  }
  const { values, problems = [] } = normalisers[mapping.kind](raw, normalise);
  const rejection = rejectionFor(mapping.kind, raw, values);
  if (rejection) {
    const header = mapping.columns.find((c) => c.field === rejection.field)?.header ?? rejection.field;
    return { reject: { column: header, reason: rejection.reason, original: original() } };
  }
  return {
    record: {
      line: row.line,
      hash: rowHash(hashed),
      raw,
      extra: Object.keys(extra).length ? JSON.stringify(extra) : null,
      normalised: values,
      problems: issuesOf(mapping.kind, raw, problems),
    },
  };
}

/** What clean would record for a new row: the normalisers' problems and placeholder cells (not for tickets, which clean does not check). */
function issuesOf(kind: Kind, raw: Record<string, string | null>, problems: Problem[]): Problem[] {
  if (kind === 'tickets') return [];
  addPlaceholderProblems(raw, Object.keys(raw), problems);
  return problems;
}

/**
 * Imports files into the store in one transaction: all of them or none (an error or Ctrl-C
 * rolls everything back). Re-importing a file with the same content is a no-op unless force.
 */
export async function ingestFiles(db: Db, paths: string[], options: IngestOptions): Promise<TableReport[]> {
  const reports: TableReport[] = [];
  // A bulk load appends rows and builds indexes once, with a small page cache and sorts on disk.
  const restore = streamingPragmas(db);
  try {
    await ingestInTransaction(db, paths, options, reports);
  } finally {
    restore();
  }
  return reports;
}

async function ingestInTransaction(db: Db, paths: string[], options: IngestOptions, reports: TableReport[]): Promise<void> {
  await inTransaction(db, async () => {
    for (const path of paths) reports.push(...(await ingestFile(db, path, options)));
    linkRecords(db, options.linkBy ?? ['customer_code', 'phone', 'email']);
    const setUnlinked = db.prepare('UPDATE sources SET rows_unlinked = ? WHERE id = ?');
    for (const r of reports) {
      if (r.sourceId === undefined || r.kind === 'customers') continue;
      r.unlinked = (db.prepare(`SELECT COUNT(*) AS n FROM ${r.kind} WHERE source_id = ? AND customer_id IS NULL`).get(r.sourceId) as { n: number }).n;
      setUnlinked.run(r.unlinked, r.sourceId);
    }
  });
}

async function ingestFile(db: Db, path: string, options: IngestOptions): Promise<TableReport[]> {
  const absolute = resolve(path);
  const [sha, mapped] = await Promise.all([sha256File(absolute), openAndMap(absolute, options)]);
  const size = statSync(absolute).size;
  const reports: TableReport[] = [];
  for (const { table, mapping } of mapped) {
    const started = performance.now();
    const base: TableReport = {
      file: basename(path), path: absolute, sheet: table.sheet ?? null, kind: mapping.kind, encoding: table.encoding ?? null,
      delimiter: table.delimiter ?? null, headerLine: table.headerLine, rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, unlinked: 0, seconds: 0,
    };
    const previous = db.prepare('SELECT id FROM sources WHERE sha256 = ? AND kind = ? AND COALESCE(sheet, \'\') = ? LIMIT 1').get(sha, mapping.kind, table.sheet ?? '');
    if (previous && !options.force) {
      reports.push({ ...base, skipped: 'already-imported' });
      continue;
    }
    const now = nowIso();
    const sourceId = Number(
      db.prepare(
        `INSERT INTO sources (path, name, sha256, size, kind, format, encoding, delimiter, sheet, header_line, mapping, imported_at, run_id, normalised_with)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(absolute, basename(path), sha, size, mapping.kind, table.format, table.encoding ?? null, table.delimiter ?? null, table.sheet ?? null, table.headerLine,
        JSON.stringify(Object.fromEntries(mapping.columns.map((c) => [c.header, c.field ?? (c.how === 'skip' ? 'skip' : null)]))), now, options.runId ?? null,
        mapping.kind === 'tickets' ? null : normaliserHash(options.normalise)).lastInsertRowid,
    );
    const mappedFields = mapping.columns.flatMap((c) => (c.field ? [c.field] : []));
    const writer = new RecordWriter(db, mapping.kind, sourceId, now, mappedFields, options.runId ?? null);
    const restoreIndexes = writer.firstLoad && size > BULK_LOAD_BYTES ? suspendIndexes(db, mapping.kind) : undefined;
    const insertReject = db.prepare('INSERT INTO rejects (source_id, line, column_name, reason, original) VALUES (?, ?, ?, ?, ?)');
    let rowsRead = 0;
    let rejected = 0;
    const label = table.sheet ? `${basename(path)} [${table.sheet}]` : basename(path);
    for await (const row of table.rows) {
      rowsRead++;
      const { record, reject } = buildRecord(row, table, mapping, options.normalise);
      if (record) writer.write(record);
      else if (reject) {
        insertReject.run(sourceId, row.line, reject.column, reject.reason, reject.original);
        rejected++;
      }
      if (options.onProgress && (rowsRead & 0x3fff) === 0) options.onProgress(label, rowsRead);
    }
    options.onProgress?.(label, rowsRead);
    restoreIndexes?.();
    const seconds = (performance.now() - started) / 1000;
    db.prepare('UPDATE sources SET rows_read = ?, rows_inserted = ?, rows_updated = ?, rows_unchanged = ?, rows_rejected = ?, seconds = ? WHERE id = ?')
      .run(rowsRead, writer.inserted, writer.updated, writer.unchanged, rejected, seconds, sourceId);
    reports.push({ ...base, sourceId, rowsRead, inserted: writer.inserted, updated: writer.updated, unchanged: writer.unchanged, rejected, seconds });
  }
  return reports;
}

export { codeField };
