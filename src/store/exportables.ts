import type { Db } from './db.js';
import type { Column } from '../output/columns.js';
import { fieldNames, type Kind } from '../ingest/fields.js';
import { normalisedColumns } from '../ingest/records.js';

/**
 * What `custops export NAME` can write. An export is a SELECT (so `--where` can filter it in SQL as a
 * subquery on a read-only connection) plus the columns to write, or — for results computed in
 * JavaScript — just the rows.
 */
export interface Exportable {
  columns: Column[];
  /** One row per exported item; filtered by --where as `SELECT * FROM (sql) WHERE (condition)`. */
  sql?: string;
  params?: Record<string, unknown>;
  /** Per-row post-processing of SQL rows (unpacking JSON columns …). */
  mapRow?: (row: Record<string, unknown>) => Record<string, unknown>;
  /** Rows computed in JavaScript (used when there is no sql). */
  rows?: Iterable<Record<string, unknown>>;
}

export type ExportMaker = (db: Db) => Exportable;

/** Raised by an exportable whose stage has not saved its results yet. */
export class NotComputedYet extends Error {
  constructor(
    readonly what: string,
    readonly command: string,
  ) {
    super(`${what} has not been computed in this store yet`);
  }
}

export function tableExists(db: Db, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?").get(table) !== undefined;
}

const dateColumns = new Set(['registered_date', 'birth_date_norm', 'contract_end_date', 'order_day']);
const intColumns = new Set(['phone_ok', 'email_ok', 'amount_cents', 'annual_revenue_cents', 'nps_n']);
const numberColumns = new Set(['quantity_n', 'csat_n', 'ces_n']);

function typed(key: string): Column {
  if (dateColumns.has(key)) return { key, header: key, type: 'date' };
  if (intColumns.has(key)) return { key, header: key, type: 'int' };
  if (numberColumns.has(key)) return { key, header: key, type: 'number' };
  return { key, header: key };
}

/** `'$."key"'` as an SQL string literal: a JSON path naming one key, whatever characters it holds. */
function jsonPathLiteral(key: string): string {
  const path = `$."${key.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `'${path.replace(/'/g, "''")}'`;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** One row per imported record: id, provenance, every canonical field, normalised values, kept extra columns. */
function records(db: Db, kind: Kind): Exportable {
  const extraKeys = (db.prepare(`SELECT DISTINCT j.key FROM ${kind}, json_each(${kind}.extra) j WHERE ${kind}.extra IS NOT NULL`).all() as { key: string }[]).map((r) => r.key);
  const hasEntities = kind === 'customers';
  const base: Column[] = [
    { key: 'record_id', header: 'record_id', type: 'int' },
    ...(hasEntities ? [{ key: 'entity_id', header: 'entity_id', type: 'int' as const }] : []),
    { key: 'source_file', header: 'source_file' },
    { key: 'source_sheet', header: 'source_sheet' },
    { key: 'source_line', header: 'source_line', type: 'int' },
    ...fieldNames(kind).map((f) => ({ key: f, header: f })),
    ...normalisedColumns[kind].map(typed),
    ...(kind === 'customers' ? [] : [{ key: 'customer_id', header: 'customer_id', type: 'int' as const }, { key: 'link_method', header: 'link_method' }]),
  ];
  // Kept unknown columns under their own names (prefixed only if one clashes with a canonical column).
  const taken = new Set(base.map((c) => c.key));
  const extraColumn = new Map(extraKeys.map((k) => [k, taken.has(k) ? `extra_${k}` : k]));
  const columns = [...base, ...[...extraColumn.values()].map((k) => ({ key: k, header: k }))];
  const selected = [
    'r.id AS record_id',
    ...(hasEntities ? ['r.entity_id'] : []),
    's.name AS source_file',
    's.sheet AS source_sheet',
    'r.line AS source_line',
    ...fieldNames(kind).map((f) => `r.${f}`),
    ...normalisedColumns[kind].map((c) => `r.${c}`),
    ...(kind === 'customers' ? [] : ['r.customer_id', 'r.link_method']),
    ...[...extraColumn].map(([key, column]) => `json_extract(r.extra, ${jsonPathLiteral(key)}) AS ${quoteIdent(column)}`),
  ];
  return {
    columns,
    sql: `SELECT ${selected.join(', ')} FROM ${kind} r JOIN sources s ON s.id = r.source_id ORDER BY r.id`,
  };
}

function rejects(): Exportable {
  return {
    columns: ['id', 'source_id', 'file', 'line', 'column_name', 'reason', 'original'].map((k) => ({ key: k, header: k })),
    sql: `SELECT r.id, r.source_id, s.name AS file, r.line, r.column_name, r.reason, r.original
            FROM rejects r JOIN sources s ON s.id = r.source_id ORDER BY r.source_id, r.line`,
  };
}

/** Core exports; the stages' own exports are added in src/report/export/registry.ts. */
export const exportables: Record<string, ExportMaker> = {
  customers: (db) => records(db, 'customers'),
  orders: (db) => records(db, 'orders'),
  feedback: (db) => records(db, 'feedback'),
  tickets: (db) => records(db, 'tickets'),
  rejects,
};
