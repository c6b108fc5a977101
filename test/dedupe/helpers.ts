import { openStore, type Db } from '../../src/store/db.js';
import { tableExists } from '../../src/store/exportables.js';
import { dedupeSchema } from '../../src/store/migrations/003-dedupe.js';

/** An in-memory store with the dedupe tables (applied here too until migration 003 is registered). */
export function openTestStore(): Db {
  const db = openStore(':memory:');
  if (!tableExists(db, 'entities')) db.exec(dedupeSchema);
  db.prepare("INSERT INTO sources (id, path, name, sha256, size, kind, format, imported_at) VALUES (1, 'crm.csv', 'crm.csv', 'x', 1, 'customers', 'csv', '2024-01-01')").run();
  db.prepare("INSERT INTO sources (id, path, name, sha256, size, kind, format, imported_at) VALUES (2, 'shop.csv', 'shop.csv', 'y', 1, 'customers', 'csv', '2024-01-02')").run();
  return db;
}

export interface TestCustomer {
  id: number;
  name?: string;
  phone?: string;
  email?: string;
  city?: string;
  province?: string;
  company?: string;
  birth?: string;
  source?: number;
  updated?: string;
}

export function insertCustomers(db: Db, customers: TestCustomer[]): void {
  const stmt = db.prepare(
    `INSERT INTO customers (id, source_id, line, row_hash, name, name_norm, phone, phone_e164, email, email_norm, city, city_norm, province, company, birth_date, birth_date_norm, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of customers) {
    stmt.run(c.id, c.source ?? 1, c.id + 1, `h${c.id}`, c.name ?? null, c.name ?? null, c.phone ?? null, c.phone ?? null, c.email ?? null, c.email ?? null, c.city ?? null, c.city ?? null, c.province ?? null, c.company ?? null, c.birth ?? null, c.birth ?? null, c.updated ?? '2024-01-01T00:00:00Z');
  }
}

/** Customers' entity ids and the entities table, for exact before/after comparisons. */
export function snapshot(db: Db): { customers: unknown[]; entities: unknown[] } {
  return {
    customers: db.prepare('SELECT id, entity_id FROM customers ORDER BY id').all(),
    entities: db.prepare('SELECT * FROM entities ORDER BY id').all(),
  };
}

/** A small customer list with known duplicates plus namesakes in other cities. */
export function fixtureCustomers(): TestCustomer[] {
  const list: TestCustomer[] = [
    { id: 1, name: '张伟', phone: '+8613812345678', email: 'zhangwei@qq.com', city: '北京', birth: '1985-03-07', updated: '2024-01-01T00:00:00Z' },
    { id: 2, name: '張 偉', phone: '+8613812345678', city: '北京', source: 2, updated: '2024-05-01T00:00:00Z' },
    { id: 3, name: 'Wei Zhang', email: 'zhangwei@qq.com', city: '北京', birth: '1985-03-07', company: '北京华星科技有限公司', updated: '2023-06-01T00:00:00Z' },
    { id: 4, name: 'John Smith', phone: '+14155550101', email: 'john.smith@example.com', city: 'San Francisco' },
    { id: 5, name: 'SMITH John', phone: '+14155550101', city: 'San Francisco', source: 2 },
    { id: 6, name: 'Jon Smith', email: 'john.smith@example.com', city: 'San Francisco' },
  ];
  const cities = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '西安', '南京', '重庆'];
  let id = 100;
  for (const name of ['王芳', '王伟']) {
    for (let k = 0; k < 20; k++, id++) list.push({ id, name, phone: `+86139${String(10000000 + id * 7919).slice(-8)}`, city: cities[k % cities.length] });
  }
  for (let k = 0; k < 150; k++, id++) list.push({ id, name: `客户${k}号`, phone: `+86137${String(20000000 + k * 104729).slice(-8)}`, city: cities[k % cities.length] });
  return list;
}
