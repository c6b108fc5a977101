// Record-level normalisation: raw imported columns (DB column names of 001-core) → normalised columns
// plus the problems found. Pure functions; ingest calls them per row and `custops clean` re-runs them.
import { companyKey } from './company.js';
import { parseDate } from './date.js';
import { parseEmail } from './email.js';
import { parseMoney } from './money.js';
import { joinNameParts, nameKey, nameNorm } from './name.js';
import { parsePhone } from './phone.js';
import { cityFromPhone, normaliseCity, normaliseProvince, provinceOfCity } from './region.js';
import { parseScore } from './score.js';
import { parseOrderStatus } from './status.js';
import { normaliseValue } from './text.js';

export interface NormaliseOptions {
  /** Region for numbers written without a country code (ISO 3166 alpha-2). */
  defaultRegion: string;
  /** 05/03/2025 → 5 March when true, 3 May when false. */
  dayFirst: boolean;
  /** Store email domain-typo suggestions as the normalised email (custops clean --fix). */
  fixEmails: boolean;
  /** Fill a missing province/city from a landline's area code. */
  inferRegionFromPhone: boolean;
}

export const defaultNormaliseOptions: NormaliseOptions = {
  defaultRegion: 'CN',
  dayFirst: false,
  fixEmails: false,
  inferRegionFromPhone: true,
};

export interface Problem {
  /** Raw column the problem is in. */
  field: string;
  /** The raw value as imported. */
  value: string;
  /** Stable code: phone_invalid, email_invalid, email_typo, date_invalid, money_invalid, … */
  problem: string;
  /** English one-liner with the detail (the reason code of the parser). */
  message: string;
  suggestion?: string;
}

export type Raw = Record<string, string | null | undefined>;
export type Values = Record<string, string | number | null>;
export interface Normalised {
  values: Values;
  problems: Problem[];
}

function present(v: string | null | undefined): v is string {
  return v != null && v.trim() !== '';
}

function phone(raw: Raw, o: NormaliseOptions, values: Values, problems: Problem[], withOk: boolean): void {
  const text = raw.phone;
  values.phone_e164 = null;
  if (withOk) values.phone_ok = null;
  if (!present(text)) return;
  const r = parsePhone(text, o.defaultRegion);
  if (r.reason === 'empty') return;
  values.phone_e164 = r.e164;
  if (withOk) values.phone_ok = r.ok ? 1 : 0;
  if (!r.ok) problems.push({ field: 'phone', value: text, problem: 'phone_invalid', message: `invalid phone number (${r.reason})` });
  else if (r.reason === 'multiple') {
    problems.push({ field: 'phone', value: text, problem: 'phone_multiple', message: 'several phone numbers in one cell; the first is used' });
  }
}

function email(raw: Raw, o: NormaliseOptions, values: Values, problems: Problem[], full: boolean): void {
  const text = raw.email;
  values.email_norm = null;
  if (full) {
    values.email_ok = null;
    values.email_suggest = null;
  }
  if (!present(text)) return;
  const r = parseEmail(text);
  if (r.reason === 'empty') return;
  if (r.suggestion) {
    values.email_norm = o.fixEmails ? r.suggestion : r.email;
    if (full) {
      values.email_ok = o.fixEmails ? 1 : 0;
      values.email_suggest = r.suggestion;
    }
    problems.push({
      field: 'email', value: text, problem: 'email_typo', message: `email domain looks like a typo of ${r.suggestion.split('@')[1]}`,
      suggestion: r.suggestion,
    });
    return;
  }
  values.email_norm = r.email;
  if (full) values.email_ok = r.ok ? 1 : 0;
  if (!r.ok) problems.push({ field: 'email', value: text, problem: 'email_invalid', message: `invalid email address (${r.reason})` });
  else if (r.reason === 'multiple') {
    problems.push({ field: 'email', value: text, problem: 'email_multiple', message: 'several email addresses in one cell; the first is used' });
  }
}

function date(raw: Raw, field: string, column: string, o: NormaliseOptions, values: Values, problems: Problem[], dayOnly: boolean): void {
  const text = raw[field];
  values[column] = null;
  if (!present(text)) return;
  const r = parseDate(text, { dayFirst: o.dayFirst });
  if (r.iso === null) {
    if (r.reason !== 'empty') problems.push({ field, value: text, problem: 'date_invalid', message: `unreadable or impossible date (${r.reason})` });
    return;
  }
  values[column] = dayOnly ? r.iso.slice(0, 10) : r.iso;
}

function money(raw: Raw, field: string, column: string, values: Values, problems: Problem[]): void {
  const text = raw[field];
  values[column] = null;
  if (!present(text)) return;
  const r = parseMoney(text);
  if (r.cents === null) {
    if (r.reason !== 'empty') problems.push({ field, value: text, problem: 'money_invalid', message: `unreadable amount (${r.reason})` });
    return;
  }
  values[column] = r.cents;
}

function score(raw: Raw, field: string, column: string, min: number, max: number, integer: boolean, values: Values, problems: Problem[]): void {
  const text = raw[field];
  values[column] = null;
  if (!present(text)) return;
  const r = parseScore(text, min, max);
  if (r.value === null) {
    if (r.reason === 'empty') return;
    const problem = r.reason === 'out_of_range' ? 'score_out_of_range' : 'score_invalid';
    problems.push({ field, value: text, problem, message: `${field} must be a number from ${min} to ${max} (${r.reason})` });
    return;
  }
  if (integer && !Number.isInteger(r.value)) {
    problems.push({ field, value: text, problem: 'score_invalid', message: `${field} must be a whole number from ${min} to ${max} (not_integer)` });
    return;
  }
  values[column] = r.value;
}

const ADDRESS_CITY = /^(?:[^市州盟]{2,8}?(?:省|自治区))?([^省市]{2,7}?(?:市|自治州|地区|盟))/;

function region(raw: Raw, o: NormaliseOptions, values: Values, problems: Problem[]): void {
  let province = normaliseProvince(raw.province);
  const city = normaliseCity(raw.city);
  if (province === null && present(raw.province) && normaliseValue(raw.province) !== null) {
    problems.push({ field: 'province', value: raw.province, problem: 'province_unknown', message: 'not a Chinese province, municipality or region name' });
  }
  let cityNorm = city;
  const cityProvince = provinceOfCity(city);
  if (province !== null && cityProvince !== null && cityProvince !== province && city !== province) {
    problems.push({
      field: 'city', value: raw.city ?? '', problem: 'region_mismatch', message: `city ${city} is in ${cityProvince}, not in ${province}`,
    });
  }
  // Missing values are filled from what the record itself says elsewhere: the address, then a landline's area code.
  if ((province === null || cityNorm === null) && present(raw.address)) {
    const addressProvince = normaliseProvince(raw.address);
    const m = ADDRESS_CITY.exec(normaliseValue(raw.address) ?? '');
    const addressCity = m ? normaliseCity(m[1]) : null;
    const knownCity = provinceOfCity(addressCity) !== null ? addressCity : null;
    if (province === null && !present(raw.province)) province = addressProvince ?? provinceOfCity(knownCity);
    if (cityNorm === null && knownCity !== null && (province === null || provinceOfCity(knownCity) === province)) cityNorm = knownCity;
  }
  if (province === null && !present(raw.province) && cityProvince !== null) province = cityProvince;
  if (o.inferRegionFromPhone && (province === null || cityNorm === null) && typeof values.phone_e164 === 'string') {
    const fromPhone = cityFromPhone(values.phone_e164);
    if (fromPhone && (province === null || province === fromPhone.province)) {
      if (province === null && !present(raw.province)) province = fromPhone.province;
      if (cityNorm === null && !present(raw.city) && province === fromPhone.province) cityNorm = fromPhone.city;
    }
  }
  values.province_norm = province;
  values.city_norm = cityNorm;
}

/** Normalised customer columns (name_norm … annual_revenue_cents) and the problems found. */
export function normaliseCustomer(raw: Raw, o: NormaliseOptions = defaultNormaliseOptions): Normalised {
  const values: Values = {};
  const problems: Problem[] = [];
  const name = present(raw.name) ? raw.name : joinNameParts(raw.family_name, raw.given_name);
  values.name_norm = nameNorm(name);
  values.name_key = nameKey(name);
  phone(raw, o, values, problems, true);
  email(raw, o, values, problems, true);
  values.company_key = companyKey(raw.company);
  region(raw, o, values, problems);
  date(raw, 'registered_at', 'registered_date', o, values, problems, true);
  date(raw, 'birth_date', 'birth_date_norm', o, values, problems, true);
  date(raw, 'contract_end', 'contract_end_date', o, values, problems, true);
  money(raw, 'annual_revenue', 'annual_revenue_cents', values, problems);
  return { values, problems };
}

const QUANTITY = /^(?:[x×*]\s*)?([+-]?\d+(?:\.\d+)?)\s*(?:件|个|個|台|套|箱|瓶|盒|张|張|只|份|支|双|雙|袋|包|本|pcs?|units?|items?|ea)?$/i;

/** Normalised order columns (order_day, amount_cents, status_norm, quantity_n, phone_e164, email_norm). */
export function normaliseOrder(raw: Raw, o: NormaliseOptions = defaultNormaliseOptions): Normalised {
  const values: Values = {};
  const problems: Problem[] = [];
  date(raw, 'order_date', 'order_day', o, values, problems, true);
  values.quantity_n = null;
  if (present(raw.quantity)) {
    const q = QUANTITY.exec(normaliseValue(raw.quantity) ?? '');
    if (q) values.quantity_n = Number(q[1]);
    else problems.push({ field: 'quantity', value: raw.quantity, problem: 'quantity_invalid', message: 'quantity is not a number' });
  }
  // a line-item row prices one unit; an amount cell that only holds a placeholder ("-") gives no amount
  const lineItem = present(raw.unit_price) && (!present(raw.amount) || parseMoney(raw.amount).reason === 'empty');
  if (lineItem) lineAmount(raw, values, problems);
  else money(raw, 'amount', 'amount_cents', values, problems);
  const status = raw.status;
  if (!present(status) || normaliseValue(status) === null) {
    // a negative line with no status is a return or a credit note (Online Retail's C-invoices)
    values.status_norm = typeof values.amount_cents === 'number' && values.amount_cents < 0 ? 'refunded' : 'paid';
  } else {
    values.status_norm = parseOrderStatus(status);
    if (values.status_norm === null) {
      problems.push({ field: 'status', value: status, problem: 'status_unknown', message: 'unknown order status (expected paid, pending, cancelled or refunded words)' });
    }
  }
  phone(raw, o, values, problems, false);
  email(raw, o, values, problems, false);
  return { values, problems };
}

/** A line-item row's amount: unit price × quantity (one unit when the quantity is missing or unreadable). */
function lineAmount(raw: Raw, values: Values, problems: Problem[]): void {
  money(raw, 'unit_price', 'amount_cents', values, problems);
  const unit = values.amount_cents;
  const quantity = values.quantity_n;
  if (typeof unit === 'number' && typeof quantity === 'number') values.amount_cents = Math.round(unit * quantity);
}

/** Normalised feedback columns (submitted_ts, nps_n 0–10, csat_n 1–5, ces_n 1–7, phone_e164, email_norm). */
export function normaliseFeedback(raw: Raw, o: NormaliseOptions = defaultNormaliseOptions): Normalised {
  const values: Values = {};
  const problems: Problem[] = [];
  date(raw, 'submitted_at', 'submitted_ts', o, values, problems, false);
  score(raw, 'nps', 'nps_n', 0, 10, true, values, problems);
  score(raw, 'csat', 'csat_n', 1, 5, false, values, problems);
  score(raw, 'ces', 'ces_n', 1, 7, false, values, problems);
  phone(raw, o, values, problems, false);
  email(raw, o, values, problems, false);
  return { values, problems };
}
