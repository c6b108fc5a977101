import { openStore, type Db } from '../../src/store/db.js';
import { rulesSchema } from '../../src/store/migrations/006-rules.js';
import type { Config } from '../../src/config.js';
import { section as rulesSection } from '../../src/rules/config.js';
import { section as serviceSection } from '../../src/service/config.js';

/** An in-memory store with the core schema and the rules tables. */
export function memoryStore(): Db {
  const db = openStore(':memory:');
  // Until src/store/migrations/index.ts lists 006-rules, create its tables here.
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'tasks'").get()) db.exec(rulesSchema);
  for (const kind of ['customers', 'orders', 'feedback', 'tickets']) {
    db.prepare(
      `INSERT INTO sources (path, name, sha256, size, kind, format, imported_at) VALUES (?, ?, ?, 0, ?, 'csv', '2025-01-01T00:00:00Z')`,
    ).run(`/x/${kind}.csv`, `${kind}.csv`, kind, kind);
  }
  return db;
}

function sourceId(db: Db, kind: string): number {
  return (db.prepare('SELECT id FROM sources WHERE kind = ?').get(kind) as { id: number }).id;
}

let line = 0;

export interface CustomerSpec {
  code: string;
  name?: string;
  contractEnd?: string;
  level?: string;
  owner?: string;
  registered?: string;
  annualRevenueCents?: number;
  channel?: string;
}

export function addCustomer(db: Db, c: CustomerSpec): number {
  return Number(
    db
      .prepare(
        `INSERT INTO customers (source_id, line, row_hash, customer_code, name, name_norm, owner, level, channel, contract_end_date, registered_date, annual_revenue_cents, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'now')`,
      )
      .run(sourceId(db, 'customers'), ++line, `h${line}`, c.code, c.name ?? c.code, c.name ?? c.code, c.owner ?? null, c.level ?? null, c.channel ?? null, c.contractEnd ?? null, c.registered ?? null, c.annualRevenueCents ?? null).lastInsertRowid,
  );
}

export function addOrder(db: Db, customerId: number, day: string, cents: number, status: string | null = 'paid'): void {
  db.prepare(
    `INSERT INTO orders (source_id, line, row_hash, order_code, order_day, amount_cents, status_norm, customer_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'now')`,
  ).run(sourceId(db, 'orders'), ++line, `h${line}`, `O${line}`, day, cents, status, customerId);
}

export function addFeedback(db: Db, customerId: number | null, submitted: string, nps: number | null, comment: string | null = null): number {
  return Number(
    db
      .prepare(`INSERT INTO feedback (source_id, line, row_hash, feedback_code, submitted_ts, nps_n, comment, customer_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'now')`)
      .run(sourceId(db, 'feedback'), ++line, `h${line}`, `F${line}`, submitted, nps, comment, customerId).lastInsertRowid,
  );
}

export function addTicket(db: Db, customerId: number | null, t: { code: string; opened: string; firstResponse?: string; resolved?: string; channel?: string }): void {
  db.prepare(
    `INSERT INTO tickets (source_id, line, row_hash, ticket_code, opened_ts, first_response_ts, resolved_ts, channel, customer_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'now')`,
  ).run(sourceId(db, 'tickets'), ++line, `h${line}`, t.code, t.opened, t.firstResponse ?? null, t.resolved ?? null, t.channel ?? null, customerId);
}

/** A loaded config's rules and service sections (the other sections are not read by these stages). */
export function configWith(rules: unknown = undefined, service: unknown = undefined): Config {
  return { rules: rulesSection.parse(rules), service: serviceSection.parse(service) } as unknown as Config;
}

export function taskCount(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM tasks').get() as { n: number }).n;
}
