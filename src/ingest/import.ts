import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Db } from '../store/db.js';
import { inTransaction, nowIso, streamingPragmas } from '../store/db.js';
import { InputError } from '../errors.js';
import { openTables, type TableSource } from './readers/index.js';
import { detectKind, headerScore, mapHeaders, type Mapping, type Overrides } from './mapping.js';
import { codeField, linkRecords, recordLayout, RecordWriter, suspendIndexes } from './records.js';
import { sha256File } from './hash.js';
import { normaliserHash, type NormaliseOptions } from '../clean/index.js';
import type { Kind } from './fields.js';
import { REJECT_STRIDE, type RecordBatch } from './batch.js';
import { BatchBuilder, buildBatches } from './build.js';
import { BuildWorker, workerAvailable } from './parallel.js';
import type { BuildJob } from './worker-protocol.js';

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

/**
 * Delimited text files from this size on are read, normalised and hashed in a worker thread while
 * this one writes to the store (starting a worker costs about 100 ms). Spreadsheets are not: most of
 * their time goes to exceljs parsing them twice, the first pass (finding the layout) before any row
 * can be read, so a worker saved nothing on a 60,000-row .xlsx and cost 65 MB more memory.
 * CUSTOPS_INGEST_WORKER_MIN_BYTES overrides both: an internal setting for tests, which set 0 to take
 * the worker path with small fixtures of either format.
 */
const WORKER_MIN_BYTES: Record<TableSource['format'], number> = { csv: 4 << 20, xlsx: Infinity };

/** Rows per batch of records built and written (and sent between threads). */
const BATCH_ROWS = 500;

function workerMinBytes(format: TableSource['format']): number {
  const setting = process.env.CUSTOPS_INGEST_WORKER_MIN_BYTES;
  return setting && Number.isFinite(Number(setting)) ? Number(setting) : WORKER_MIN_BYTES[format];
}

/** The record batches of a table: built by the worker thread when there is one, else in this thread. */
function recordBatches(worker: BuildWorker | undefined, job: BuildJob, table: TableSource): AsyncIterable<RecordBatch> {
  if (worker) return worker.batches(job);
  return buildBatches(table.rows, new BatchBuilder(job.table, job.mapping, job.normalise, job.layout), job.batchRows);
}

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
  let worker: BuildWorker | undefined;
  try {
    const opened = openAndMap(absolute, options).then((mapped) => {
      const size = statSync(absolute).size;
      // started as soon as the format is known, so that loading its modules overlaps with hashing the file
      if (workerAvailable && mapped.length > 0 && size >= workerMinBytes(mapped[0].table.format)) worker = new BuildWorker();
      return { mapped, size };
    });
    const [sha, { mapped, size }] = await Promise.all([sha256File(absolute), opened]);
    return await ingestTables(db, { path, absolute, sha, size, mapped }, worker, options);
  } finally {
    await worker?.close();
  }
}

interface OpenedFile {
  path: string;
  absolute: string;
  sha: string;
  size: number;
  mapped: { table: TableSource; mapping: Mapping }[];
}

async function ingestTables(db: Db, { path, absolute, sha, size, mapped }: OpenedFile, worker: BuildWorker | undefined, options: IngestOptions): Promise<TableReport[]> {
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
    const layout = recordLayout(mapping.kind, mapping.columns.flatMap((c) => (c.field ? [c.field] : [])));
    const writer = new RecordWriter(db, layout, sourceId, now, options.runId ?? null);
    const restoreIndexes = writer.firstLoad && size > BULK_LOAD_BYTES ? suspendIndexes(db, mapping.kind) : undefined;
    const insertReject = db.prepare(`INSERT INTO rejects (source_id, line, column_name, reason, original) VALUES (${sourceId}, ?, ?, ?, ?)`);
    let rowsRead = 0;
    let rejected = 0;
    const label = table.sheet ? `${basename(path)} [${table.sheet}]` : basename(path);
    const job: BuildJob = {
      rowsSpec: table.rowsSpec, table: { headers: table.headers, format: table.format }, mapping, normalise: options.normalise, layout, batchRows: BATCH_ROWS,
    };
    for await (const batch of recordBatches(worker, job, table)) {
      writer.writeBatch(batch);
      const { rejects } = batch;
      for (let r = 0; r < rejects.length; r += REJECT_STRIDE) insertReject.run(rejects[r], rejects[r + 1], rejects[r + 2], rejects[r + 3]);
      rowsRead += batch.rowsRead;
      rejected += rejects.length / REJECT_STRIDE;
      options.onProgress?.(label, rowsRead);
    }
    restoreIndexes?.();
    const seconds = (performance.now() - started) / 1000;
    db.prepare('UPDATE sources SET rows_read = ?, rows_inserted = ?, rows_updated = ?, rows_unchanged = ?, rows_rejected = ?, seconds = ?, line_items = ? WHERE id = ?')
      .run(rowsRead, writer.inserted, writer.updated, writer.unchanged, rejected, seconds, Number(mapping.kind === 'orders' && writer.repeatsCodes), sourceId);
    reports.push({ ...base, sourceId, rowsRead, inserted: writer.inserted, updated: writer.updated, unchanged: writer.unchanged, rejected, seconds });
  }
  return reports;
}

export { codeField };
