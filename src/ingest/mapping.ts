import { UsageError } from '../errors.js';
import { fieldNames, fieldSpecs, headerKey, kinds, type Kind } from './fields.js';

export interface MappedColumn {
  index: number;
  header: string;
  /** Canonical field, or null when the column is kept as an unknown ("extra") column. */
  field: string | null;
  how: 'exact' | 'contains' | 'map' | 'unknown' | 'skip';
}

export interface Mapping {
  kind: Kind;
  columns: MappedColumn[];
}

export type Overrides = Record<string, string>;

/** `--map "源列=field"` values, repeated or comma-separated; `源列=skip` drops a column. */
export function parseMapOption(values: string[] | undefined): Overrides {
  const overrides: Overrides = {};
  for (const value of values ?? []) {
    for (const pair of value.split(/[,，](?=[^,，]*[=＝])/)) {
      const m = pair.match(/^\s*(.+?)\s*[=＝]\s*([\w]+)\s*$/);
      if (!m) throw UsageError.of('map.form', { pair });
      overrides[m[1]] = m[2];
    }
  }
  return overrides;
}

/** rank: the synonym's place in its field's list; of two columns naming one field exactly, the better-ranked name wins. */
type SynonymIndex = { key: string; words: string[] | null; field: string; rank: number; vetoes: string[] }[];

function synonymIndex(kind: Kind, extra: Record<string, string[]>): SynonymIndex {
  const index: SynonymIndex = [];
  for (const spec of fieldSpecs[kind]) {
    const vetoes = (spec.notWhenContaining ?? []).map(headerKey);
    [...(extra[spec.field] ?? []), spec.field, ...spec.synonyms].forEach((s, rank) => index.push({ key: headerKey(s), words: isCjk(s) ? null : words(s), field: spec.field, rank, vetoes }));
  }
  return index;
}

function isCjk(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

/** A Latin header's words: split at spaces and punctuation, camelCase humps and digits ("reviewerID" → reviewer, id). */
function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)|(\d)([A-Za-z])/g, '$1$3 $2$4')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function containsWords(haystack: string[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= haystack.length; i++) if (needle.every((w, k) => haystack[i + k] === w)) return true;
  return false;
}

type Match = { field: string; how: 'exact' | 'contains'; rank: number };

/**
 * The fields a header may be, best first: an exact synonym, else the synonyms it contains, longest
 * first (long survey questions such as "您向朋友推荐我们的可能性（0-10分）"). A Latin synonym inside a
 * header that has word boundaries must be whole words of it ("reviewerID" is not a "review"); a
 * header written as one lower-case word ("customeremail") is searched as a string.
 */
function matchHeader(header: string, index: SynonymIndex): Match[] {
  const key = headerKey(header);
  if (!key) return [];
  const exact = index.find((s) => s.key === key);
  if (exact) return [{ field: exact.field, how: 'exact', rank: exact.rank }];
  const headerWords = words(header);
  const byWords = headerWords.length > 1;
  const longest = new Map<string, number>();
  for (const s of index) {
    const minLen = s.words === null ? 2 : 4;
    if (s.key.length < minLen || !key.includes(s.key)) continue;
    if (s.words !== null && byWords && !containsWords(headerWords, s.words)) continue;
    if (s.vetoes.some((veto) => key.includes(veto))) continue;
    if (s.key.length > (longest.get(s.field) ?? 0)) longest.set(s.field, s.key.length);
  }
  return [...longest].sort((a, b) => b[1] - a[1]).map(([field]) => ({ field, how: 'contains' as const, rank: 0 }));
}

export function mapHeaders(headers: string[], kind: Kind, overrides: Overrides = {}, extraSynonyms: Record<string, string[]> = {}): Mapping {
  const index = synonymIndex(kind, extraSynonyms);
  const valid = new Set(fieldNames(kind));
  for (const [column, field] of Object.entries(overrides)) {
    if (field !== 'skip' && !valid.has(field)) {
      throw UsageError.of('map.field', { column, field, kind, fields: [...valid].join(', ') });
    }
  }
  const taken = new Set<string>();
  const columns: MappedColumn[] = headers.map((header, i) => ({ index: i, header, field: null, how: 'unknown' }));
  // Explicit --map first, then synonyms: each field once.
  for (const c of columns) {
    const target = overrides[c.header] ?? overrides[headerKey(c.header)];
    if (target === 'skip') c.how = 'skip';
    else if (target) {
      c.field = target;
      c.how = 'map';
      taken.add(target);
    }
  }
  // Each column's best synonym match: exact matches claim their field before "contains" ones, a
  // better-ranked synonym first (联系手机 before 联系电话, 订单创建时间 before 付款时间), then column order.
  // A column whose best field another column took tries the next field its header contains
  // ("Satisfaction Comment" after "Satisfaction Score" took csat: the comment).
  const candidates = columns.map((c) => (c.how === 'unknown' ? matchHeader(c.header, index) : []));
  const order = (c: MappedColumn, m: Match): [number, number, number] => [Number(m.how === 'contains'), m.rank, c.index];
  for (let round = 0; ; round++) {
    const open = columns.flatMap((c) => (c.field === null && c.how === 'unknown' && candidates[c.index].length > round ? [{ c, m: candidates[c.index][round] }] : []));
    if (open.length === 0) break;
    open.sort((x, y) => {
      const [a, b] = [order(x.c, x.m), order(y.c, y.m)];
      return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
    });
    for (const { c, m } of open) {
      if (taken.has(m.field)) continue;
      c.field = m.field;
      c.how = m.how;
      taken.add(m.field);
    }
  }
  if (kind === 'orders') unitPriceBesideQuantity(columns, taken);
  return { kind, columns };
}

const BARE_PRICE = new Set(['price', '价格', '售价', '商品价格']);

/**
 * A bare "Price" next to a quantity, with no total, prices one unit (Online Retail II, order-line
 * exports), so the amount is price × quantity; without a quantity it is the order's amount.
 */
function unitPriceBesideQuantity(columns: MappedColumn[], taken: Set<string>): void {
  const price = columns.find((c) => c.field === 'amount' && c.how !== 'map' && BARE_PRICE.has(headerKey(c.header)));
  if (price && taken.has('quantity') && !taken.has('unit_price')) price.field = 'unit_price';
}

/** Which kind a header row describes: the kind whose signature fields it matches most. */
export function detectKind(headers: string[], overrides: Overrides = {}, extraSynonyms: Record<string, string[]> = {}): Kind | null {
  let best: { kind: Kind; score: number } | null = null;
  for (const kind of kinds) {
    const signature = new Set(fieldSpecs[kind].filter((s) => s.signature).map((s) => s.field));
    const mapping = mapHeaders(headers, kind, filterOverrides(overrides, kind), extraSynonyms);
    const score = mapping.columns.filter((c) => c.field && signature.has(c.field)).length;
    if (score > 0 && (!best || score > best.score)) best = { kind, score };
  }
  if (best) return best.kind;
  // Only shared fields (name, phone, email): a customer list.
  const shared = mapHeaders(headers, 'customers', filterOverrides(overrides, 'customers'), extraSynonyms);
  return shared.columns.some((c) => c.field) ? 'customers' : null;
}

function filterOverrides(overrides: Overrides, kind: Kind): Overrides {
  const valid = new Set([...fieldNames(kind), 'skip']);
  return Object.fromEntries(Object.entries(overrides).filter(([, f]) => valid.has(f)));
}

let allIndexes: SynonymIndex[] | undefined;

/** How header-like a row is, for finding the header under title rows: matched names count most. */
export function headerScore(cells: string[]): number {
  let score = 0;
  const all = (allIndexes ??= kinds.map((k) => synonymIndex(k, {})));
  for (const cell of cells) {
    const text = cell.trim();
    if (!text) continue;
    if (/^[-+]?[\d.,%¥$\s]+$/.test(text)) continue;
    score += 1;
    if (all.some((index) => matchHeader(text, index).length > 0)) score += 10;
  }
  return score;
}
