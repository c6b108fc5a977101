// String similarity measures used by the field comparisons. All work on UTF-16 code units,
// which is exact for Chinese (BMP) and Latin text.

// Scratch buffers reused across calls: comparisons run millions of times and must not allocate.
// Jaro matches are marked with a call stamp instead of clearing flags on every call.
let stampA = new Int32Array(64);
let stampB = new Int32Array(64);
let stamp = 0;
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > stampA.length || lb > stampA.length) {
    stampA = new Int32Array(Math.max(la, lb) * 2);
    stampB = new Int32Array(Math.max(la, lb) * 2);
    stamp = 0;
  }
  if (++stamp === 0x7fffffff) {
    stampA.fill(0);
    stampB.fill(0);
    stamp = 1;
  }
  const s = stamp;
  const A = stampA;
  const B = stampB;
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0;
    const hi = i + window < lb - 1 ? i + window : lb - 1;
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (B[j] !== s && b.charCodeAt(j) === c) {
        A[i] = s;
        B[j] = s;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (A[i] !== s) continue;
    while (B[k] !== s) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Levenshtein distance; stops early and returns max + 1 once the distance is known to exceed max
 * (the comparisons only ever ask "is it within 1 or 2 edits").
 */
export function levenshtein(a: string, b: string, max = Infinity): number {
  return editDistance(a, b, max, false);
}

/** Damerau-Levenshtein (optimal string alignment: adjacent transpositions count as one edit). */
export function damerau(a: string, b: string, max = Infinity): number {
  return editDistance(a, b, max, true);
}

function editDistance(a: string, b: string, max: number, transpose: boolean): number {
  if (a === b) return 0;
  let la = a.length;
  let lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  // trim common prefix and suffix
  let start = 0;
  while (start < la && start < lb && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (la > start && lb > start && a.charCodeAt(la - 1) === b.charCodeAt(lb - 1)) {
    la--;
    lb--;
  }
  const n = la - start;
  const m = lb - start;
  if (n === 0) return m;
  if (m === 0) return n;
  if (m + 2 > rowA.length) {
    rowA = new Int32Array((m + 2) * 2);
    rowB = new Int32Array((m + 2) * 2);
    rowC = new Int32Array((m + 2) * 2);
  }
  let prevPrev = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(start + i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(start + j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (
        transpose &&
        i > 1 &&
        j > 1 &&
        ca === b.charCodeAt(start + j - 2) &&
        a.charCodeAt(start + i - 2) === cb
      ) {
        v = Math.min(v, prevPrev[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

const TOKEN_RUNS = /[\u3400-\u9fff\uf900-\ufaff]+|[^\s\p{P}\p{S}\u3400-\u9fff\uf900-\ufaff]+/gu;
const HAN_START = /^[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Tokens for set comparisons: Latin/digit words as they are, runs of Chinese characters as
 * overlapping character bigrams (a single character stays one token), so word order and
 * the lack of spaces in Chinese do not matter.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const run of text.toLowerCase().match(TOKEN_RUNS) ?? []) {
    if (!HAN_START.test(run) || run.length === 1) tokens.push(run);
    else for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
  }
  return tokens;
}

/**
 * Token-set similarity in [0, 1]: the larger of the Dice coefficient of the two token sets
 * and the share of the smaller set contained in the larger, so 华星科技(深圳) ≈ 深圳华星科技
 * and "Acme Trading" ⊂ "Acme Trading Shanghai" score high.
 */
export function tokenSetSimilarity(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const ta = new Set(tokenize(a));
  const tb = new Set(tokenize(b));
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  const dice = (2 * shared) / (ta.size + tb.size);
  const containment = ta.size >= 2 && tb.size >= 2 ? shared / Math.min(ta.size, tb.size) : 0;
  return Math.max(dice, containment * 0.95);
}

/** Token sets of many records in two flat arrays: record i owns ids[offsets[i] .. offsets[i+1]), sorted, unique. */
export interface TokenColumn {
  offsets: Uint32Array;
  ids: Uint32Array;
}

export class TokenColumnBuilder {
  private readonly dictionary = new Map<string, number>();
  private readonly offsets: number[] = [0];
  private readonly ids: number[] = [];

  add(text: string | null): void {
    if (text !== null) {
      const set = new Set<number>();
      for (const t of tokenize(text)) {
        let id = this.dictionary.get(t);
        if (id === undefined) {
          id = this.dictionary.size;
          this.dictionary.set(t, id);
        }
        set.add(id);
      }
      for (const id of [...set].sort((a, b) => a - b)) this.ids.push(id);
    }
    this.offsets.push(this.ids.length);
  }

  build(): TokenColumn {
    return { offsets: Uint32Array.from(this.offsets), ids: Uint32Array.from(this.ids) };
  }
}

/** tokenSetSimilarity over pre-tokenised records (same formula, no allocation). */
export function tokenSetSimilarityOf(col: TokenColumn, i: number, j: number): number {
  let x = col.offsets[i];
  const xEnd = col.offsets[i + 1];
  let y = col.offsets[j];
  const yEnd = col.offsets[j + 1];
  const na = xEnd - x;
  const nb = yEnd - y;
  if (na === 0 || nb === 0) return 0;
  let shared = 0;
  const ids = col.ids;
  while (x < xEnd && y < yEnd) {
    const a = ids[x];
    const b = ids[y];
    if (a === b) {
      shared++;
      x++;
      y++;
    } else if (a < b) x++;
    else y++;
  }
  const dice = (2 * shared) / (na + nb);
  const containment = na >= 2 && nb >= 2 ? shared / Math.min(na, nb) : 0;
  return Math.max(dice, containment * 0.95);
}
