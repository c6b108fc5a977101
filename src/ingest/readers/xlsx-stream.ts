import { TextDecoder } from 'node:util';
import type * as ExcelJS from 'exceljs';

/** A cell range in 1-based row/column numbers. */
export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 'A1:C3' (or 'B2') → range; undefined when unreadable. */
export function parseRange(range: string): Range | undefined {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(range.trim());
  if (!m) return undefined;
  const [, c1, r1, c2 = c1, r2 = r1] = m;
  const a = { row: Number(r1), col: columnNumber(c1) };
  const b = { row: Number(r2), col: columnNumber(c2) };
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}

/**
 * Copies each merged range's top-left value into every cell of the range, for rows arriving in order.
 * Cells past `width` are left alone (a title merged across the page does not widen the table).
 */
export class MergeFiller {
  private readonly pending: Range[];
  private active: { range: Range; value: string }[] = [];

  constructor(ranges: Range[], private readonly width: number) {
    this.pending = ranges.filter((r) => r.bottom > r.top || r.right > r.left).sort((a, b) => b.top - a.top);
  }

  get empty(): boolean {
    return this.pending.length === 0 && this.active.length === 0;
  }

  /** Fills `cells` (row number `line`, stored values) in place and returns it. */
  fill(line: number, cells: string[]): string[] {
    while (this.pending.length > 0 && this.pending[this.pending.length - 1].top <= line) {
      const range = this.pending.pop()!;
      if (range.top === line) this.active.push({ range, value: cells[range.left - 1] ?? '' });
    }
    if (this.active.length === 0) return cells;
    this.active = this.active.filter(({ range }) => range.bottom >= line);
    for (const { range, value } of this.active) {
      if (value === '') continue;
      const right = Math.min(range.right, Math.max(this.width, range.left));
      for (let c = range.left; c <= right; c++) cells[c - 1] = value;
    }
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
    return cells;
  }
}

/**
 * Decodes UTF-8 chunks with a streaming decoder. exceljs 4.4's streaming reader decodes each zip chunk
 * on its own, so a Chinese character split between chunks becomes U+FFFD (exceljs issues #2063, #2084);
 * handing it text instead of bytes avoids that.
 */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}

/**
 * Passes sheet XML through unchanged and collects the <mergeCell ref="…"/> ranges, which come after
 * <sheetData> and which exceljs's streaming reader skips.
 */
async function* collectingMerges(text: AsyncIterable<string>, merges: Range[]): AsyncGenerator<string> {
  const END_OF_DATA = '</sheetData>';
  let carry = '';
  let tail: string | undefined;
  for await (const chunk of text) {
    if (tail === undefined) {
      const joined = carry + chunk;
      const at = joined.indexOf(END_OF_DATA);
      if (at !== -1) tail = joined.slice(at);
      else carry = joined.slice(-END_OF_DATA.length);
    } else {
      tail += chunk;
    }
    yield chunk;
  }
  for (const m of (tail ?? '').matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)) {
    const range = parseRange(m[1]);
    if (range) merges.push(range);
  }
}

/** A streamed worksheet, with the merged ranges known once its rows have been read to the end. */
export type StreamedWorksheet = AsyncIterable<ExcelJS.Row> & {
  name?: string;
  id?: number | string;
  mergeRanges: Range[];
  /** Call instead of reading the rows: releases the temporary file exceljs may have parked the sheet in. */
  skip(): void;
};

type Entry = NodeJS.ReadableStream & { setEncoding(encoding: BufferEncoding): void };
type WorksheetEvent = { eventType: string; value: StreamedWorksheet };
interface ReaderInternals {
  _parseRels(entry: Entry): Promise<void>;
  _parseWorkbook(entry: Entry): Promise<void>;
  _parseStyles(entry: Entry): Promise<void>;
  _parseSharedStrings(entry: Entry): AsyncGenerator<unknown>;
  _parseHyperlinks(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<WorksheetEvent>;
  stream?: { destroy(): void };
  /** Set from xl/_rels/workbook.xml.rels and xl/workbook.xml. */
  workbookRels?: unknown;
  model?: unknown;
}
type ReaderClass = new (input: string, options: object) => ReaderInternals & AsyncIterable<StreamedWorksheet>;

/**
 * exceljs's streaming WorkbookReader with UTF-8 decoded across chunk boundaries and merged ranges
 * collected. Relies on the reader's internal entry hooks of exceljs 4.4.0 (pinned in package.json);
 * the reader tests compare streamed and fully loaded Chinese workbooks to catch a change.
 */
export function utf8SafeWorkbookReader(excel: typeof ExcelJS, path: string): AsyncIterable<StreamedWorksheet> & { close(): void } {
  const Base = excel.stream.xlsx.WorkbookReader as unknown as ReaderClass;
  class Utf8SafeWorkbookReader extends Base {
    // exceljs reads a sheet at once when the relationships and shared strings came before it, and
    // names it from xl/workbook.xml, which some writers (exceljs itself) put last: the relationships
    // are held back until the workbook is known, so such a sheet is parked and read at the end.
    private heldRels: unknown;
    async _parseRels(entry: Entry) {
      entry.setEncoding('utf8');
      await super._parseRels(entry);
      if (this.model === undefined) {
        this.heldRels = this.workbookRels;
        this.workbookRels = undefined;
      }
    }
    async _parseWorkbook(entry: Entry) {
      entry.setEncoding('utf8');
      await super._parseWorkbook(entry);
      if (this.heldRels !== undefined) {
        this.workbookRels = this.heldRels;
        this.heldRels = undefined;
      }
    }
    _parseStyles(entry: Entry) {
      entry.setEncoding('utf8');
      return super._parseStyles(entry);
    }
    _parseSharedStrings(entry: Entry) {
      entry.setEncoding('utf8');
      return super._parseSharedStrings(entry);
    }
    *_parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<WorksheetEvent> {
      const merges: Range[] = [];
      // A sheet that came before the shared strings is read back from a temporary file stream, which
      // exceljs deletes once the sheet is passed over: an unread stream must not raise ENOENT later.
      const parked = iterator as Partial<NodeJS.ReadableStream & { destroy(): void }>;
      parked.on?.('error', () => undefined);
      for (const event of super._parseWorksheet(collectingMerges(utf8Text(iterator), merges), sheetNo)) {
        if (event.eventType === 'worksheet') {
          event.value.mergeRanges = merges;
          event.value.skip = () => parked.destroy?.();
        }
        yield event;
      }
    }
    close(): void {
      this.stream?.destroy();
    }
  }
  return new Utf8SafeWorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // number formats: needed to tell dates from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
}
