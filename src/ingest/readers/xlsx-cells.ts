import type { CellValue } from 'exceljs';

/** Plain decimal text of a number, rounded to 15 significant digits like Excel (no 1e+21, no 0.30000000000000004). */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x === 0 ? 0 : x);
  const shortest = String(x);
  const digits = shortest.length - (shortest.includes('.') ? 1 : 0) - (x < 0 ? 1 : 0);
  if (digits <= 15 && !shortest.includes('e')) return shortest; // already at most 15 digits
  const rounded = Number(x.toPrecision(15));
  const text = String(rounded === 0 ? 0 : rounded);
  return text.includes('e') ? expandExponent(text) : text;
}

function expandExponent(text: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, lead, fraction = '', exponent] = m;
  const digits = lead + fraction;
  const point = 1 + Number(exponent); // digits before the decimal point
  let plain: string;
  if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else if (point <= 0) plain = '0.' + '0'.repeat(-point) + digits;
  else plain = digits.slice(0, point) + '.' + digits.slice(point);
  if (plain.includes('.')) plain = plain.replace(/0+$/, '').replace(/\.$/, '');
  return sign + plain;
}

/** Same test exceljs uses: date/time letters outside quoted text and [..] sections. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** Excel serial day number → Date holding the wall-clock time in its UTC fields (as exceljs does). */
function excelSerialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * exceljs gives date cells as Dates whose UTC fields are the sheet's wall-clock values. Rounded to the
 * second (serial numbers carry float noise): 'YYYY-MM-DD', 'YYYY-MM-DDTHH:mm:ss' with a time part, and
 * 'HH:mm:ss' for a pure time (Excel day 0, 1899-12-30).
 */
export function formatExcelDate(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return '';
  const d = new Date(Math.round(ms / 1000) * 1000);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (day === '1899-12-30') return time;
  return time === '00:00:00' ? day : `${day}T${time}`;
}

/** Excel's escape for characters XML cannot hold, e.g. _x000D_ for a carriage return. */
function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

function cleanString(text: string): string {
  let s = unescapeOoxml(text);
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  if (s.endsWith('\r')) s = s.slice(0, -1);
  return s;
}

function formatNumberCell(x: number, numFmt: string | undefined): string {
  if (numFmt && /^0{2,}$/.test(numFmt) && Number.isInteger(x) && x >= 0) {
    return String(x).padStart(numFmt.length, '0'); // codes kept with leading zeros by a "000000" format
  }
  if (isDateFormat(numFmt)) return formatExcelDate(excelSerialToDate(x));
  return formatNumber(x);
}

type RichTextPart = { text?: string };

/**
 * The text of a cell value: numbers as plain decimals, dates as ISO, formulas as their cached result,
 * rich text and hyperlinks as their text, errors as the error string, booleans as TRUE/FALSE.
 */
export function cellText(value: CellValue | { sharedString: number }, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanString(value);
  if (typeof value === 'number') return formatNumberCell(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatExcelDate(value);
  if ('richText' in value) return cleanString((value.richText as RichTextPart[]).map((part) => part.text ?? '').join(''));
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: CellValue }).result;
    if (typeof result === 'number' && Number.isNaN(result)) return ''; // streamed formula with an error result
    return cellText(result ?? null, numFmt);
  }
  if ('hyperlink' in value) return cellText((value as { text?: CellValue }).text ?? '', numFmt);
  if ('text' in value) return cellText((value as { text?: CellValue }).text ?? '', numFmt);
  return '';
}
