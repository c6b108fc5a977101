import { csvRows } from './csv.js';
import type { RowSource } from './rows.js';
import type { RowsSpec } from './types.js';
import { xlsxRows } from './xlsx.js';

/** The data rows of a table opened before (TableSource.rowsSpec), read from its file again, e.g. in a worker thread. */
export function openRows(spec: RowsSpec): RowSource {
  return spec.format === 'csv' ? csvRows(spec) : xlsxRows(spec);
}
