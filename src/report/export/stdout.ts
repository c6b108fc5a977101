import type { Writable } from 'node:stream';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { neutraliseFormula } from '../../output/writers.js';
import type { Column } from '../../output/columns.js';

/**
 * CSV or JSON lines onto a stream (stdout), for `custops export … --format csv|json | …`. Opening
 * /dev/stdout as a file fails when stdout is a socket (how many process managers connect it), so this
 * writes to the stream itself, in 64 KB chunks that wait for the reader (flat memory).
 */
export interface StreamWriter {
  write(row: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
  readonly rows: number;
}

export function streamWriter(out: Writable, columns: Column[], format: 'csv' | 'jsonl', encoding = 'utf8'): StreamWriter {
  const utf8 = /^utf-?8$/i.test(encoding);
  const encode = (text: string): string | Buffer => (utf8 ? text : iconv.encode(text, encoding));
  const cell = (value: unknown, column: Column): string => {
    if (value === null || value === undefined || value === '') return '';
    const v = column.type === 'money' && typeof value === 'number' ? value / 100 : value;
    if (typeof v === 'number') return String(v);
    const text = neutraliseFormula(typeof v === 'object' ? JSON.stringify(v) : String(v));
    return /[",\r\n\t;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const line = (row: Record<string, unknown>): string => {
    if (format === 'csv') return `${columns.map((c) => cell(row[c.key], c)).join(',')}\r\n`;
    const obj: Record<string, unknown> = {};
    for (const c of columns) obj[c.key] = row[c.key] ?? null;
    return `${JSON.stringify(obj)}\n`;
  };
  let buffer = format === 'csv' ? `${columns.map((c) => cell(c.header, { key: c.key, header: c.header })).join(',')}\r\n` : '';
  let rows = 0;
  // A reader that goes away (`| head`) shows up as an 'error' event (EPIPE): keep it, stop writing, report it.
  let failed: Error | undefined;
  const onError = (err: Error): void => {
    failed = err;
    out.emit('custops:failed');
  };
  out.on('error', onError);
  const flush = async (): Promise<void> => {
    if (failed) throw failed;
    if (buffer === '') return;
    const chunk = encode(buffer);
    buffer = '';
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), once(out, 'custops:failed')]);
    if (failed) throw failed;
  };
  return {
    get rows() {
      return rows;
    },
    async write(row) {
      buffer += line(row);
      rows++;
      if (buffer.length > 65536) await flush();
    },
    async close() {
      try {
        await flush();
      } finally {
        out.removeListener('error', onError);
      }
    },
  };
}
