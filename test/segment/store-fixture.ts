import { openStore, type Db } from '../../src/store/db.js';
import type { OrderInput } from '../../src/segment/metrics.js';

/** An in-memory store (all migrations, the segment tables included) with one customer and one order source. */
export function memoryStore(): Db {
  const db = openStore(':memory:');
  db.exec(`INSERT INTO sources (id, path, name, sha256, size, kind, format, imported_at) VALUES
    (1, 'c.csv', 'c.csv', '-', 0, 'customers', 'csv', '2025-01-01'),
    (2, 'o.csv', 'o.csv', '-', 0, 'orders', 'csv', '2025-01-01')`);
  return db;
}

export interface CustomerFixture {
  id: number;
  entityId?: number | null;
  name?: string;
  province?: string | null;
  annualRevenueCents?: number | null;
  registered?: string | null;
}

export function addCustomers(db: Db, customers: CustomerFixture[]): void {
  const stmt = db.prepare(
    `INSERT INTO customers (id, source_id, line, row_hash, name, name_norm, province_norm, annual_revenue_cents, registered_date, entity_id, updated_at)
     VALUES (@id, 1, @id, '', @name, @name, @province, @annualRevenueCents, @registered, @entityId, '')`,
  );
  for (const c of customers) {
    stmt.run({ name: `客户${c.id}`, province: null, annualRevenueCents: null, registered: null, entityId: null, ...c });
  }
}

export interface OrderFixture {
  customerId: number | null;
  day: string | null;
  cents: number | null;
  status?: string | null;
  /** Customer code written on the order (what links it, or keys an order-only entity). */
  code?: string | null;
  /** The order's own code (rows sharing one are lines of one order). */
  orderCode?: string | null;
}

export function addOrders(db: Db, orders: OrderFixture[]): void {
  const stmt = db.prepare(
    `INSERT INTO orders (source_id, line, row_hash, order_day, amount_cents, status_norm, customer_id, customer_code, order_code, updated_at)
     VALUES (2, ?, '', ?, ?, ?, ?, ?, ?, '')`,
  );
  orders.forEach((o, i) => stmt.run(i + 1, o.day, o.cents, o.status ?? null, o.customerId, o.code ?? null, o.orderCode ?? null));
}

/** The same orders as pure-function input, given the customer → entity map the store applies. */
export function asOrderInputs(orders: OrderFixture[], customers: CustomerFixture[]): OrderInput[] {
  const entityOf = new Map(customers.map((c) => [c.id, c.entityId ?? -c.id]));
  return orders
    .filter((o) => o.customerId !== null)
    .map((o) => ({ entityId: entityOf.get(o.customerId!)!, day: o.day, amountCents: o.cents, status: o.status ?? null, orderCode: o.orderCode ?? null }));
}
