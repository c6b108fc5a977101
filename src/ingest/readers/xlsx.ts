import { createRequire } from 'node:module';
import type * as ExcelJS from 'exceljs';
import { InputError } from '../../errors.js';
import { chooseHeader, defaultHeaderScore, generatedHeaders, HEADER_SAMPLE_ROWS, headerBand, isBlankRow, joinHeaderRows, normaliseHeaders } from './header.js';
import { RowSource } from './rows.js';
import { cellText } from './xlsx-cells.js';
import { MergeFiller, parseRange, streamedWorksheets, type Range, type StreamedWorksheet } from './xlsx-stream.js';
import type { RawRow, ReadOptions, TableSource, XlsxRowsSpec } from './types.js';

/**
 * Above this size an .xlsx is streamed (bounded memory, two passes over the file) instead of loaded
 * whole: a loaded workbook costs exceljs about 140 MB per MB of file (measured: a 3.7 MB, 100,000-row
 * sheet peaks at 520 MB loaded, 285 MB streamed, and streams within a 64 MB heap).
 */
export const XLSX_STREAMING_BYTES = 1024 * 1024;
const BATCH_ROWS = 1000;
const SAMPLE_ROWS = HEADER_SAMPLE_ROWS * 2;

/**
 * exceljs knows Excel's built-in number formats 27–36 and 50–58 only per locale and, reading a file,
 * drops them, so a date formatted with a built-in Chinese format (31 = yyyy"年"m"月"d"日", 58 =
 * m"月"d"日" …, as Chinese Excel and WPS write them) would read as a serial number. Give those ids their
 * zh-CN format codes in exceljs's table (the same module instance exceljs reads them from).
 */
function adoptChineseBuiltInFormats(): void {
  const formats = createRequire(import.meta.url)('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, { f?: string; 'zh-cn'?: string }>;
  for (const format of Object.values(formats)) {
    if (format.f === undefined && format['zh-cn'] !== undefined) format.f = format['zh-cn'];
  }
}

/** exceljs is large: loaded only when an .xlsx is opened, so reading CSV starts fast. */
async function loadExcelJs(): Promise<typeof ExcelJS> {
  const loaded = (await import('exceljs')) as typeof ExcelJS & { default?: typeof ExcelJS };
  adoptChineseBuiltInFormats();
  return loaded.default ?? loaded;
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1].trim() === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/** Text of a row's cells as stored (the cells a merged range covers, other than its top-left, read as ''). */
function rowCells(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const mergedInto = cell.isMerged && cell.master !== cell;
    cells[column - 1] = mergedInto ? '' : cellText(cell.value, cell.numFmt);
  });
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
  return trimTrailingEmpty(cells);
}

function padTo(cells: string[], width: number): string[] {
  while (cells.length < width) cells.push('');
  return cells;
}

function unreadableXlsx(path: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return InputError.of('xlsx.unreadable', { path, reason: reason.split('\n')[0] });
}

/** Finds the wanted sheet by exact name, then ignoring case and surrounding spaces. */
function pickSheets<T extends { name: string }>(path: string, sheets: T[], wanted: string | undefined): T[] {
  if (wanted === undefined) return sheets;
  const found =
    sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (!found) {
    throw InputError.of('xlsx.noSheet', { path, sheet: wanted, sheets: sheets.map((s) => `"${s.name}"`).join(', ') });
  }
  return [found];
}

/** What is known about a sheet before its data rows are read. */
interface SheetSample {
  name: string;
  /** First non-blank rows as stored (merged ranges not filled): where the header is looked for. */
  rows: RawRow[];
  /** Columns up to the last stored non-empty cell of any row. */
  width: number;
  merges: Range[];
}

/** Where a sheet's table is: its header row and width. */
export interface SheetLayout {
  headers: string[];
  headerLine: number;
  preambleLines: number;
  width: number;
}

/**
 * Finds the header among the stored rows, so a title merged across the sheet does not look like a row
 * of many names; the header's names are taken with merged ranges filled.
 */
function layoutSheet(sheet: SheetSample, options: ReadOptions): SheetLayout {
  const score = options.headerScore ?? defaultHeaderScore;
  const choice = chooseHeader(sheet.rows, score);
  if (choice.index === -1) {
    return { headers: generatedHeaders(sheet.width), headerLine: 0, preambleLines: 0, width: sheet.width };
  }
  const { first, last } = headerBand(sheet.rows, choice.index, score);
  const filler = new MergeFiller(sheet.merges, sheet.width);
  const filled = sheet.rows.slice(0, last + 1).map((row) => filler.fill(row.line, row.cells.slice()));
  return {
    headers: normaliseHeaders(first === last ? filled[last] : joinHeaderRows(filled[first], filled[last]), sheet.width),
    headerLine: sheet.rows[last].line,
    preambleLines: first,
    width: sheet.width,
  };
}

/** Data rows below the header from non-blank stored rows in order: merged ranges filled, cells padded to the table width. */
async function* dataBatches(rows: AsyncIterable<RawRow> | Iterable<RawRow>, layout: SheetLayout, merges: Range[]): AsyncGenerator<RawRow[]> {
  const filler = new MergeFiller(merges, layout.width);
  let batch: RawRow[] = [];
  for await (const row of rows) {
    if (filler.empty && row.line <= layout.headerLine) continue;
    const cells = filler.fill(row.line, row.cells); // rows above the header too: a range may start there
    if (row.line <= layout.headerLine) continue;
    batch.push({ line: row.line, cells: padTo(cells, layout.width) });
    if (batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function table(rowsSpec: XlsxRowsSpec, rows: RowSource): TableSource {
  const { headers, headerLine, preambleLines } = rowsSpec.layout;
  return { path: rowsSpec.path, format: 'xlsx', sheet: rowsSpec.sheet, headerLine, preambleLines, headers, rows, rowsSpec };
}

/** The data rows of a sheet whose layout is known, read from the file again. */
export function xlsxRows(spec: XlsxRowsSpec): RowSource {
  return new RowSource(() =>
    dataBatches(spec.streamed ? streamedSheetRows(spec.path, spec.sheet) : reloadedSheetRows(spec.path, spec.sheet), spec.layout, spec.merges),
  );
}

// Small files: the workbook loaded whole.

function storedRows(worksheet: ExcelJS.Worksheet): RawRow[] {
  const rows: RawRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells = rowCells(row);
    if (!isBlankRow(cells)) rows.push({ line, cells });
  });
  return rows;
}

async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw unreadableXlsx(path, error);
  }
  return workbook;
}

async function* reloadedSheetRows(path: string, sheet: string): AsyncGenerator<RawRow> {
  const workbook = await loadWorkbook(path);
  yield* storedRows(pickSheets(path, workbook.worksheets, sheet)[0]);
}

async function openLoaded(path: string, options: ReadOptions): Promise<TableSource[]> {
  const workbook = await loadWorkbook(path);
  const tables: TableSource[] = [];
  for (const worksheet of pickSheets(path, workbook.worksheets, options.sheet)) {
    const rows = storedRows(worksheet);
    if (rows.length === 0 && options.sheet === undefined) continue;
    const merges = ((worksheet.model as { merges?: string[] }).merges ?? []).map(parseRange).filter((r): r is Range => !!r);
    const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
    const layout = layoutSheet({ name: worksheet.name, rows: rows.slice(0, SAMPLE_ROWS), width, merges }, options);
    const rowsSpec: XlsxRowsSpec = { format: 'xlsx', path, streamed: false, sheet: worksheet.name, layout, merges };
    tables.push(table(rowsSpec, new RowSource(() => dataBatches(rows.map((r) => ({ line: r.line, cells: r.cells.slice() })), layout, merges))));
  }
  return tables;
}

// Large files: streamed, twice. The first pass keeps each sheet's first rows, width and merged ranges;
// each table's rows stream the file again. A formula whose cached result is an error reads as '' when
// streamed.

async function* storedRowsOf(worksheet: StreamedWorksheet): AsyncGenerator<RawRow> {
  for await (const row of worksheet) {
    const cells = rowCells(row);
    if (!isBlankRow(cells)) yield { line: row.number, cells };
  }
}

/** The sheets of a workbook in tab order, their rows not read yet. */
async function streamedSheets(path: string): Promise<StreamedWorksheet[]> {
  const excel = await loadExcelJs();
  const worksheets: StreamedWorksheet[] = [];
  try {
    for await (const worksheet of streamedWorksheets(excel, path)) worksheets.push(worksheet);
  } catch (error) {
    throw unreadableXlsx(path, error);
  }
  return worksheets;
}

/** Every sheet in tab order, with its first rows, width and merges (only `wanted` is read when given). */
async function sampleSheets(path: string, wanted: string | undefined): Promise<SheetSample[]> {
  const worksheets = await streamedSheets(path);
  const read = new Set(pickSheets(path, worksheets, wanted));
  const samples: SheetSample[] = [];
  for (const worksheet of worksheets) {
    const sample: SheetSample = { name: worksheet.name, rows: [], width: 0, merges: worksheet.mergeRanges };
    if (read.has(worksheet)) {
      try {
        for await (const row of storedRowsOf(worksheet)) {
          if (row.cells.length > sample.width) sample.width = row.cells.length;
          if (sample.rows.length < SAMPLE_ROWS) sample.rows.push(row);
        }
      } catch (error) {
        throw unreadableXlsx(path, error);
      }
    }
    samples.push(sample);
  }
  return samples;
}

/** Stored rows of the sheet named `sheet`. */
async function* streamedSheetRows(path: string, sheet: string): AsyncGenerator<RawRow> {
  const [worksheet] = pickSheets(path, await streamedSheets(path), sheet);
  try {
    yield* storedRowsOf(worksheet);
  } catch (error) {
    throw unreadableXlsx(path, error);
  }
}

/** Opens an .xlsx with the streaming reader whatever its size (openXlsx does so above XLSX_STREAMING_BYTES). */
export async function openStreamed(path: string, options: ReadOptions): Promise<TableSource[]> {
  const samples = await sampleSheets(path, options.sheet);
  const tables: TableSource[] = [];
  for (const sheet of pickSheets(path, samples, options.sheet)) {
    if (sheet.rows.length === 0 && options.sheet === undefined) continue;
    const rowsSpec: XlsxRowsSpec = { format: 'xlsx', path, streamed: true, sheet: sheet.name, layout: layoutSheet(sheet, options), merges: sheet.merges };
    tables.push(table(rowsSpec, xlsxRows(rowsSpec)));
  }
  return tables;
}

/** Opens an .xlsx: one table per non-empty sheet, or only `options.sheet`. */
export async function openXlsx(path: string, size: number, options: ReadOptions = {}): Promise<TableSource[]> {
  return size > XLSX_STREAMING_BYTES ? openStreamed(path, options) : openLoaded(path, options);
}
