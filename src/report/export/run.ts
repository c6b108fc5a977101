import type { Db } from '../../store/db.js';
import type { Column } from '../../output/columns.js';
import type { Exportable } from '../../store/exportables.js';
import { UsageError } from '../../errors.js';
import { filterRowsInMemory, prepareFiltered } from './where.js';
import { rowMasker } from './mask.js';

export interface ExportOptions {
  /** SQL condition over the exported columns. */
  where?: string;
  /** Column keys to write, in this order. */
  columns?: string[];
  /** Mask personal data (phones, e-mails, names, ID numbers, addresses, and those inside free text). */
  maskPii?: boolean;
}

export interface PreparedExport {
  columns: Column[];
  rows: Iterable<Record<string, unknown>>;
}

/** `--columns a,b,c` → the chosen columns in that order; unknown names are refused with the list of known ones. */
export function chooseColumns(all: Column[], wanted: string[] | undefined): Column[] {
  if (!wanted || wanted.length === 0) return all;
  const byKey = new Map(all.map((c) => [c.key.toLowerCase(), c]));
  const unknown = wanted.filter((w) => !byKey.has(w.toLowerCase()));
  if (unknown.length > 0) {
    throw UsageError.of('export.columns', { columns: unknown.map((u) => `"${u}"`).join(', '), choices: all.map((c) => c.key).join(', ') });
  }
  return wanted.map((w) => byKey.get(w.toLowerCase())!);
}

export function parseColumnList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const list = text.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw UsageError.of('export.columnsEmpty');
  return list;
}

/**
 * Turns an exportable into the columns and the lazily produced rows to write: filtered in SQL
 * (or in memory for computed results), cut to the chosen columns and masked — one row at a time,
 * so memory stays flat however many rows there are.
 */
export function prepareExport(db: Db, exportable: Exportable, options: ExportOptions = {}): PreparedExport {
  const columns = chooseColumns(exportable.columns, options.columns);
  let rows: Iterable<Record<string, unknown>>;
  if (exportable.sql !== undefined) {
    const stmt = prepareFiltered(db, exportable.sql, options.where);
    const params = exportable.params ?? {};
    // Lazy: the statement only starts (and holds the connection) once the writer asks for rows.
    const iterate = function* (): Generator<Record<string, unknown>> {
      yield* stmt.iterate(params) as Iterable<Record<string, unknown>>;
    };
    rows = exportable.mapRow ? mapIterable(iterate(), exportable.mapRow) : iterate();
  } else {
    const source = exportable.rows ?? [];
    rows = options.where === undefined ? source : filterRowsInMemory(source, exportable.columns, options.where);
  }
  if (options.maskPii) {
    const mask = rowMasker(columns.map((c) => c.key));
    rows = mapIterable(rows, (row) => mask({ ...row }));
  }
  return { columns, rows };
}

function* mapIterable<T, U>(items: Iterable<T>, fn: (item: T) => U): Generator<U> {
  for (const item of items) yield fn(item);
}
