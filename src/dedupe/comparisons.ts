import type { Col, Prepared } from './prepare.js';
import { damerau, jaroWinkler, tokenSetSimilarityOf, type TokenColumn } from './similarity.js';

/**
 * Levelled field comparisons. Each comparison puts a pair of records into one of its levels,
 * best first (level 0 is always exact agreement); MISSING when either value is empty, which
 * counts as no evidence either way.
 */
export const MISSING = 255;

export interface ComparisonSpec {
  name: ComparisonName;
  /** MatchRecord fields the comparison reads (used to explain it and to keep EM sessions unbiased). */
  fields: string[];
  levels: string[];
  /** Exact agreement is weighed by how common the agreed value is. */
  termFrequency: boolean;
}

export type ComparisonName =
  | 'givenName'
  | 'familyName'
  | 'birthDate'
  | 'idNumber'
  | 'phone'
  | 'email'
  | 'postcode'
  | 'location'
  | 'address'
  | 'company';

const nameLevels = ['exact', 'same pronunciation', 'typo (1 edit / JW ≥ 0.94)', 'similar (JW ≥ 0.85 / soundex)', 'different'];

export const COMPARISONS: ComparisonSpec[] = [
  { name: 'givenName', fields: ['givenName', 'name'], levels: nameLevels, termFrequency: true },
  { name: 'familyName', fields: ['familyName', 'name'], levels: nameLevels, termFrequency: true },
  { name: 'birthDate', fields: ['birthDate'], levels: ['exact', 'one digit off or day/month swapped', 'one of year/month/day differs', 'different'], termFrequency: false },
  { name: 'idNumber', fields: ['idNumber'], levels: ['exact', '1 edit', '2 edits', 'different'], termFrequency: false },
  { name: 'phone', fields: ['phone'], levels: ['exact', 'same last 8 digits or 1 edit', 'different'], termFrequency: true },
  { name: 'email', fields: ['email'], levels: ['exact', 'same mailbox name or 1 edit', 'different'], termFrequency: true },
  { name: 'postcode', fields: ['postcode'], levels: ['exact', '1 edit', 'different'], termFrequency: true },
  {
    name: 'location',
    fields: ['city', 'province'],
    levels: ['same city', 'same city, other spelling', 'same province, a city missing', 'same province, other city', 'different'],
    termFrequency: true,
  },
  { name: 'address', fields: ['address'], levels: ['exact', 'close (token set ≥ 0.8 / JW ≥ 0.92)', 'partial (token set ≥ 0.5)', 'different'], termFrequency: true },
  { name: 'company', fields: ['company', 'companyKey'], levels: ['exact', 'close (token set ≥ 0.8)', 'partial (token set ≥ 0.5)', 'different'], termFrequency: true },
];

export const C = COMPARISONS.length;
export const comparisonIndex = Object.fromEntries(COMPARISONS.map((c, i) => [c.name, i])) as Record<ComparisonName, number>;
const GIVEN = comparisonIndex.givenName;
const FAMILY = comparisonIndex.familyName;

/** Which column holds the value an exact agreement is about, per term-frequency comparison. */
export const tfColumn: Partial<Record<ComparisonName, keyof Prepared>> = {
  givenName: 'given',
  familyName: 'family',
  phone: 'phone',
  email: 'email',
  postcode: 'postcode',
  location: 'city',
  address: 'address',
  company: 'company',
};

/** Comparisons whose exact level is plain equality of one column, without frequency weighting. */
export const exactOnlyColumn: Partial<Record<ComparisonName, keyof Prepared>> = {
  birthDate: 'birth',
  idNumber: 'idNumber',
};

export interface NameLevelsResult {
  given: number;
  family: number;
  swapped: boolean;
}

function namePartLevel(x: string | null, xr: string | null, xs: string | null, y: string | null, yr: string | null, ys: string | null): number {
  if (x === null || y === null || xr === null || yr === null) return MISSING;
  if (x === y) return 0;
  if (xr === yr) return 1;
  if (xr.length === 0 || yr.length === 0) return 4;
  // one Han character each (杨 / 王, 芳 / 洋): another sound is another name, not a typo, unless the
  // sounds are ones a pinyin keyboard or a dialect confuses (张 / 臧, 李 / 倪)
  if (isHanChar(x) && isHanChar(y)) return fuzzyPinyin(xr) === fuzzyPinyin(yr) ? 2 : 4;
  // an initial (J. Smith) fits any name it starts
  if ((isLatinInitial(x) || isLatinInitial(y)) && xr[0] === yr[0]) return 3;
  const jw = jaroWinkler(xr, yr);
  if (jw >= 0.94 || (Math.min(xr.length, yr.length) >= 3 && damerau(xr, yr, 1) <= 1)) return 2;
  if (jw >= 0.85 || (xs !== null && xs !== '' && xs === ys)) return 3;
  return 4;
}

function isHanChar(s: string): boolean {
  if (s.length !== 1) return false;
  const c = s.charCodeAt(0);
  return c >= 0x3400 && c <= 0x9fff;
}

function isLatinInitial(s: string): boolean {
  return s.length === 1 && s >= 'a' && s <= 'z';
}

/** The pinyin sounds people confuse (模糊音): zh/z, ch/c, sh/s, n/l, and -ng/-n. Memoised: there are a few hundred syllables. */
function fuzzyPinyin(syllable: string): string {
  let fuzzy = fuzzySyllables.get(syllable);
  if (fuzzy === undefined) {
    fuzzy = syllable.replace(/^([zcs])h/, '$1').replace(/^l/, 'n').replace(/ng$/, 'n');
    fuzzySyllables.set(syllable, fuzzy);
  }
  return fuzzy;
}
const fuzzySyllables = new Map<string, string>();

/** Given and family name levels, trying the swapped order ("Wei Zhang" vs 张伟, "SMITH John" vs "Smith John"). */
export function nameLevels2(p: Prepared, i: number, j: number): NameLevelsResult {
  const gg = namePartLevel(p.given[i], p.givenRoman[i], p.givenSound[i], p.given[j], p.givenRoman[j], p.givenSound[j]);
  const ff = namePartLevel(p.family[i], p.familyRoman[i], p.familySound[i], p.family[j], p.familyRoman[j], p.familySound[j]);
  if (gg === 0 && ff === 0) return { given: 0, family: 0, swapped: false };
  const gf = namePartLevel(p.given[i], p.givenRoman[i], p.givenSound[i], p.family[j], p.familyRoman[j], p.familySound[j]);
  const fg = namePartLevel(p.family[i], p.familyRoman[i], p.familySound[i], p.given[j], p.givenRoman[j], p.givenSound[j]);
  if (gf !== MISSING && fg !== MISSING && gf + fg < levelCost(gg) + levelCost(ff)) {
    return { given: gf, family: fg, swapped: true };
  }
  return { given: gg, family: ff, swapped: false };
}

function levelCost(level: number): number {
  return level === MISSING ? 3 : level;
}

function exactOrEdits(a: string | null, b: string | null, maxEdits: number): number {
  if (a === null || b === null) return MISSING;
  if (a === b) return 0;
  const d = damerau(a, b, maxEdits);
  return d <= maxEdits ? d : maxEdits + 1;
}

export function birthLevel(a: string | null, b: string | null): number {
  if (a === null || b === null) return MISSING;
  if (a === b) return 0;
  const ya = a.slice(0, 4);
  const yb = b.slice(0, 4);
  const ma = a.slice(4, 6);
  const mb = b.slice(4, 6);
  const da = a.slice(6, 8);
  const db = b.slice(6, 8);
  if ((ya === yb && ma === db && da === mb) || damerau(a, b, 1) <= 1) return 1;
  const same = Number(ya === yb) + Number(ma === mb) + Number(da === db);
  return same >= 2 ? 2 : 3;
}

function phoneLevel(p: Prepared, i: number, j: number): number {
  const a = p.phone[i];
  const b = p.phone[j];
  if (a === null || b === null) return MISSING;
  if (a === b) return 0;
  if ((p.phoneTail[i] !== null && p.phoneTail[i] === p.phoneTail[j]) || damerau(a, b, 1) <= 1) return 1;
  return 2;
}

function emailLevel(p: Prepared, i: number, j: number): number {
  const a = p.email[i];
  const b = p.email[j];
  if (a === null || b === null) return MISSING;
  if (a === b) return 0;
  const la = p.emailLocal[i];
  const lb = p.emailLocal[j];
  if (la !== null && la.length >= 4 && la === lb) return 1;
  if (damerau(a, b, 1) <= 1 && !(la !== null && lb !== null && numberedApart(la, lb))) return 1;
  return 2;
}

/**
 * Mailboxes that differ only in the number at their end (zhangwei / zhangwei2, user950 / user952)
 * are how providers and companies tell namesakes and accounts apart, not a typo.
 */
export function numberedApart(a: string, b: string): boolean {
  const stem = (s: string): string => s.replace(/\d+$/, '');
  return a !== b && stem(a) === stem(b) && (/\d$/.test(a) || /\d$/.test(b));
}

/** City and province together: a city implies its province, so they are one piece of evidence. */
function locationLevel(p: Prepared, i: number, j: number): number {
  const a = p.city[i];
  const b = p.city[j];
  const pa = p.province[i];
  const pb = p.province[j];
  const sameProvince = pa !== null && pa === pb;
  if (a !== null && b !== null) {
    if (a === b) return 0;
    const ra = p.cityRoman[i] as string;
    const rb = p.cityRoman[j] as string;
    if (ra === rb || jaroWinkler(ra, rb) >= 0.9) return 1;
    return sameProvince ? 3 : 4;
  }
  if (pa === null || pb === null) return MISSING;
  return sameProvince ? 2 : 4;
}

function textLevel(col: Col, tokens: TokenColumn, i: number, j: number, jwClose: number): number {
  const a = col[i];
  const b = col[j];
  if (a === null || b === null) return MISSING;
  if (a === b) return 0;
  const ts = tokenSetSimilarityOf(tokens, i, j);
  // Jaro-Winkler catches typos inside words; unrelated texts share no token and skip it
  if (ts >= 0.8 || (jwClose < 1 && ts > 0 && jaroWinkler(a, b) >= jwClose)) return 1;
  if (ts >= 0.5) return 2;
  return 3;
}

/** Fills out[k] with the level of comparison k for records i and j; returns whether names were swapped. */
export function compareInto(p: Prepared, i: number, j: number, out: Uint8Array): boolean {
  const names = nameLevels2(p, i, j);
  out[GIVEN] = names.given;
  out[FAMILY] = names.family;
  out[2] = birthLevel(p.birth[i], p.birth[j]);
  out[3] = exactOrEdits(p.idNumber[i], p.idNumber[j], 2);
  out[4] = phoneLevel(p, i, j);
  out[5] = emailLevel(p, i, j);
  out[6] = exactOrEdits(p.postcode[i], p.postcode[j], 1);
  out[7] = locationLevel(p, i, j);
  out[8] = textLevel(p.address, p.addressTokens, i, j, 0.92);
  out[9] = textLevel(p.company, p.companyTokens, i, j, 1);
  return names.swapped;
}

/** The two values a comparison looked at, for explanations. */
export function comparedValues(p: Prepared, k: number, i: number, j: number, swapped: boolean): [string | null, string | null] {
  const cols: Col[][] = [[p.given, p.family], [p.family, p.given]];
  if (k === GIVEN) return [p.given[i], (swapped ? cols[0][1] : cols[0][0])[j]];
  if (k === FAMILY) return [p.family[i], (swapped ? cols[1][1] : cols[1][0])[j]];
  if (k === comparisonIndex.location) return [place(p, i), place(p, j)];
  const col = [null, null, p.birth, p.idNumber, p.phone, p.email, p.postcode, null, p.address, p.company][k] as Col;
  return [col[i], col[j]];
}

function place(p: Prepared, i: number): string | null {
  const parts = [p.city[i], p.province[i]].filter((x) => x !== null);
  return parts.length === 0 ? null : parts.join(', ');
}
