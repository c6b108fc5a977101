import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';
import { NotComputedYet, tableExists, type Exportable } from '../store/exportables.js';
import { toMatchRecord } from './records.js';
import type { GoldenRecord } from './survivorship.js';
import { GOLDEN_FIELDS, type GoldenField } from './types.js';

/** Golden-record field → entities column. */
export const ENTITY_COLUMN: Record<GoldenField, string> = {
  name: 'name',
  givenName: 'given_name',
  familyName: 'family_name',
  phone: 'phone',
  email: 'email',
  company: 'company',
  province: 'province',
  city: 'city',
  address: 'address',
  postcode: 'postcode',
  birthDate: 'birth_date',
  idNumber: 'id_number',
};
export const ENTITY_VALUE_COLUMNS = GOLDEN_FIELDS.map((f) => ENTITY_COLUMN[f]);
/** Every column of an entity row, in table order after id. */
export const ENTITY_ROW_COLUMNS = [...ENTITY_VALUE_COLUMNS, 'members', 'provenance', 'dedupe_run', 'updated_at'];

export interface EntityRow {
  id: number;
  [column: string]: string | number | null;
}

export function entityValues(golden: GoldenRecord, run: number | null, now: string): (string | number | null)[] {
  const provenance = JSON.stringify(Object.fromEntries(GOLDEN_FIELDS.filter((f) => golden.from[f] !== null).map((f) => [f, golden.from[f]])));
  return [...GOLDEN_FIELDS.map((f) => golden.values[f]), golden.members.length, provenance, run, now];
}

/**
 * Gives every customer without an entity a singleton entity (its own values as the golden record),
 * so other stages can count per entity before or without a dedupe run. Returns how many were created.
 */
export function ensureEntities(db: Db): number {
  if (db.prepare('SELECT 1 FROM customers WHERE entity_id IS NULL LIMIT 1').get() === undefined) return 0;
  const insert = db.prepare(`INSERT INTO entities (${ENTITY_ROW_COLUMNS.join(', ')}) VALUES (${ENTITY_ROW_COLUMNS.map(() => '?').join(', ')})`);
  const link = db.prepare('UPDATE customers SET entity_id = ? WHERE id = ?');
  const page = db.prepare(
    `SELECT id, source_id, updated_at, name, name_norm, name_key, given_name, family_name, phone_e164, email_norm, company, company_key,
            province, province_norm, city, city_norm, street_number, address, address2, postcode, birth_date, birth_date_norm, id_number
       FROM customers WHERE entity_id IS NULL AND id > ? ORDER BY id LIMIT 5000`,
  );
  const now = nowIso();
  let created = 0;
  const run = db.transaction(() => {
    let after = 0;
    for (;;) {
      const rows = page.all(after) as Parameters<typeof toMatchRecord>[0][];
      if (rows.length === 0) break;
      for (const row of rows) {
        const r = toMatchRecord(row);
        const values = Object.fromEntries(GOLDEN_FIELDS.map((f) => [f, (r[f] as string | null | undefined) ?? null])) as GoldenRecord['values'];
        const from = Object.fromEntries(GOLDEN_FIELDS.map((f) => [f, values[f] === null ? null : r.id])) as GoldenRecord['from'];
        const info = insert.run(...entityValues({ values, from, members: [r.id] }, null, now));
        link.run(Number(info.lastInsertRowid), r.id);
        created++;
      }
      after = rows[rows.length - 1].id;
    }
  });
  run();
  return created;
}

/** `custops export entities`: one golden record per entity with its member record ids. */
export function entitiesExport(db: Db): Exportable {
  if (!tableExists(db, 'entities') || db.prepare('SELECT 1 FROM entities LIMIT 1').get() === undefined) {
    throw new NotComputedYet('entities', 'custops dedupe');
  }
  const columns = [
    { key: 'entity_id', header: 'entity_id', type: 'int' as const },
    ...ENTITY_VALUE_COLUMNS.map((c) => ({ key: c, header: c })),
    { key: 'members', header: 'members', type: 'int' as const },
    { key: 'member_ids', header: 'member_ids' },
    { key: 'dedupe_run', header: 'dedupe_run', type: 'int' as const },
    { key: 'updated_at', header: 'updated_at' },
  ];
  return {
    columns,
    sql: `SELECT e.id AS entity_id, ${ENTITY_VALUE_COLUMNS.map((c) => `e.${c}`).join(', ')}, e.members,
                 (SELECT group_concat(c.id, ' ') FROM (SELECT id FROM customers WHERE entity_id = e.id ORDER BY id) c) AS member_ids,
                 e.dedupe_run, e.updated_at
            FROM entities e ORDER BY e.id`,
  };
}

/** Golden records, one object per entity (for callers that want rows rather than SQL). */
export function* goldenRecords(db: Db): Generator<Record<string, unknown>> {
  const { sql } = entitiesExport(db);
  const page = db.prepare(`SELECT * FROM (${sql}) WHERE entity_id > ? LIMIT 5000`);
  let after = 0;
  for (;;) {
    const rows = page.all(after) as Record<string, unknown>[];
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1].entity_id as number;
  }
}
