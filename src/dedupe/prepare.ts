import { toSimplified } from '../clean/han.js';
import { hasHan, normaliseNamePart, romanise, soundex, splitFullName } from './names.js';
import { TokenColumnBuilder, type TokenColumn } from './similarity.js';
import type { MatchRecord } from './types.js';
import { pinyinSyllables } from './pinyin.js';

/**
 * Records turned into columns of comparable values (one array per field, index = record position),
 * so comparisons and blocking touch no objects and repeated values share one string.
 */
export interface Prepared {
  n: number;
  ids: number[];
  sourceIds: Int32Array;
  given: Col;
  givenRoman: Col;
  givenSound: Col;
  family: Col;
  familyRoman: Col;
  familySound: Col;
  /** Romanised name tokens sorted ("wei zhang"): 张伟 = 張偉 = Zhang Wei = WEI Zhang. */
  nameRomanKey: Col;
  phone: Col;
  phoneTail: Col;
  email: Col;
  emailLocal: Col;
  /** YYYYMMDD digits */
  birth: Col;
  idNumber: Col;
  postcode: Col;
  city: Col;
  cityRoman: Col;
  province: Col;
  address: Col;
  addressTokens: TokenColumn;
  company: Col;
  companyTokens: TokenColumn;
}

export type Col = (string | null)[];

type Share = (s: string | null) => string | null;

/** One string per distinct value, so repeated values cost a pointer. Per run: the map goes when preparing ends. */
function interner(): Share {
  const seen = new Map<string, string>();
  return (s) => {
    if (s === null) return null;
    const hit = seen.get(s);
    if (hit !== undefined) return hit;
    if (seen.size > 2_000_000) seen.clear();
    seen.set(s, s);
    return s;
  };
}

/** The string columns of Prepared (all but the token columns). */
const STRING_COLUMNS = [
  'given',
  'givenRoman',
  'givenSound',
  'family',
  'familyRoman',
  'familySound',
  'nameRomanKey',
  'phone',
  'phoneTail',
  'email',
  'emailLocal',
  'birth',
  'idNumber',
  'postcode',
  'city',
  'cityRoman',
  'province',
  'address',
  'company',
] as const satisfies readonly (keyof Prepared)[];

/**
 * Prepares records for matching. `expected`, the number of records when known beforehand, lets
 * every column be allocated once at its final size: columns grown by push leave two to three times
 * their size behind as garbage, which at a million records is most of what the heap carries.
 */
export function prepareRecords(records: Iterable<MatchRecord>, expected = Array.isArray(records) ? records.length : 0): Prepared {
  const column = (): Col => (expected > 0 ? new Array<string | null>(expected).fill(null) : []);
  const p: Prepared = {
    n: 0,
    ids: expected > 0 ? new Array<number>(expected).fill(0) : [],
    sourceIds: new Int32Array(0),
    given: column(),
    givenRoman: column(),
    givenSound: column(),
    family: column(),
    familyRoman: column(),
    familySound: column(),
    nameRomanKey: column(),
    phone: column(),
    phoneTail: column(),
    email: column(),
    emailLocal: column(),
    birth: column(),
    idNumber: column(),
    postcode: column(),
    city: column(),
    cityRoman: column(),
    province: column(),
    address: column(),
    addressTokens: { offsets: new Uint32Array(1), ids: new Uint32Array(0) },
    company: column(),
    companyTokens: { offsets: new Uint32Array(1), ids: new Uint32Array(0) },
  };
  const addressTokens = new TokenColumnBuilder();
  const companyTokens = new TokenColumnBuilder();
  let sources = new Int32Array(Math.max(expected, 1024));
  const shared = interner();
  for (const r of records) {
    // k past the expected count appends (the array grows as with push)
    const k = p.n;
    p.ids[k] = r.id;
    if (k === sources.length) {
      const bigger = new Int32Array(sources.length * 2);
      bigger.set(sources);
      sources = bigger;
    }
    sources[k] = r.sourceId ?? 0;
    setName(p, k, r, shared);
    const phone = cleanPhone(r.phone);
    p.phone[k] = phone;
    p.phoneTail[k] = phone && phone.length >= 8 ? phone.slice(-8) : null;
    const email = r.email ? r.email.trim().toLowerCase() || null : null;
    p.email[k] = email;
    p.emailLocal[k] = email && email.includes('@') ? email.slice(0, email.indexOf('@')) : null;
    p.birth[k] = shared(birthDigits(r.birthDate));
    p.idNumber[k] = alnumUpper(r.idNumber);
    p.postcode[k] = shared(alnumUpper(r.postcode));
    const city = shared(placeName(r.city, /(市|区|县)$/));
    p.city[k] = city;
    p.cityRoman[k] = city === null ? null : shared(placeRoman(city));
    const province = placeName(r.province, /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/);
    p.province[k] = province === null ? null : shared(placeRoman(province));
    const address = cleanAddress(r.address);
    p.address[k] = address;
    addressTokens.add(address);
    const company = shared(companyKeyOf(r.companyKey ?? null, r.company ?? null));
    p.company[k] = company;
    companyTokens.add(company);
    p.n++;
  }
  if (p.n !== expected) {
    // fewer records than expected: drop the unused tail; more: arrays grown by push keep up to
    // half their length spare, and copies fit exactly
    p.ids = p.ids.slice(0, p.n);
    for (const c of STRING_COLUMNS) p[c] = p[c].slice(0, p.n);
  }
  p.sourceIds = sources.slice(0, p.n);
  p.addressTokens = addressTokens.build();
  p.companyTokens = companyTokens.build();
  return p;
}

function setName(p: Prepared, k: number, r: MatchRecord, shared: Share): void {
  let family = normaliseNamePart(r.familyName);
  let given = normaliseNamePart(r.givenName);
  if (family === null && given === null) {
    const split = splitFullName(r.name ?? r.nameKey ?? null);
    family = split.family;
    given = split.given;
  }
  family = shared(family);
  given = shared(given);
  const familyRoman = family === null ? null : shared(romanise(family, true));
  const givenRoman = given === null ? null : shared(romanise(given, false));
  p.family[k] = family;
  p.given[k] = given;
  p.familyRoman[k] = familyRoman;
  p.givenRoman[k] = givenRoman;
  p.familySound[k] = familyRoman ? shared(soundex(familyRoman)) : null;
  p.givenSound[k] = givenRoman ? shared(soundex(givenRoman)) : null;
  const tokens = [familyRoman, givenRoman].filter((t): t is string => t !== null && t !== '');
  p.nameRomanKey[k] = tokens.length === 0 ? null : shared(tokens.sort().join(' '));
}

function cleanPhone(s: string | null | undefined): string | null {
  if (!s) return null;
  const digits = s.replace(/[^\d]/g, '');
  return digits.length < 5 ? null : digits;
}

/** YYYYMMDD from 'YYYY-MM-DD', 'YYYY/M/D', 'YYYYMMDD'; null when it has no such shape. */
export function birthDigits(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  if (/^\d{8}$/.test(t)) return t;
  const m = /^(\d{4})\D(\d{1,2})\D(\d{1,2})/.exec(t);
  if (!m) return null;
  return m[1] + m[2].padStart(2, '0') + m[3].padStart(2, '0');
}

function alnumUpper(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
  return t === '' ? null : t;
}

function placeName(s: string | null | undefined, suffix: RegExp): string | null {
  if (!s) return null;
  let t = s.normalize('NFKC').trim().toLowerCase();
  if (t === '') return null;
  if (hasHan(t)) {
    t = toSimplified(t).replace(/[^\u3400-\u9fff]/g, '');
    if (t.length > 2) t = t.replace(suffix, '');
  } else {
    t = t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  }
  return t === '' ? null : t;
}

const placeCache = new Map<string, string>();
function placeRoman(place: string): string {
  if (!hasHan(place)) return place.replace(/ /g, '');
  let r = placeCache.get(place);
  if (r === undefined) {
    r = pinyinSyllables(place).join('').toLowerCase();
    placeCache.set(place, r);
  }
  return r;
}

function cleanAddress(s: string | null | undefined): string | null {
  if (!s) return null;
  let t = s.normalize('NFKC').toLowerCase();
  if (hasHan(t)) t = toSimplified(t);
  t = t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return t === '' ? null : t;
}

const LEGAL_SUFFIXES =
  /(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|co ltd|company limited|limited|ltd|inc|llc|corp|corporation|gmbh|co)$/;

/** A company key when the clean stage gave none: case, width, brackets and legal suffixes dropped. */
export function companyKeyOf(key: string | null, company: string | null): string | null {
  if (key) return key;
  if (!company) return null;
  let t = company.normalize('NFKC').toLowerCase();
  if (hasHan(t)) t = toSimplified(t);
  t = t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  for (let i = 0; i < 2; i++) t = t.replace(LEGAL_SUFFIXES, '').trim();
  return t === '' ? null : t;
}
