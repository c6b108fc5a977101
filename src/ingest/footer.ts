// Rows that exports put among or below the records without being records: sums (合计 / 总计 / Total),
// counts (共 120 条), and notes or signatures (注：… / 制表人：张三 日期：2024-05-01).

/** A sum or count row: the keyword, then nothing, a separator or a number. */
const SUMMARY =
  /^(?:(?:合|总|總|小|共|累)\s*[计計]|总\s*额|總\s*額|(?:grand\s*|sub-?\s*)?totals?|共\s*\d+\s*(?:条|條|个|個|人|笔|筆|项|項|行|位|名|家|单|單).*)(?:\s*[:：(（[【].*|\s+[-+\d¥￥$€£(（].*|\s*)$/i;
/** A note, signature or export stamp: a label and a colon. */
const NOTE =
  /^(?:注|注意|备注|備註|说明|說明|附注|附註|制表人?|製表人?|制单人?|製單人?|填表人?|审核人?|審核人?|复核人?|覆核人?|审批人?|经办人|經辦人|负责人|負責人|打印(?:人|时间|日期)|导出(?:人|时间|日期)|匯出(?:人|時間|日期)|制表(?:时间|日期)|统计(?:时间|日期|截止)|數據來源|数据来源|notes?|remarks?|prepared by|printed(?: on| at| by)?|exported(?: on| at| by)?)\s*[:：]/i;

/** First characters of the words above (both cases), so most rows are passed over with one lookup. */
const FIRST = new Set([...'合总總小共累注备備说說附制製填审審复覆经經负負打导匯统數数', ...'TtGgSsNnRrPpEe'].map((c) => c.charCodeAt(0)));

export type Footer = { kind: 'summary' | 'note'; column: number; text: string };

function isBlank(cell: string): boolean {
  return cell.length === 0 || (cell.charCodeAt(0) <= 32 && cell.trim() === '');
}

/**
 * Whether a data row is a sum or count row, or a note, by its first filled cell; null for a record.
 * A note leaves most of the row empty (a record whose first cell happens to read "备注：…" does not).
 */
export function footerOf(cells: string[]): Footer | null {
  let column = 0;
  while (column < cells.length && isBlank(cells[column])) column++;
  if (column === cells.length) return null;
  const cell = cells[column];
  let start = 0;
  while (cell.charCodeAt(start) <= 32) start++;
  if (!FIRST.has(cell.charCodeAt(start))) return null;
  const text = cell.trim();
  if (SUMMARY.test(text)) return { kind: 'summary', column, text };
  if (NOTE.test(text) && filledCount(cells) * 2 <= Math.max(cells.length, 2)) return { kind: 'note', column, text };
  return null;
}

/** After a note (the table has ended), a row with a single filled cell (日期：2024-05-01, a lone signature) is a note too. */
export function trailingNoteOf(cells: string[]): Footer | null {
  let found: Footer | null = null;
  for (let column = 0; column < cells.length; column++) {
    if (isBlank(cells[column])) continue;
    if (found) return null;
    found = { kind: 'note', column, text: cells[column].trim() };
  }
  return found;
}

function filledCount(cells: string[]): number {
  let n = 0;
  for (const cell of cells) if (!isBlank(cell)) n++;
  return n;
}

/** The reason a footer row is rejected with (src/store/rejects.ts reads it in Chinese). */
export function footerReason(footer: Footer): string {
  const text = footer.text.length > 40 ? `${footer.text.slice(0, 40)}…` : footer.text;
  return footer.kind === 'summary' ? `summary row "${text}", not a record` : `note below the table "${text}", not a record`;
}
