import type { RawRow } from './types.js';

/** Turns decoded text, fed chunk by chunk, into records. Never throws on malformed content. */
export interface RecordParser {
  push(chunk: string, out: RawRow[]): void;
  finish(out: RawRow[]): void;
  /** 1-based line the parser is at (for error messages). */
  readonly currentLine: number;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;
const BOM = 0xfeff;

// Parser states.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3; // saw a quote inside a quoted field: either "" or the closing quote
const LEADING_SPACE = 4; // spaces at a field start that ran to the end of a chunk: a quote may still follow

/**
 * Excel caps a cell at 32,767 characters. A quoted field far longer than that almost surely comes from a
 * stray opening quote swallowing the rest of the file; past this size the quote is re-read as a literal
 * character, so one bad quote costs one odd row instead of the whole file (and no unbounded memory).
 */
export const MAX_QUOTED_FIELD_CHARS = 256 * 1024;

/**
 * RFC 4180 state machine over decoded string chunks: quoted fields with "" escapes, embedded delimiters
 * and newlines, CRLF / LF / CR line ends (also split across chunks), exact physical line counting, and a
 * tolerant reading of what real exports get wrong:
 * - a quote inside an unquoted field is literal (abc"def);
 * - text after a closing quote is kept ("ab"c → abc);
 * - spaces before an opening quote are dropped (a, "b, c" → ['a', 'b, c']);
 * - an unterminated quote is re-read as a literal quote (see MAX_QUOTED_FIELD_CHARS);
 * - empty lines are skipped (they still count as lines).
 */
export class CsvRecordParser implements RecordParser {
  private readonly delimiter: number;
  private cells: string[] = [];
  private field = '';
  private state = FIELD_START;
  private line = 1;
  private recordLine = 1;
  private pendingLF = false; // the previous chunk ended on a CR that ended a record
  private quotedPrevCR = false; // inside a quoted field, the previous character was a CR
  private quoteStartLine = 1;

  constructor(
    delimiter: string,
    private readonly maxQuotedChars = MAX_QUOTED_FIELD_CHARS,
  ) {
    if (delimiter.length !== 1) throw new Error(`delimiter must be one character, got ${JSON.stringify(delimiter)}`);
    this.delimiter = delimiter.charCodeAt(0);
  }

  get currentLine(): number {
    return this.line;
  }

  push(chunk: string, out: RawRow[]): void {
    const n = chunk.length;
    const d = this.delimiter;
    let i = 0;
    if (this.pendingLF && n > 0) {
      this.pendingLF = false;
      if (chunk.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      switch (this.state) {
        case FIELD_START: {
          const c = chunk.charCodeAt(i);
          if (c === QUOTE) {
            this.openQuote();
            i++;
            break;
          }
          if ((c === SPACE || c === TAB) && c !== d) {
            let k = i + 1;
            while (k < n && isPadding(chunk.charCodeAt(k), d)) k++;
            if (k === n) {
              this.field = chunk.slice(i);
              this.state = LEADING_SPACE;
              i = n;
              break;
            }
            if (chunk.charCodeAt(k) === QUOTE) {
              i = k; // the quote opens the field on the next turn
              break;
            }
          }
          this.state = UNQUOTED;
          break;
        }
        case LEADING_SPACE: {
          const c = chunk.charCodeAt(i);
          if (isPadding(c, d)) {
            this.field += chunk[i];
            i++;
          } else if (c === QUOTE) {
            this.field = '';
            this.state = FIELD_START;
          } else {
            this.state = UNQUOTED;
          }
          break;
        }
        case UNQUOTED: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = chunk.charCodeAt(j);
            if (c === d || c === LF || c === CR) break;
            j++;
          }
          if (j === n) {
            this.field += chunk.slice(i);
            i = n;
            break;
          }
          const piece = chunk.slice(i, j);
          this.cells.push(this.field.length > 0 ? this.field + piece : piece);
          this.field = '';
          this.state = FIELD_START;
          i = c === d ? j + 1 : this.endRecord(chunk, j, out);
          break;
        }
        case QUOTED: {
          const j = chunk.indexOf('"', i);
          const end = j === -1 ? n : j;
          this.countQuotedLines(chunk, i, end);
          this.field += chunk.slice(i, end);
          if (j === -1) {
            i = n;
          } else {
            this.state = QUOTE_IN_QUOTED;
            i = j + 1;
          }
          if (this.field.length > this.maxQuotedChars) this.rereadStrayQuote(out);
          break;
        }
        case QUOTE_IN_QUOTED: {
          const c = chunk.charCodeAt(i);
          if (c === QUOTE) {
            this.field += '"';
            this.state = QUOTED;
            this.quotedPrevCR = false;
            i++;
          } else if (c === d) {
            this.closeField();
            i++;
          } else if (c === LF || c === CR) {
            this.closeField();
            i = this.endRecord(chunk, i, out);
          } else {
            this.state = UNQUOTED; // text after the closing quote: keep it
          }
          break;
        }
      }
    }
  }

  finish(out: RawRow[]): void {
    this.pendingLF = false;
    while (this.state === QUOTED) this.rereadStrayQuote(out);
    if (this.state === FIELD_START) {
      if (this.cells.length > 0) this.cells.push(''); // the line ended with a delimiter
    } else {
      this.closeField();
    }
    if (this.cells.length > 0) this.emit(out);
  }

  private openQuote(): void {
    this.state = QUOTED;
    this.field = '';
    this.quoteStartLine = this.line;
    this.quotedPrevCR = false;
  }

  private closeField(): void {
    this.cells.push(this.field);
    this.field = '';
    this.state = FIELD_START;
  }

  /** Ends the record at the newline at `j`; returns the index after the newline (CRLF counts once). */
  private endRecord(chunk: string, j: number, out: RawRow[]): number {
    this.emit(out);
    this.line++;
    this.recordLine = this.line;
    let next = j + 1;
    if (chunk.charCodeAt(j) === CR) {
      if (next < chunk.length) {
        if (chunk.charCodeAt(next) === LF) next++;
      } else {
        this.pendingLF = true;
      }
    }
    return next;
  }

  private emit(out: RawRow[]): void {
    const cells = this.cells;
    this.cells = [];
    if (cells.length === 1 && cells[0] === '') return; // empty line
    const first = cells[0];
    if (first.length > 0 && first.charCodeAt(0) === BOM) cells[0] = first.slice(1);
    const last = cells[cells.length - 1];
    if (last.length > 0 && last.charCodeAt(last.length - 1) === CR) cells[cells.length - 1] = last.slice(0, -1);
    out.push({ line: this.recordLine, cells });
  }

  private countQuotedLines(chunk: string, from: number, to: number): void {
    let prevCR = this.quotedPrevCR;
    let line = this.line;
    for (let k = from; k < to; k++) {
      const c = chunk.charCodeAt(k);
      if (c === LF) {
        if (!prevCR) line++;
        prevCR = false;
      } else if (c === CR) {
        line++;
        prevCR = true;
      } else {
        prevCR = false;
      }
    }
    this.line = line;
    if (to > from) this.quotedPrevCR = prevCR;
  }

  /** Treat the quote that opened the current field as an ordinary character and parse its text again. */
  private rereadStrayQuote(out: RawRow[]): void {
    const text = this.field.replace(/"/g, '""');
    this.field = '"';
    this.state = UNQUOTED;
    this.line = this.quoteStartLine;
    this.push(text, out);
  }
}

function isPadding(c: number, delimiter: number): boolean {
  return (c === SPACE || c === TAB) && c !== delimiter;
}

/**
 * Space-aligned text (columns separated by runs of spaces or tabs, no quoting), like CDNOW_master.txt.
 * Leading and trailing spaces on a line are ignored; blank lines are skipped.
 */
export class WhitespaceRecordParser implements RecordParser {
  private rest = '';
  private line = 1;
  private pendingLF = false;

  get currentLine(): number {
    return this.line;
  }

  push(chunk: string, out: RawRow[]): void {
    let text = chunk;
    if (this.pendingLF && text.length > 0) {
      this.pendingLF = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1);
    }
    text = this.rest + text;
    let start = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR) continue;
      this.emitLine(text.slice(start, i), out);
      if (c === CR) {
        if (i + 1 < n) {
          if (text.charCodeAt(i + 1) === LF) i++;
        } else {
          this.pendingLF = true;
        }
      }
      start = i + 1;
    }
    this.rest = text.slice(start);
  }

  finish(out: RawRow[]): void {
    if (this.rest.length > 0) this.emitLine(this.rest, out);
    this.rest = '';
  }

  private emitLine(text: string, out: RawRow[]): void {
    const line = this.line++;
    const cells: string[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      while (i < n && isSeparator(text.charCodeAt(i))) i++;
      if (i === n) break;
      const start = i;
      while (i < n && !isSeparator(text.charCodeAt(i))) i++;
      cells.push(text.slice(start, i));
    }
    if (cells.length > 0) out.push({ line, cells });
  }
}

/** Space-aligned columns are separated by runs of spaces and tabs (a BOM is never part of a cell). */
function isSeparator(c: number): boolean {
  return c === SPACE || c === TAB || c === BOM;
}
