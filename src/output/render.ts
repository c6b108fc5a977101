import Table from 'cli-table3';
import chalk from 'chalk';
import type { Context } from '../context.js';
import { formatCell, isNumericColumn, type Column } from './columns.js';
import { formatFromPath, machineValue, openTabularWriter } from './writers.js';

export type Row = Record<string, unknown>;

/** Width of a string on a terminal: CJK and full-width characters take two cells. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1faff) || (code >= 0x20000 && code <= 0x3fffd)) ? 2 : 1;
  }
  return width;
}

export function tableText(ctx: Pick<Context, 'color'>, rows: Row[], columns: Column[], title?: string): string {
  const table = new Table({
    head: columns.map((c) => (ctx.color ? chalk.bold(c.header) : c.header)),
    style: { head: [], border: [], compact: true },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    colAligns: columns.map((c) => (isNumericColumn(c) ? 'right' : 'left')),
    wordWrap: false,
  });
  for (const row of rows) table.push(columns.map((c) => truncate(formatCell(row[c.key], c), 60)));
  const heading = title ? `${ctx.color ? chalk.bold.cyan(title) : title}\n` : '';
  return heading + table.toString();
}

function truncate(text: string, maxWidth: number): string {
  const oneLine = text.replace(/\s*[\r\n]+\s*/g, ' ');
  if (displayWidth(oneLine) <= maxWidth) return oneLine;
  let out = '';
  for (const ch of oneLine) {
    if (displayWidth(out + ch) > maxWidth - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function print(ctx: Context, text: string): void {
  ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** A status line for people on stderr (progress, "wrote file"); silent under --quiet. */
export function note(ctx: Context, text: string): void {
  if (!ctx.quiet) ctx.stderr.write(`${text}\n`);
}

export function printJson(ctx: Context, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function csvText(rows: Row[], columns: Column[]): string {
  const quote = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map((c) => quote(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(machineValue(row[c.key], c))).join(','));
  return `${lines.join('\n')}\n`;
}

function jsonRows(rows: Row[], columns: Column[]): Row[] {
  return rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, machineValue(row[c.key], c)])));
}

/**
 * The one way a command shows a list: a table for people, csv/json for machines (--format),
 * or a file when --output is given (format from its extension).
 */
export async function renderRows(ctx: Context, rows: Row[], columns: Column[], options: { title?: string; sheetName?: string } = {}): Promise<void> {
  if (ctx.output) {
    await writeRowsFile(ctx, ctx.output, rows, columns, options.sheetName);
    return;
  }
  if (ctx.format === 'json') printJson(ctx, jsonRows(rows, columns));
  else if (ctx.format === 'csv') ctx.stdout.write(csvText(rows, columns));
  else print(ctx, tableText(ctx, rows, columns, options.title));
}

export async function writeRowsFile(ctx: Context, path: string, rows: Iterable<Row> | AsyncIterable<Row>, columns: Column[], sheetName?: string): Promise<number> {
  const writer = await openTabularWriter(path, columns, { format: formatFromPath(path, ctx.formatGiven && ctx.format !== 'table' ? ctx.format : undefined), sheetName });
  for await (const row of rows) await writer.write(row);
  await writer.close();
  note(ctx, `→ ${path} (${writer.rows})`);
  return writer.rows;
}
