import { basename } from 'node:path';
import type { NormaliseOptions } from '../clean/index.js';
import { RecordBuilder } from './build.js';
import { openAndMap, type IngestOptions } from './import.js';
import type { MappedColumn } from './mapping.js';
import type { Kind } from './fields.js';

export interface TablePreview {
  file: string;
  sheet: string | null;
  kind: Kind;
  encoding: string | null;
  delimiter: string | null;
  headerLine: number;
  columns: (MappedColumn & { sample: string })[];
  rows: Record<string, unknown>[];
  rejects: { line: number; column: string | null; reason: string }[];
}

/** What `ingest --dry-run` shows: detection, the column mapping with samples, normalised rows. */
export async function previewFile(path: string, options: Omit<IngestOptions, 'normalise'> & { normalise: NormaliseOptions }, limit = 5): Promise<TablePreview[]> {
  const previews: TablePreview[] = [];
  for (const { table, mapping } of await openAndMap(path, options)) {
    const samples: string[] = table.headers.map(() => '');
    const rows: Record<string, unknown>[] = [];
    const rejects: TablePreview['rejects'] = [];
    const builder = new RecordBuilder(table, mapping, options.normalise);
    for await (const row of table.rows) {
      row.cells.forEach((c, i) => {
        if (i < samples.length && !samples[i] && c.trim()) samples[i] = c.trim();
      });
      const { record, reject } = builder.build(row);
      if (record) rows.push({ line: record.line, ...record.raw, ...record.normalised });
      else if (reject) rejects.push({ line: row.line, column: reject.column, reason: reject.reason });
      if (rows.length + rejects.length >= limit) break;
    }
    previews.push({
      file: basename(path), sheet: table.sheet ?? null, kind: mapping.kind, encoding: table.encoding ?? null, delimiter: table.delimiter ?? null,
      headerLine: table.headerLine, columns: mapping.columns.map((c) => ({ ...c, sample: samples[c.index] })), rows, rejects,
    });
  }
  return previews;
}
