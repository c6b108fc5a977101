import type { EncodingChoice } from './encoding.js';
import type { SheetLayout } from './xlsx.js';
import type { Range } from './xlsx-stream.js';

/** One record as read from a file, before any mapping or cleaning. */
export interface RawRow {
  /** 1-based physical line where the record starts (CSV) or the Excel row number. */
  line: number;
  cells: string[];
}

export interface ReadOptions {
  /** User override: utf8, gbk, gb18030, utf16le, big5 … (anything iconv-lite knows). */
  encoding?: string;
  /** User override: ',' ';' '|' 'tab' / '\t', or 'space' / 'whitespace' for space-aligned text. */
  delimiter?: string;
  /** xlsx: read only this sheet. */
  sheet?: string;
  /** How header-like a row is; the default counts non-empty, non-numeric cells. */
  headerScore?: (cells: string[]) => number;
}

export interface TableSource {
  path: string;
  format: 'csv' | 'xlsx';
  sheet?: string;
  /** CSV: the encoding used, e.g. 'utf8', 'utf8-bom', 'gb18030', 'utf16le'. */
  encoding?: string;
  /** CSV: 0–1, 1 when certain (BOM, user override, pure ASCII). */
  encodingConfidence?: number;
  /** CSV: ',' ';' '\t' '|' or 'whitespace' (runs of spaces/tabs). */
  delimiter?: string;
  /** 1-based line/row of the header; 0 when the file has no header row (headers are then col_1..col_n). */
  headerLine: number;
  /** Non-blank title rows skipped above the header. */
  preambleLines: number;
  /** Trimmed, BOM stripped, empty names → col_<n>, duplicates suffixed _2, _3 … */
  headers: string[];
  /** Data rows after the header; fully blank rows skipped. Re-iterable: each iteration reads the file again. */
  rows: AsyncIterable<RawRow>;
  /** What the file was found to be, as plain data: openRows(rowsSpec) reads the same rows, in another thread too. */
  rowsSpec: RowsSpec;
}

export interface CsvRowsSpec {
  format: 'csv';
  path: string;
  encoding: EncodingChoice;
  delimiter: string;
  headerLine: number;
}

export interface XlsxRowsSpec {
  format: 'xlsx';
  path: string;
  /** Read with exceljs's streaming reader (large files) or loaded whole. */
  streamed: boolean;
  /** Found by its exact name when the rows are read again. */
  sheet: string;
  layout: SheetLayout;
  merges: Range[];
}

export type RowsSpec = CsvRowsSpec | XlsxRowsSpec;
