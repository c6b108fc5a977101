import type { Style } from 'exceljs';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import { UsageError } from '../errors.js';
import type { Column } from './columns.js';

export type FileFormat = 'csv' | 'tsv' | 'json' | 'jsonl' | 'xlsx' | 'md';

export function formatFromPath(path: string, override?: string): FileFormat {
  const ext = (override ?? extname(path).slice(1)).toLowerCase();
  const known: Record<string, FileFormat> = {
    csv: 'csv', txt: 'csv', tsv: 'tsv', json: 'json', jsonl: 'jsonl', ndjson: 'jsonl', xlsx: 'xlsx', md: 'md',
  };
  const format = known[ext];
  if (!format) {
    throw new UsageError(`cannot tell the output format of ${path}`, 'use a .csv, .json, .jsonl, .xlsx or .md file name, or --format');
  }
  return format;
}

/** Cells a spreadsheet would run as a formula get a leading apostrophe (OWASP CSV injection). */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export interface WriterOptions {
  format: FileFormat;
  /** CSV text encoding: utf8 (with BOM by default, so Excel opens Chinese) or gbk/gb18030. */
  encoding?: string;
  bom?: boolean;
  sheetName?: string;
}

export interface TabularWriter {
  write(row: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
  readonly rows: number;
}

/** Streams rows to a file so a million-row export keeps memory flat. */
export async function openTabularWriter(path: string, columns: Column[], options: WriterOptions): Promise<TabularWriter> {
  switch (options.format) {
    case 'xlsx':
      return xlsxWriter(path, columns, options.sheetName ?? 'data');
    case 'json':
    case 'jsonl':
      return jsonWriter(path, columns, options.format === 'jsonl');
    case 'md':
      return markdownWriter(path, columns);
    default:
      return delimitedWriter(path, columns, options);
  }
}

async function writeChunk(stream: WriteStream, chunk: string | Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function finish(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

export function machineValue(value: unknown, column: Column): unknown {
  if (value === undefined) return null;
  if (column.type === 'money' && typeof value === 'number') return value / 100;
  return value;
}

function delimitedWriter(path: string, columns: Column[], options: WriterOptions): TabularWriter {
  const stream = createWriteStream(path);
  const encoding = (options.encoding ?? 'utf8').toLowerCase();
  const utf8 = encoding === 'utf8' || encoding === 'utf-8';
  const sep = options.format === 'tsv' ? '\t' : ',';
  const encode = (text: string): string | Buffer => (utf8 ? text : iconv.encode(text, encoding));
  const quote = (value: unknown, column: Column): string => {
    const v = machineValue(value, column);
    if (v === null || v === '') return '';
    if (typeof v === 'number') return String(v);
    const text = neutraliseFormula(typeof v === 'object' ? JSON.stringify(v) : String(v));
    return /[",\r\n\t;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  let buffer = (utf8 && options.bom !== false ? '\uFEFF' : '') + columns.map((c) => quote(c.header, c)).join(sep) + '\r\n';
  let rows = 0;
  return {
    get rows() {
      return rows;
    },
    async write(row) {
      buffer += columns.map((c) => quote(row[c.key], c)).join(sep) + '\r\n';
      rows++;
      if (buffer.length > 65536) {
        await writeChunk(stream, encode(buffer));
        buffer = '';
      }
    },
    async close() {
      if (buffer) await writeChunk(stream, encode(buffer));
      await finish(stream);
    },
  };
}

function jsonWriter(path: string, columns: Column[], lines: boolean): TabularWriter {
  const stream = createWriteStream(path);
  let buffer = lines ? '' : '[\n';
  let rows = 0;
  return {
    get rows() {
      return rows;
    },
    async write(row) {
      const obj: Record<string, unknown> = {};
      for (const c of columns) obj[c.key] = row[c.key] ?? null;
      buffer += (lines ? '' : rows > 0 ? ',\n' : '') + JSON.stringify(obj) + (lines ? '\n' : '');
      rows++;
      if (buffer.length > 65536) {
        await writeChunk(stream, buffer);
        buffer = '';
      }
    },
    async close() {
      buffer += lines ? '' : '\n]\n';
      await writeChunk(stream, buffer);
      await finish(stream);
    },
  };
}

function markdownWriter(path: string, columns: Column[]): TabularWriter {
  const stream = createWriteStream(path);
  const cell = (v: unknown): string => (v === null || v === undefined ? '' : String(v).replace(/\|/g, '\\|').replace(/\r?\n/g, ' '));
  let buffer = `| ${columns.map((c) => cell(c.header)).join(' | ')} |\n|${columns.map(() => ' --- ').join('|')}|\n`;
  let rows = 0;
  return {
    get rows() {
      return rows;
    },
    async write(row) {
      buffer += `| ${columns.map((c) => cell(machineValue(row[c.key], c))).join(' | ')} |\n`;
      rows++;
      if (buffer.length > 65536) {
        await writeChunk(stream, buffer);
        buffer = '';
      }
    },
    async close() {
      await writeChunk(stream, buffer);
      await finish(stream);
    },
  };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function numberFormat(c: Column): string | undefined {
  return c.type === 'money' ? '#,##0.00' : c.type === 'percent' ? '0.0%' : c.type === 'date' ? 'yyyy-mm-dd' : undefined;
}

/** exceljs takes a noticeable time to load, so only commands that write XLSX pay for it. */
async function xlsxWriter(path: string, columns: Column[], sheetName: string): Promise<TabularWriter> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.min(40, Math.max(10, c.header.length * 2 + 2)),
    // only formatted columns carry a style: exceljs looks every styled cell's style up by rendering it
    ...(numberFormat(c) ? { style: { numFmt: numberFormat(c) } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  header.commit();
  const cellStyles: Partial<Style>[] = columns.map((c) => (numberFormat(c) ? { numFmt: numberFormat(c) } : {}));
  let rows = 0;
  return {
    get rows() {
      return rows;
    },
    async write(row) {
      const values: Record<string, unknown> = {};
      for (const c of columns) {
        let v = machineValue(row[c.key], c);
        if (c.type === 'date' && typeof v === 'string' && isoDate.test(v)) v = new Date(`${v}T00:00:00Z`);
        else if (typeof v === 'string') v = neutraliseFormula(v);
        else if (v !== null && typeof v === 'object' && !(v instanceof Date)) v = JSON.stringify(v);
        values[c.key] = v;
      }
      const added = sheet.addRow(values);
      // one style object per column: exceljs caches a style by object identity, and renders it to find
      // its id otherwise (most of the time of a large export)
      for (let i = 0; i < columns.length; i++) added.getCell(i + 1).style = cellStyles[i];
      added.commit();
      rows++;
    },
    async close() {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, columns.length) } };
      sheet.commit();
      await workbook.commit();
    },
  };
}
