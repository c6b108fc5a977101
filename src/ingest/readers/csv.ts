import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { InputError } from '../../errors.js';
import { isProbablyBinary } from './binary.js';
import {
  bomEncoding,
  decodeSample,
  detectEncoding,
  nativeDecoder,
  resolveEncodingOption,
  utf16WithoutBom,
  type EncodingChoice,
} from './encoding.js';
import { chooseHeader, defaultHeaderScore, generatedHeaders, HEADER_SAMPLE_ROWS, headerBand, isBlankRow, joinHeaderRows, normaliseHeaders } from './header.js';
import { RowSource } from './rows.js';
import { makeRecordParser, parseDelimiterOption, parseSample, sniffDelimiter } from './sniff.js';
import type { CsvRowsSpec, RawRow, ReadOptions, TableSource } from './types.js';

/** Bytes read from the start of the file to detect encoding, delimiter and header. */
export const SAMPLE_BYTES = 64 * 1024;
/** When the start is plain ASCII, this many windows further into the file are checked for other text. */
const EXTRA_WINDOWS = 8;
const WINDOW_BYTES = 16 * 1024;
/**
 * Bytes decoded and parsed at a time. A chunk's rows stay alive until all are built, so larger chunks
 * push more of them out of V8's young generation: 256 KB chunks cost an import 60–80 MB more peak memory
 * than 64 KB ones, for no speed.
 */
const READ_CHUNK_BYTES = 64 * 1024;

interface FileSample {
  /** Start of the file, cut after its last complete line unless it is the whole file. */
  head: Buffer;
  complete: boolean;
  /** Line-aligned windows from further in; only read when the head is plain ASCII. */
  windows: Buffer[];
}

async function readSample(path: string, size: number): Promise<FileSample> {
  const handle = await open(path, 'r');
  try {
    const read = async (position: number, length: number): Promise<Buffer> => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead);
    };
    const raw = await read(0, SAMPLE_BYTES);
    const complete = size <= raw.length;
    const head = complete ? raw : wholeLines(raw, false, true);
    const windows: Buffer[] = [];
    if (!complete && raw.every((b) => b < 0x80)) {
      const rest = size - head.length;
      if (rest <= EXTRA_WINDOWS * WINDOW_BYTES) {
        windows.push(await read(head.length, rest)); // starts at a line start
      } else {
        for (let k = 1; k <= EXTRA_WINDOWS; k++) {
          const position = head.length + Math.floor((rest - WINDOW_BYTES) * (k / EXTRA_WINDOWS));
          windows.push(wholeLines(await read(position, WINDOW_BYTES), true, position + WINDOW_BYTES < size));
        }
      }
    }
    return { head, complete, windows };
  } finally {
    await handle.close();
  }
}

/**
 * The part of `buf` made of whole lines: after the first LF (a window starting mid-file) and up to the
 * last LF (a window ending mid-file). LF never occurs inside a UTF-8 or GBK multi-byte character.
 */
function wholeLines(buf: Buffer, cutStart: boolean, cutEnd: boolean): Buffer {
  let start = 0;
  let end = buf.length;
  if (cutStart) {
    const first = buf.indexOf(0x0a);
    if (first === -1) return Buffer.alloc(0);
    start = first + 1;
  }
  if (cutEnd) {
    const last = buf.lastIndexOf(0x0a);
    if (last === -1) return cutStart ? Buffer.alloc(0) : buf; // one long line: the parser drops its cut end
    end = last + 1;
  }
  return start < end ? buf.subarray(start, end) : Buffer.alloc(0);
}

function chooseEncoding(path: string, sample: FileSample, override: string | undefined): EncodingChoice {
  if (isProbablyBinary(sample.head)) throw binaryFileError(path);
  if (override) return resolveEncodingOption(override);
  return bomEncoding(sample.head) ?? utf16WithoutBom(sample.head) ?? detectEncoding(sample.head, sample.windows);
}

export function binaryFileError(path: string): InputError {
  return InputError.of('file.binary', { path });
}

/** Decoded text of the file, chunk by chunk, without a leading BOM. */
async function* decodedChunks(path: string, encoding: EncodingChoice): AsyncGenerator<string> {
  const file = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  try {
    const native = nativeDecoder(encoding.decoder);
    if (native) {
      for await (const bytes of file) {
        const text = native.decode(bytes as Buffer, { stream: true });
        if (text.length > 0) yield text;
      }
      const tail = native.decode();
      if (tail.length > 0) yield tail;
      return;
    }
    const decoder = iconv.decodeStream(encoding.decoder) as unknown as Transform;
    file.on('error', (error) => decoder.destroy(error));
    try {
      for await (const text of file.pipe(decoder)) yield text as string;
    } finally {
      decoder.destroy();
    }
  } finally {
    file.destroy();
  }
}

/** Data-row batches of the whole file: records after the header line, blank rows dropped. */
async function* readBatches(path: string, encoding: EncodingChoice, delimiter: string, headerLine: number): AsyncGenerator<RawRow[]> {
  const parser = makeRecordParser(delimiter);
  try {
    const keep = (rows: RawRow[]): RawRow[] => {
      let kept = 0;
      for (const row of rows) if (row.line > headerLine && !isBlankRow(row.cells)) rows[kept++] = row;
      rows.length = kept;
      return rows;
    };
    for await (const chunk of decodedChunks(path, encoding)) {
      const out: RawRow[] = [];
      parser.push(chunk, out);
      const rows = keep(out);
      if (rows.length > 0) yield rows;
    }
    const out: RawRow[] = [];
    parser.finish(out);
    const rows = keep(out);
    if (rows.length > 0) yield rows;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw InputError.of('csv.stopped', { path, line: parser.currentLine, reason });
  }
}

/** The data rows of a delimited text file whose encoding, delimiter and header line are known. */
export function csvRows(spec: CsvRowsSpec): RowSource {
  return new RowSource(() => readBatches(spec.path, spec.encoding, spec.delimiter, spec.headerLine));
}

/** Opens a delimited text file (CSV, TSV, TXT): detects encoding, delimiter and header from its start. */
export async function openCsv(path: string, size: number, options: ReadOptions = {}): Promise<TableSource> {
  const sample = await readSample(path, size);
  const encoding = chooseEncoding(path, sample, options.encoding);
  const text = decodeSample(sample.head, encoding);
  const delimiter = options.delimiter ? parseDelimiterOption(options.delimiter) : sniffDelimiter(text, sample.complete);
  const records = parseSample(text, delimiter, sample.complete).filter((r) => !isBlankRow(r.cells));
  const sampleRows = records.slice(0, HEADER_SAMPLE_ROWS * 2);
  const score = options.headerScore ?? defaultHeaderScore;
  const choice = chooseHeader(sampleRows, score);

  let headers: string[];
  let headerLine = 0;
  let preambleLines = 0;
  if (choice.index === -1) {
    headers = generatedHeaders(Math.max(0, ...sampleRows.map((r) => r.cells.length)));
  } else {
    const { first, last } = headerBand(sampleRows, choice.index, score);
    const header = sampleRows[last];
    headers = normaliseHeaders(first === last ? header.cells : joinHeaderRows(sampleRows[first].cells, header.cells));
    headerLine = header.line;
    preambleLines = first;
  }
  const rowsSpec: CsvRowsSpec = { format: 'csv', path, encoding, delimiter, headerLine };
  return {
    path,
    format: 'csv',
    encoding: encoding.label,
    encodingConfidence: encoding.confidence,
    delimiter,
    headerLine,
    preambleLines,
    headers,
    rows: csvRows(rowsSpec),
    rowsSpec,
  };
}
