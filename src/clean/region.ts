import { toSimplified } from './han.js';
import { AREA_CODES, CITY_ALIASES, CITY_LATIN, LATIN_PREFERRED, PROVINCES } from './region-data.js';
import { hasHan, memoise, normaliseValue } from './text.js';

interface Tables {
  provinceByName: Map<string, string>;
  provinceNames: string[]; // longest first, for prefix matching
  cityByName: Map<string, string>;
  cityNames: string[]; // longest first
  provinceOfCity: Map<string, string>;
  cityByLatin: Map<string, string>;
  /** Every province and city spelling (short, full, with 省/市): the names companyKey moves out. */
  regionNames: Set<string>;
}

let tables: Tables | undefined;

function build(): Tables {
  const provinceByName = new Map<string, string>();
  const cityByName = new Map<string, string>();
  const provinceOfCity = new Map<string, string>();
  for (const p of PROVINCES) {
    provinceByName.set(p.short, p.short);
    provinceByName.set(p.full, p.short);
    if (!p.full.endsWith('省')) provinceByName.set(p.short + '省', p.short);
    for (const latin of p.latin) provinceByName.set(provinceLatinKey(latin), p.short);
    for (const entry of p.cities.split(' ')) {
      const [full, explicit] = entry.split('=');
      const short = explicit ?? full.replace(/(市|地区|盟|林区)$/, '');
      cityByName.set(full, short);
      cityByName.set(short, short);
      if (!full.endsWith('市') && !short.endsWith('州')) cityByName.set(short + '州', short);
      provinceOfCity.set(short, p.short);
    }
  }
  provinceByName.set('台湾地区', '台湾');
  provinceByName.set('中国香港', '香港');
  provinceByName.set('中国澳门', '澳门');
  provinceByName.set('中国台湾', '台湾');
  for (const [alias, short] of Object.entries(CITY_ALIASES)) cityByName.set(alias, short);
  const cityByLatin = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const item of CITY_LATIN.split(' ')) {
    const [short, latins] = item.split(':');
    for (const latin of latins.split(',')) {
      const seen = cityByLatin.get(latin);
      if (seen !== undefined && seen !== short) ambiguous.add(latin);
      else cityByLatin.set(latin, short);
    }
  }
  for (const latin of ambiguous) cityByLatin.delete(latin);
  for (const [latin, short] of Object.entries(LATIN_PREFERRED)) cityByLatin.set(latin, short);
  // Names companyKey may move out of a company name. Short names of prefectures that are not cities
  // (阿里 for 阿里地区, 红河, 玉树 …) are ordinary words too, so only their full forms count.
  const regionNames = new Set<string>();
  for (const name of provinceByName.keys()) if (hasHan(name)) regionNames.add(name);
  for (const [name, short] of cityByName) {
    if (name !== short || cityByName.has(short + '市')) regionNames.add(name);
    if (cityByName.has(short + '市')) regionNames.add(short + '市');
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  return {
    provinceByName,
    provinceNames: [...provinceByName.keys()].filter(hasHan).sort(byLength),
    cityByName,
    cityNames: [...cityByName.keys()].sort(byLength),
    provinceOfCity,
    cityByLatin,
    regionNames,
  };
}

function t(): Tables {
  tables ??= build();
  return tables;
}

function latinKey(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[\s'’.-]+/g, '');
}

function provinceLatinKey(s: string): string {
  return latinKey(s).replace(/(province|sheng|municipality|shi|autonomousregion|sar)$/, '');
}

function cjk(s: string): string {
  return toSimplified(s).replace(/\s+/g, '');
}

/** 广东省 / 广东 / Guangdong / 廣東省 → 广东; 广西壮族自治区 → 广西; unknown → null. A leading province in a longer value (广东省深圳市) counts. */
export const normaliseProvince: (s: string | null | undefined) => string | null = memoise(provinceUncached);

function provinceUncached(s: string): string | null {
  const n = normaliseValue(s);
  if (n === null) return null;
  const { provinceByName, provinceNames } = t();
  if (!hasHan(n)) {
    return provinceByName.get(provinceLatinKey(n)) ?? null;
  }
  const c = cjk(n).replace(/^中国/, '');
  const exact = provinceByName.get(c);
  if (exact) return exact;
  for (const name of provinceNames) if (c.startsWith(name)) return provinceByName.get(name) ?? null;
  return null;
}

/** True for a Chinese province or city name in any of its spellings (广东, 广东省, 深圳, 深圳市). Simplified input. */
export function isRegionName(s: string): boolean {
  return t().regionNames.has(s);
}

/** The province a known city belongs to (深圳 → 广东), or null. */
export function provinceOfCity(city: string | null | undefined): string | null {
  return city ? (t().provinceOfCity.get(city) ?? null) : null;
}

/**
 * 深圳市 / 深圳 / Shenzhen / 广东省深圳市南山区 → 深圳; 延边朝鲜族自治州 → 延边. County-level and other
 * unknown names are returned normalised without a trailing 市 (昆山市 → 昆山).
 */
export const normaliseCity: (s: string | null | undefined) => string | null = memoise(cityUncached);

function cityUncached(s: string): string | null {
  const n = normaliseValue(s);
  if (n === null) return null;
  const { cityByName, cityNames, cityByLatin, provinceNames } = t();
  if (!hasHan(n)) {
    const key = latinKey(n).replace(/(city|shi)$/, '');
    return cityByLatin.get(key) ?? n;
  }
  let c = cjk(n).replace(/^中国/, '');
  const exact = cityByName.get(c);
  if (exact) return exact;
  // Drop a leading province (广东省深圳市 → 深圳市) unless that leaves nothing but a suffix (吉林市).
  for (const name of provinceNames) {
    if (c.startsWith(name)) {
      const rest = c.slice(name.length);
      if (rest.length >= 2) c = rest;
      break;
    }
  }
  const again = cityByName.get(c);
  if (again) return again;
  // A known city followed by its district or address: 深圳市南山区 → 深圳.
  for (const name of cityNames) {
    if (c.startsWith(name) && (name.length >= 3 || /^(?:市|地区|州)/.test(c.slice(name.length)) || /[市州盟区]$/.test(name))) {
      return cityByName.get(name) ?? null;
    }
  }
  return c.length > 2 && c.endsWith('市') ? c.slice(0, -1) : c;
}

/**
 * Province and city of a Chinese landline from its area code (+86 755 … → 广东 深圳). City is null when the
 * code serves several prefecture-level cities (0898 all of Hainan). Mobiles carry no location: null.
 */
export function cityFromPhone(e164: string | null | undefined): { province: string; city: string | null } | null {
  if (!e164 || !e164.startsWith('+86')) return null;
  const national = e164.slice(3);
  if (national.startsWith('1') && !national.startsWith('10')) return null;
  const hit = AREA_CODES[national.slice(0, 2)] ?? AREA_CODES[national.slice(0, 3)];
  if (!hit || national.length < 9) return null;
  return { province: hit[0], city: hit[1] === '' ? null : hit[1] };
}
