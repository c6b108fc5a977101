import { UsageError } from '../../errors.js';
import { CsvRecordParser, WhitespaceRecordParser, type RecordParser } from './csv-parser.js';
import type { RawRow } from './types.js';

/** Delimiter name for space-aligned text: columns separated by runs of spaces/tabs. */
export const WHITESPACE = 'whitespace';

/** Candidates in order of preference when equally consistent. */
const CANDIDATES = [',', '\t', ';', '|'];
const SAMPLE_RECORDS = 200;
/** Below this share of records agreeing on a field count, a delimiter is not believed. */
const MIN_CONSISTENCY = 0.5;
/** Space-aligned text is only considered when no real delimiter is this consistent … */
const DELIMITED_GOOD_ENOUGH = 0.8;
/** … and must itself be this consistent. */
const MIN_WHITESPACE_CONSISTENCY = 0.9;

export function makeRecordParser(delimiter: string): RecordParser {
  return delimiter === WHITESPACE ? new WhitespaceRecordParser() : new CsvRecordParser(delimiter);
}

/**
 * Records of a text sample. When the sample is only the start of the file (`complete` false), the last,
 * possibly cut record is not returned.
 */
export function parseSample(sample: string, delimiter: string, complete: boolean, maxRecords = Infinity): RawRow[] {
  const parser = makeRecordParser(delimiter);
  const records: RawRow[] = [];
  parser.push(sample, records);
  if (complete) parser.finish(records);
  return records.length > maxRecords ? records.slice(0, maxRecords) : records;
}

interface Consistency {
  delimiter: string;
  /** Most common field count above 1. */
  fields: number;
  /** Share of sampled records with exactly that many fields. */
  share: number;
}

function measure(sample: string, delimiter: string, complete: boolean): Consistency | undefined {
  const records = parseSample(sample, delimiter, complete, SAMPLE_RECORDS).filter(
    (r) => !r.cells.every((c) => c.trim() === ''),
  );
  if (records.length === 0) return undefined;
  const frequency = new Map<number, number>();
  for (const r of records) frequency.set(r.cells.length, (frequency.get(r.cells.length) ?? 0) + 1);
  let fields = 0;
  let count = 0;
  for (const [n, c] of frequency) {
    if (n > 1 && (c > count || (c === count && n > fields))) {
      fields = n;
      count = c;
    }
  }
  if (fields === 0) return undefined;
  return { delimiter, fields, share: count / records.length };
}

/**
 * Picks the delimiter whose field counts are most consistent over the sample (quotes respected). Near
 * ties go to the one giving more fields, then to the order , tab ; |. Falls back to space-aligned columns
 * when no delimiter fits, and to ',' (one column) when nothing does.
 */
export function sniffDelimiter(sample: string, complete: boolean): string {
  const measured = CANDIDATES.map((d) => measure(sample, d, complete)).filter(
    (m): m is Consistency => m !== undefined && m.share >= MIN_CONSISTENCY,
  );
  let best: Consistency | undefined;
  for (const m of measured) {
    if (!best || m.share > best.share + 0.02 || (Math.abs(m.share - best.share) <= 0.02 && m.fields > best.fields)) {
      best = m;
    }
  }
  if (!best || best.share < DELIMITED_GOOD_ENOUGH) {
    const spaced = measure(sample, WHITESPACE, complete);
    if (spaced && spaced.share >= MIN_WHITESPACE_CONSISTENCY) return WHITESPACE;
  }
  return best?.delimiter ?? ',';
}

const NAMED_DELIMITERS: Record<string, string> = {
  tab: '\t',
  '\\t': '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
  space: WHITESPACE,
  spaces: WHITESPACE,
  whitespace: WHITESPACE,
  ' ': WHITESPACE,
};

/** Reads a --delimiter value: ',' ';' '|' 'tab' '\t' (typed or real), 'space'/'whitespace', or any single character. */
export function parseDelimiterOption(value: string): string {
  const named = NAMED_DELIMITERS[value.toLowerCase()];
  if (named) return named;
  if (value.length === 1 && value !== '"' && value !== '\n' && value !== '\r') return value;
  throw UsageError.of('delimiter.unknown', { value: JSON.stringify(value) });
}
