import type { RawRow } from './types.js';

/** Header candidates: the first this many non-blank rows. */
export const HEADER_SEARCH_ROWS = 20;
/** Rows looked at to tell a header from data (candidates plus the rows below them). */
export const HEADER_SAMPLE_ROWS = 40;

const NUMBER = /^[-+]?[¥￥$€£]?\s?[-+]?(\d[\d,]*(\.\d+)?|\.\d+)([eE][-+]?\d+)?\s?(%|万|亿|元)?$/;
const DATE_YMD = /^\d{4}([-/.])\d{1,2}\1\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DATE_CHINESE = /^\d{4}年\d{1,2}月(\d{1,2}日)?(\s*\d{1,2}[:时]\d{2}分?)?$/;
const DATE_DMY = /^\d{1,2}([-/.])\d{1,2}\1\d{2,4}( \d{1,2}:\d{2}(:\d{2})?)?$/;
const TIME = /^\d{1,2}:\d{2}(:\d{2})?$/;
const PHONE = /^\+?[\d\s()-]{7,}$/;

/** Numbers, amounts, percentages, dates, times and phone numbers: values, not labels. */
export function isNumericLike(cell: string): boolean {
  const s = cell.trim();
  if (s === '' || !/\d/.test(s)) return false;
  return NUMBER.test(s) || DATE_YMD.test(s) || DATE_CHINESE.test(s) || DATE_DMY.test(s) || TIME.test(s) || PHONE.test(s);
}

/** Default header score: the number of non-empty, non-numeric cells. */
export function defaultHeaderScore(cells: string[]): number {
  let score = 0;
  for (const cell of cells) if (cell.trim() !== '' && !isNumericLike(cell)) score++;
  return score;
}

export function isBlankRow(cells: string[]): boolean {
  for (const cell of cells) if (cell.length > 0 && cell.trim() !== '') return false;
  return true;
}

function filledCount(cells: string[]): number {
  let n = 0;
  for (const cell of cells) if (cell.trim() !== '') n++;
  return n;
}

export interface HeaderChoice {
  /** Index of the header among the given rows; -1 when the rows have no header (they are all data). */
  index: number;
}

/** A four-digit year, a label that pivot-style exports put in header rows (2023, 2024 …). */
function isYearLabel(cell: string): boolean {
  const s = cell.trim();
  return /^\d{4}$/.test(s) && +s >= 1900 && +s <= 2100;
}

/**
 * True when a row reads as one more data row: it has values (numbers, dates, phones — years excepted),
 * and every filled cell has the same kind (value or text) as most cells of its column below it (a column
 * empty below gives no evidence either way).
 */
function looksLikeData(row: string[], below: string[][]): boolean {
  const values = row.filter((c) => isNumericLike(c) && !isYearLabel(c));
  if (values.length === 0) return false;
  if (values.length === filledCount(row)) return true;
  if (below.length === 0) return false;
  return row.every((cell, column) => {
    if (cell.trim() === '') return true;
    let numeric = 0;
    let filled = 0;
    for (const r of below) {
      const c = r[column] ?? '';
      if (c.trim() === '') continue;
      filled++;
      if (isNumericLike(c)) numeric++;
    }
    if (filled === 0) return true; // nothing below to compare with
    return isNumericLike(cell) === numeric * 2 > filled;
  });
}

/**
 * Finds the header among the first non-blank rows: the earliest row with the highest score among rows
 * with at least two filled cells (so title rows above it are skipped) that do not read as data (see
 * looksLikeData: a ragged data row with many text cells must not beat the real header). When no row
 * qualifies or nothing scores above zero, the rows have no header.
 */
export function chooseHeader(rows: RawRow[], score: (cells: string[]) => number): HeaderChoice {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS);
  const wide = candidates.map((r) => filledCount(r.cells) >= 2);
  const anyWide = wide.some(Boolean);
  let index = -1;
  let best = 0;
  candidates.forEach((r, i) => {
    if (anyWide && !wide[i]) return;
    if (index !== -1 && i === rows.length - 1) return; // a header has rows below it
    const s = score(r.cells);
    if (s <= best) return;
    // compared with the rows below it, or for the last row with those above
    const others = i + 1 < rows.length ? rows.slice(i + 1, i + 1 + HEADER_SAMPLE_ROWS) : rows.slice(0, i);
    if (looksLikeData(r.cells, others.map((o) => o.cells))) return;
    best = s;
    index = i;
  });
  return { index };
}

/**
 * True when `upper` is a group row over `lower` (联系方式 over 手机 | 邮箱, with 客户编号 alone above an
 * empty cell): some columns are named only above (single-column headings) and some only below, each
 * of those under a group heading whose first column is named below too. A data row under a header
 * with a blank column does not fit: its extra value is not under a group with a named first column.
 */
function isGroupRow(upper: string[], lower: string[]): boolean {
  const width = Math.max(upper.length, lower.length);
  const filled = (cells: string[], c: number) => (cells[c] ?? '').trim() !== '';
  let upperOnly = 0;
  let lowerOnly = 0;
  let group = -1; // column of the group heading the current column is under
  for (let c = 0; c < width; c++) {
    if (filled(upper, c)) {
      group = c;
      if (!filled(lower, c)) upperOnly++;
    } else if (filled(lower, c)) {
      if (group === -1 || !filled(lower, group)) return false;
      lowerOnly++;
    }
  }
  return upperOnly > 0 && lowerOnly > 0;
}

/** Names of a two-row header: the lower row's names, and the upper row's where the lower row has none. */
export function joinHeaderRows(upper: string[], lower: string[]): string[] {
  return Array.from({ length: Math.max(upper.length, lower.length) }, (_, c) => ((lower[c] ?? '').trim() !== '' ? lower[c] : (upper[c] ?? '')));
}

/**
 * The header rows around the chosen one (`index`, from chooseHeader): [index-1, index] or [index,
 * index+1] when the two adjacent rows form a two-row header (a group row over the names, see
 * isGroupRow) whose joined names score higher than the chosen row alone; else [index, index].
 */
export function headerBand(rows: RawRow[], index: number, score: (cells: string[]) => number): { first: number; last: number } {
  const alone = score(rows[index].cells);
  const pair = (u: number): boolean => {
    const upper = rows[u];
    const lower = rows[u + 1];
    if (!upper || !lower || lower.line !== upper.line + 1 || filledCount(upper.cells) < 2) return false;
    if (!isGroupRow(upper.cells, lower.cells)) return false;
    if (u === index && looksLikeData(lower.cells, rows.slice(u + 2, u + 2 + HEADER_SAMPLE_ROWS).map((r) => r.cells))) return false;
    return score(joinHeaderRows(upper.cells, lower.cells)) > alone;
  };
  if (index > 0 && pair(index - 1)) return { first: index - 1, last: index };
  if (pair(index)) return { first: index, last: index + 1 };
  return { first: index, last: index };
}

/** A fresh copy, so a header does not keep the whole decoded chunk it was sliced from alive. */
function detached(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

/**
 * Header names: whitespace (newlines included) collapsed and trimmed, BOM stripped, empty names become
 * col_<n> (1-based column), repeated names get _2, _3 … `width` pads the list with col_<n> names.
 */
export function normaliseHeaders(cells: string[], width = cells.length): string[] {
  const seen = new Set<string>();
  const headers: string[] = [];
  for (let i = 0; i < Math.max(width, cells.length); i++) {
    const cleaned = (cells[i] ?? '').replace(/[\s\uFEFF]+/g, ' ').trim();
    const base = cleaned === '' ? `col_${i + 1}` : detached(cleaned);
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base}_${k}`;
    seen.add(name);
    headers.push(name);
  }
  return headers;
}

/** Names for a table without a header row. */
export function generatedHeaders(width: number): string[] {
  return Array.from({ length: width }, (_, i) => `col_${i + 1}`);
}
