import { kinds } from '../../ingest/fields.js';
import { mapHeaders } from '../../ingest/mapping.js';

/**
 * Masking of personal data for files shared outside the team (`--mask-pii`):
 * phones 138****5678, e-mails z***@qq.com, names 张* / J*** S****, ID numbers 110***********1234,
 * addresses and birth dates cut to what is not identifying, and phones or e-mails inside free text.
 */
export type PiiKind = 'phone' | 'email' | 'name' | 'subject' | 'id' | 'address' | 'birth' | 'record' | 'text';

const han = /\p{Script=Han}/u;

/** 13812345678 and +86 138-1234-5678 → 138****5678; +1 415 555 2671 → +1 41****2671; short numbers keep only the last 2 digits. */
export function maskPhone(value: string): string {
  let digits = value.replace(/\D/g, '');
  if (digits.length === 0) return value;
  const international = value.trim().startsWith('+') || (digits.startsWith('00') && digits.length > 12);
  if (digits.startsWith('00') && international) digits = digits.slice(2);
  let national = digits;
  let prefix = '';
  const e164 = international;
  if (digits.length === 13 && digits.startsWith('86')) {
    national = digits.slice(2); // Chinese numbers read as they are dialled at home: 138****5678
  } else if (e164) {
    const cc = digits.length > 10 ? digits.length - 10 : 1;
    prefix = `+${digits.slice(0, cc)} `;
    national = digits.slice(cc);
  }
  if (national.length >= 7) {
    const keepHead = national.length >= 11 ? 3 : 2;
    return prefix + national.slice(0, keepHead) + '*'.repeat(national.length - keepHead - 4) + national.slice(-4);
  }
  return prefix + '*'.repeat(Math.max(0, national.length - 2)) + national.slice(-2);
}

/** zhang.san@qq.com → z***@qq.com. Text without @ is masked as free text. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskText(value);
  const local = value.slice(0, at).trim();
  return `${[...local][0] ?? ''}***${value.slice(at).trim()}`;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***, John Smith → J*** S****, SMITH, John → S****, J***. */
export function maskName(value: string): string {
  const text = value.trim();
  if (text === '') return value;
  if (han.test(text)) {
    const chars = [...text.replace(/\s+/g, '')];
    return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
  }
  return text.replace(/\p{L}[\p{L}\p{M}'’.-]*/gu, (word) => {
    const chars = [...word];
    return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
  });
}

/** "C100126 蔡嘉怡" (code and name, as task subjects read) → "C100126 蔡**"; without a leading code, the whole text is a name. */
export function maskCodeAndName(value: string): string {
  const m = /^(\S+)\s+(\S.*)$/u.exec(value.trim());
  if (m && !han.test(m[1]) && /\d/.test(m[1])) return `${m[1]} ${maskName(m[2])}`;
  return maskName(value);
}

/** 110101199003074518 → 110***********4518: region prefix and birth date hidden, last 4 kept for matching. */
export function maskIdNumber(value: string): string {
  const text = value.trim().replace(/\s+/g, '');
  if (text.length <= 4) return '*'.repeat(text.length);
  const keepHead = text.length >= 15 ? 3 : 1;
  return text.slice(0, keepHead) + '*'.repeat(text.length - keepHead - 4) + text.slice(-4);
}

/** Keeps the province/city/district part of an address (up to the last 区/县/市/旗 in its first ten characters, at most half of it), masks the rest. */
export function maskAddress(value: string): string {
  const chars = [...value.trim()];
  if (chars.length === 0) return value;
  let regionEnd = -1;
  chars.slice(0, 10).forEach((c, i) => {
    if (i >= 1 && /[省区县市旗州盟]/.test(c)) regionEnd = i;
  });
  const keep = Math.min(regionEnd >= 0 ? regionEnd + 1 : 6, Math.floor(chars.length / 2));
  return chars.slice(0, keep).join('') + '***';
}

/** Birth dates keep the year only: 1990-03-07 → 1990-**-**. */
export function maskBirthDate(value: string): string {
  const year = /(?:19|20)\d{2}/.exec(value)?.[0];
  return year ? `${year}-**-**` : '****';
}

const phoneInText = /(?<![\d.])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d){8}(?!\d)/g;
const landlineInText = /(?<![\d.])0\d{2,3}[-\s]?\d{7,8}(?!\d)/g;
const emailInText = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const idInText = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;

/** Free text (comments, notes, kept extra columns): phones, e-mails and ID numbers inside it are masked. */
export function maskText(value: string): string {
  return value
    .replace(emailInText, (m) => maskEmail(m))
    .replace(idInText, (m) => maskIdNumber(m))
    .replace(phoneInText, (m) => maskPhone(m))
    .replace(landlineInText, (m) => maskPhone(m));
}

/** The custops field a source header maps to (客户名称 → name), for any record kind; cached. */
const fieldOfHeader = new Map<string, string | null>();
function fieldOf(header: string): string | null {
  let field = fieldOfHeader.get(header);
  if (field === undefined) {
    field = null;
    for (const kind of kinds) {
      field = mapHeaders([header], kind).columns[0].field;
      if (field) break;
    }
    fieldOfHeader.set(header, field);
  }
  return field;
}

/**
 * A rejected row kept as JSON under its source headers ({"客户名称":"张三","手机号码":"138…"}):
 * each value is masked as the field its header maps to; text that is not a JSON object as free text.
 */
export function maskRecordJson(value: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return maskText(value);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return maskText(value);
  const masked: Record<string, unknown> = {};
  for (const [header, v] of Object.entries(parsed as Record<string, unknown>)) {
    const kind = piiKindOf(fieldOf(header) ?? header);
    masked[header] = typeof v === 'string' && v !== '' ? maskers[kind === 'record' ? 'text' : kind](v) : v;
  }
  return JSON.stringify(masked);
}

const exactKinds: Record<string, PiiKind> = {
  name: 'name', given_name: 'name', family_name: 'name', customer_name: 'name', name_norm: 'name', contact: 'name',
  contact_name: 'name', golden_name: 'name', owner_name: 'name',
  customer: 'name', // feedback alerts: the customer's name beside customer_code
  subject: 'subject', // follow-up tasks: "C100126 蔡嘉怡"
  original: 'record', // rejects: the row as read, JSON under the source headers
  name_key: 'id', // pinyin/fingerprint of the name: as identifying as the name itself
  phone: 'phone', phone_e164: 'phone', mobile: 'phone', golden_phone: 'phone',
  email: 'email', email_norm: 'email', email_suggest: 'email', golden_email: 'email',
  id_number: 'id',
  address: 'address', address2: 'address', street_number: 'address', golden_address: 'address',
  birth_date: 'birth', birth_date_norm: 'birth',
};

/** How a column is masked, from its key: known personal fields by name, every other text column as free text. */
export function piiKindOf(key: string): PiiKind {
  const k = key.toLowerCase();
  if (exactKinds[k]) return exactKinds[k];
  if (/(^|_)(phone|mobile|tel)(_|$)/.test(k)) return 'phone';
  if (/(^|_)e?mail(_|$)/.test(k)) return 'email';
  return 'text';
}

const maskers: Record<PiiKind, (v: string) => string> = {
  phone: maskPhone, email: maskEmail, name: maskName, subject: maskCodeAndName, id: maskIdNumber, address: maskAddress, birth: maskBirthDate, record: maskRecordJson, text: maskText,
};

export function maskValue(value: unknown, kind: PiiKind): unknown {
  if (typeof value !== 'string' || value === '') return value;
  return maskers[kind](value);
}

/** A row transformer masking the given column keys (computed once per export, applied per row). */
export function rowMasker(keys: readonly string[]): (row: Record<string, unknown>) => Record<string, unknown> {
  const plan = keys.map((key) => [key, piiKindOf(key)] as const);
  return (row) => {
    for (const [key, kind] of plan) {
      const v = row[key];
      if (typeof v === 'string' && v !== '') row[key] = maskers[kind](v);
    }
    return row;
  };
}
