import type { Db } from './db.js';
import type { Column } from '../output/columns.js';
import { fieldNames, type Kind } from '../ingest/fields.js';
import { normalisedColumns } from '../ingest/records.js';
import { listRejects } from './rejects.js';

export interface Exportable {
  columns: Column[];
  rows: Iterable<Record<string, unknown>>;
}

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
    ...normalisedColumns[kind].map((c) => ({ key: c, header: c })),
    ...(kind === 'customers' ? [] : [{ key: 'customer_id', header: 'customer_id', type: 'int' as const }, { key: 'link_method', header: 'link_method' }]),
  ];
  const columns = [...base, ...extraKeys.map((k) => ({ key: `extra:${k}`, header: k }))];
  const stmt = db.prepare(
    `SELECT r.*, r.id AS record_id, s.name AS source_file, s.sheet AS source_sheet, r.line AS source_line
       FROM ${kind} r JOIN sources s ON s.id = r.source_id ORDER BY r.id`,
  );
  function* rows(): Generator<Record<string, unknown>> {
    for (const row of stmt.iterate() as Iterable<Record<string, unknown>>) {
      if (row.extra) for (const [k, v] of Object.entries(JSON.parse(row.extra as string) as Record<string, unknown>)) row[`extra:${k}`] = v;
      yield row;
    }
  }
  return { columns, rows: rows() };
}

function rejects(db: Db): Exportable {
  return {
    columns: ['id', 'source_id', 'file', 'line', 'column_name', 'reason', 'original'].map((k) => ({ key: k, header: k })),
    rows: listRejects(db),
  };
}

/** What `custops export NAME` can write; later stages add their own entries. */
export const exportables: Record<string, (db: Db) => Exportable> = {
  customers: (db) => records(db, 'customers'),
  orders: (db) => records(db, 'orders'),
  feedback: (db) => records(db, 'feedback'),
  tickets: (db) => records(db, 'tickets'),
  rejects,
};
