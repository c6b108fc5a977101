import type { Db } from '../store/db.js';
import type { MatchRecord } from './types.js';

/** Customer columns the matching engine reads (normalised values first, raw as fallback). */
const SELECT = `SELECT id, source_id, updated_at, name, name_norm, name_key, given_name, family_name,
  phone_e164, email_norm, company, company_key, province, province_norm, city, city_norm,
  street_number, address, address2, postcode, birth_date, birth_date_norm, id_number
  FROM customers`;

interface CustomerRow {
  id: number;
  source_id: number;
  updated_at: string;
  name: string | null;
  name_norm: string | null;
  name_key: string | null;
  given_name: string | null;
  family_name: string | null;
  phone_e164: string | null;
  email_norm: string | null;
  company: string | null;
  company_key: string | null;
  province: string | null;
  province_norm: string | null;
  city: string | null;
  city_norm: string | null;
  street_number: string | null;
  address: string | null;
  address2: string | null;
  postcode: string | null;
  birth_date: string | null;
  birth_date_norm: string | null;
  id_number: string | null;
}

export function toMatchRecord(r: CustomerRow): MatchRecord {
  const address = [r.street_number, r.address, r.address2].filter((x) => x !== null && x.trim() !== '').join(' ');
  return {
    id: r.id,
    name: r.name_norm ?? r.name,
    nameKey: r.name_key,
    givenName: r.given_name,
    familyName: r.family_name,
    phone: r.phone_e164,
    email: r.email_norm,
    company: r.company,
    companyKey: r.company_key,
    province: r.province_norm ?? r.province,
    city: r.city_norm ?? r.city,
    address: address === '' ? null : address,
    postcode: r.postcode,
    // an invalid date (a typo) still carries evidence: keep the raw digits
    birthDate: r.birth_date_norm ?? r.birth_date,
    idNumber: r.id_number,
    sourceId: r.source_id,
    updatedAt: r.updated_at,
  };
}

const COLUMNS = SELECT.slice('SELECT '.length, SELECT.indexOf('FROM')).split(',').map((c) => c.trim()) as (keyof CustomerRow)[];

/** All customers as match records, read in pages by id so writes may happen between pages. */
export function* customerRecords(db: Db, pageSize = 20000): Generator<MatchRecord> {
  // rows as arrays: building an object per row costs more than reading it at a million rows
  const page = db.prepare(`${SELECT} WHERE id > ? ORDER BY id LIMIT ?`).raw(true);
  const row = {} as Record<keyof CustomerRow, unknown>;
  let after = 0;
  for (;;) {
    const rows = page.all(after, pageSize) as unknown[][];
    if (rows.length === 0) return;
    for (const values of rows) {
      for (let c = 0; c < COLUMNS.length; c++) row[COLUMNS[c]] = values[c];
      yield toMatchRecord(row as unknown as CustomerRow);
    }
    after = rows[rows.length - 1][0] as number;
  }
}

export function customersById(db: Db, ids: number[]): MatchRecord[] {
  const out: MatchRecord[] = [];
  const stmt = db.prepare(`${SELECT} WHERE id = ?`);
  for (const id of ids) {
    const row = stmt.get(id) as CustomerRow | undefined;
    if (row) out.push(toMatchRecord(row));
  }
  return out;
}
