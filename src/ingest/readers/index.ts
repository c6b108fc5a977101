// File readers: messy CSV/TSV/TXT and .xlsx exports → tables of raw rows, streamed.
export type { RawRow, ReadOptions, RowsSpec, TableSource } from './types.js';
export { openTables } from './open.js';
export { openRows } from './reopen.js';
export { isProbablyBinary } from './binary.js';
export { rowsInBatches } from './rows.js';
export { defaultHeaderScore, isNumericLike } from './header.js';
export { detectEncoding } from './encoding.js';
export { sniffDelimiter, parseDelimiterOption, WHITESPACE } from './sniff.js';
export { XLSX_STREAMING_BYTES } from './xlsx.js';
