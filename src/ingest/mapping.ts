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
type SynonymIndex = { key: string; field: string; rank: number }[];

function synonymIndex(kind: Kind, extra: Record<string, string[]>): SynonymIndex {
  const index: SynonymIndex = [];
  for (const spec of fieldSpecs[kind]) {
    [...(extra[spec.field] ?? []), spec.field, ...spec.synonyms].forEach((s, rank) => index.push({ key: headerKey(s), field: spec.field, rank }));
  }
  return index;
}

function isCjk(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

function matchHeader(header: string, index: SynonymIndex): { field: string; how: 'exact' | 'contains'; rank: number } | null {
  const key = headerKey(header);
  if (!key) return null;
  const exact = index.find((s) => s.key === key);
  if (exact) return { field: exact.field, how: 'exact', rank: exact.rank };
  // Long survey-style headers ("您向朋友推荐我们的可能性（0-10分）") contain a synonym: take the longest.
  let best: { field: string; len: number } | null = null;
  for (const s of index) {
    const minLen = isCjk(s.key) ? 2 : 4;
    if (s.key.length >= minLen && key.includes(s.key) && (!best || s.key.length > best.len)) best = { field: s.field, len: s.key.length };
  }
  return best ? { field: best.field, how: 'contains', rank: 0 } : null;
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
  // Each column's synonym match, once: exact matches claim their field before "contains" ones, a
  // better-ranked synonym first (联系手机 before 联系电话, 订单创建时间 before 付款时间), then column order.
  const matched = columns.flatMap((c) => {
    const m = c.how === 'unknown' ? matchHeader(c.header, index) : null;
    return m ? [{ c, m }] : [];
  });
  matched.sort((x, y) => Number(x.m.how === 'contains') - Number(y.m.how === 'contains') || x.m.rank - y.m.rank || x.c.index - y.c.index);
  for (const { c, m } of matched) {
    if (taken.has(m.field)) continue;
    c.field = m.field;
    c.how = m.how;
    taken.add(m.field);
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
    if (all.some((index) => matchHeader(text, index))) score += 10;
  }
  return score;
}
