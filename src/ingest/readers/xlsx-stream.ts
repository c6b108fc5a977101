import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
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

// The streaming reader. exceljs's own (stream.xlsx.WorkbookReader) reads the zip front to back and
// loses entries: unzipper's Parse emits 'end' as soon as its input is consumed, while entries it has
// already parsed can still wait in its buffer, and exceljs's entry loop stops at that 'end'. It happens
// when a sheet that comes before the shared strings is parked in a temporary file (the zip is then
// parsed ahead): sheets, xl/workbook.xml (every sheet then named Sheet1, Sheet2 …) or whole sheets
// went missing at random. Here the zip's central directory is read first and each part is opened where
// it lies: the workbook, its relationships, shared strings and styles before any sheet, whatever the
// order of the entries, and the sheets in tab order, each only when its rows are read. exceljs still
// parses each part (its reader's part parsers and its worksheet reader).

/** A zip entry as listed in the central directory. */
interface ZipEntry {
  path: string;
  offsetToLocalFileHeader: number;
  compressedSize: number;
  compressionMethod: number;
  flags: number;
  crc32: number;
}

type Unzipper = { Open: { file(path: string): PromiseLike<{ files: ZipEntry[] }> } };

/** The zip library exceljs itself depends on (resolved from exceljs, so it is the copy exceljs uses). */
function unzipper(): Unzipper {
  const require = createRequire(import.meta.url);
  return createRequire(require.resolve('exceljs'))('unzipper') as Unzipper;
}

const LOCAL_HEADER_BYTES = 30;

/**
 * The text of one zip entry, read from where it lies in the file and decoded as UTF-8 across chunk
 * boundaries (exceljs decodes each chunk alone, turning a Chinese character split between two into
 * U+FFFD: exceljs issues #2063, #2084).
 */
async function* entryText(path: string, entry: ZipEntry): AsyncGenerator<string> {
  if (entry.flags & 0x01) throw new Error(`${entry.path} is encrypted`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw new Error(`${entry.path} uses unsupported compression ${entry.compressionMethod}`);
  const handle = await open(path, 'r');
  let start: number;
  try {
    const header = Buffer.alloc(LOCAL_HEADER_BYTES);
    await handle.read(header, 0, LOCAL_HEADER_BYTES, entry.offsetToLocalFileHeader);
    if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`${entry.path}: bad local header`);
    start = entry.offsetToLocalFileHeader + LOCAL_HEADER_BYTES + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  const data = entry.compressionMethod === 8 ? pipeline(raw, createInflateRaw(), () => undefined) : raw;
  data.setEncoding('utf8');
  try {
    for await (const chunk of data) yield chunk as string;
  } finally {
    data.destroy();
    raw.destroy();
  }
}

/** A streamed worksheet, with the merged ranges known once its rows have been read to the end. */
export type StreamedWorksheet = AsyncIterable<ExcelJS.Row> & {
  name: string;
  mergeRanges: Range[];
};

type PartStream = Readable & { setEncoding(encoding: BufferEncoding): Readable };
interface ReaderInternals {
  _parseRels(entry: PartStream): Promise<void>;
  _parseWorkbook(entry: PartStream): Promise<void>;
  _parseStyles(entry: PartStream): Promise<void>;
  _parseSharedStrings(entry: PartStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
  workbookRels?: { Id: string; Target: string; Type: string }[];
  sharedStrings?: unknown[];
  model?: { sheets?: { name: string; rId: string }[] };
  properties?: unknown;
}
type ReaderClass = new (input: string, options: object) => ReaderInternals;

/** Where each sheet's part is, in tab order: from the workbook and its relationships, else the sheetN.xml parts in number order. */
function sheetParts(reader: ReaderInternals, entries: Map<string, ZipEntry>): { name: string; part: string }[] {
  const rels = reader.workbookRels ?? [];
  const listed = (reader.model?.sheets ?? []).flatMap((sheet) => {
    const rel = rels.find((r) => r.Id === sheet.rId && /\/worksheet$/.test(r.Type));
    if (!rel) return [];
    const part = rel.Target.startsWith('/') ? rel.Target.slice(1) : posix.normalize(posix.join('xl', rel.Target));
    return entries.has(part) ? [{ name: sheet.name, part }] : [];
  });
  if (listed.length > 0 || reader.model?.sheets?.length) return listed;
  return [...entries.keys()]
    .flatMap((part) => {
      const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(part);
      return m ? [{ n: Number(m[1]), part }] : [];
    })
    .sort((a, b) => a.n - b.n)
    .map(({ n, part }) => ({ name: `Sheet${n}`, part }));
}

async function drain(items: AsyncIterable<unknown>): Promise<void> {
  const iterator = items[Symbol.asyncIterator]();
  while (!(await iterator.next()).done) {
    // the reader keeps what it parses (cache mode)
  }
}

/**
 * The shared strings of the last workbook read, for as long as something still holds them. A big
 * workbook is streamed twice (its layout, then its rows): the second pass takes the strings the first
 * parsed instead of parsing them again (400,000 rows of unique values: 1.2M strings, 34 MB of XML,
 * about 3 s). Keyed by the part's place, size and CRC, so a file replaced at the same path is read
 * anew; held weakly, so the table goes once no pass uses it.
 */
let lastSharedStrings: { key: string; strings: WeakRef<unknown[]> } | undefined;

/** One zip part as the stream exceljs' part parsers read. */
function partStream(path: string, entry: ZipEntry): PartStream {
  return Readable.from(entryText(path, entry), { objectMode: true }) as PartStream;
}

async function readSharedStrings(reader: ReaderInternals, path: string, entry: ZipEntry | undefined): Promise<void> {
  if (!entry) return;
  const key = `${path}\0${entry.offsetToLocalFileHeader}\0${entry.compressedSize}\0${entry.crc32}`;
  const cached = lastSharedStrings?.key === key ? lastSharedStrings.strings.deref() : undefined;
  if (cached) {
    reader.sharedStrings = cached;
    return;
  }
  await drain(reader._parseSharedStrings(partStream(path, entry)));
  if (reader.sharedStrings) lastSharedStrings = { key, strings: new WeakRef(reader.sharedStrings) };
}

/**
 * The sheets of an .xlsx in tab order, each read (streamed, bounded memory) only when its rows are
 * iterated. Dates need the styles and text the shared strings: both are read before the first sheet.
 * Relies on the part parsers of exceljs 4.4.0's streaming reader (pinned in package.json); the reader
 * tests compare streamed and loaded workbooks to catch a change.
 */
export async function* streamedWorksheets(excel: typeof ExcelJS, path: string): AsyncGenerator<StreamedWorksheet> {
  const directory = await unzipper().Open.file(path);
  const entries = new Map(directory.files.map((f) => [f.path.replace(/^\//, ''), f]));
  const Reader = excel.stream.xlsx.WorkbookReader as unknown as ReaderClass;
  const reader = new Reader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // number formats: needed to tell dates from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const part = (name: string): PartStream | undefined => {
    const entry = entries.get(name);
    return entry && partStream(path, entry);
  };
  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(rels);
  const workbook = part('xl/workbook.xml');
  if (workbook) await reader._parseWorkbook(workbook);
  reader.properties ??= { model: {} };
  await readSharedStrings(reader, path, entries.get('xl/sharedStrings.xml'));
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  for (const { name, part: sheetPart } of sheetParts(reader, entries)) {
    const mergeRanges: Range[] = [];
    const entry = entries.get(sheetPart)!;
    const text = { [Symbol.asyncIterator]: () => collectingMerges(entryText(path, entry), mergeRanges) };
    const sheetNo = /(\d+)\.xml$/.exec(sheetPart)?.[1] ?? '0';
    for (const event of reader._parseWorksheet(text, sheetNo)) {
      if (event.eventType === 'worksheet') yield Object.assign(event.value, { name, mergeRanges });
    }
  }
}
