import { describe, expect, it } from 'vitest';
import { dayNumber, dayString } from '../../src/segment/dates.js';
import { entityAttributes, entityNames, loadFacts } from '../../src/segment/facts.js';
import { computeMetrics } from '../../src/segment/metrics.js';
import { addCustomers, addOrders, asOrderInputs, memoryStore, type CustomerFixture, type OrderFixture } from './store-fixture.js';

const asOf = '2025-06-30';
const customers: CustomerFixture[] = [
  { id: 1, entityId: 100, province: '广东', annualRevenueCents: 100 },
  { id: 2, entityId: 100, province: '北京', annualRevenueCents: 900, registered: '2020-05-01' }, // same entity as 1
  { id: 3, province: '上海' },
  { id: 4 }, // no orders at all
];
const orders: OrderFixture[] = [
  { customerId: 1, day: '2025-01-10', cents: 1000, status: 'paid' },
  { customerId: 2, day: '2025-06-30', cents: 2000 }, // NULL status counts; on the as-of day counts
  { customerId: 2, day: '2025-07-01', cents: 9999 }, // after as-of
  { customerId: 1, day: '2025-03-01', cents: 5000, status: 'refunded' },
  { customerId: 3, day: '2024-12-01', cents: null, status: 'pending' },
  { customerId: 3, day: '2024-12-05', cents: 700, status: 'cancelled' },
  { customerId: null, day: '2025-02-01', cents: 800 }, // unlinked: nobody's
  { customerId: 3, day: null, cents: 300 },
];

describe('store facts', () => {
  const db = memoryStore();
  addCustomers(db, customers);
  addOrders(db, orders);

  it('count each entity once across its members, with the same rules as computeMetrics', () => {
    const f = loadFacts(db, { asOf, excludeStatuses: ['cancelled', 'refunded'] });
    expect([...f.entityId]).toEqual([-3, 100]);
    expect([...f.frequency]).toEqual([1, 2]);
    expect([...f.monetary]).toEqual([0, 3000]);
    expect([...f.firstDay].map(dayString)).toEqual(['2024-12-01', '2025-01-10']);
    expect([...f.lastDay].map(dayString)).toEqual(['2024-12-01', '2025-06-30']);
    const pure = computeMetrics(asOrderInputs(orders, customers), { asOf });
    expect(pure.map((m) => [m.entityId, m.frequency, m.monetaryCents, dayNumber(m.lastDay)])).toEqual(
      [...f.entityId].map((id, i) => [id, f.frequency[i], f.monetary[i], f.lastDay[i]]),
    );
  });

  it('sums the 12-month and growth windows', () => {
    const f = loadFacts(db, { asOf, excludeStatuses: [], last12m: true, windows: { recentStart: '2024-12-30', previousStart: '2024-06-30' } });
    // with nothing excluded entity 100 also has the refunded 5000; −3 has the cancelled 700
    expect([...f.monetary]).toEqual([700, 8000]);
    expect([...f.spend12m!]).toEqual([700, 8000]);
    expect([...f.orders12m!]).toEqual([2, 3]);
    expect([...f.recent!]).toEqual([0, 8000]);
    expect([...f.previous!]).toEqual([700, 0]);
  });

  it('lists every entity with member attributes', () => {
    const rows = [...entityAttributes(db, ['province'])];
    expect(rows).toEqual([
      { entityId: -4, annualRevenueCents: null, registeredDay: null, text: { province: null } },
      { entityId: -3, annualRevenueCents: null, registeredDay: null, text: { province: '上海' } },
      { entityId: 100, annualRevenueCents: 900, registeredDay: '2020-05-01', text: { province: '北京' } },
    ]);
    expect(entityNames(db, [100, -3]).get(100)?.name).toBe('客户1');
  });

  it('orders per-customer entities ascending before any dedupe', () => {
    const plain = memoryStore();
    addCustomers(plain, [{ id: 1 }, { id: 2 }, { id: 3 }]);
    addOrders(plain, [{ customerId: 2, day: '2025-01-01', cents: 1 }, { customerId: 1, day: '2025-01-01', cents: 2 }, { customerId: 3, day: '2025-01-01', cents: 3 }]);
    const f = loadFacts(plain, { asOf, excludeStatuses: [] });
    expect([...f.entityId]).toEqual([-3, -2, -1]);
    expect([...f.monetary]).toEqual([3, 1, 2]);
    expect([...entityAttributes(plain)].map((r) => r.entityId)).toEqual([-3, -2, -1]);
  });
});

describe('order-only entities', () => {
  // An orders export with no customer file: nothing links, customer codes identify people.
  const db = memoryStore();
  addOrders(db, [
    { customerId: null, code: 'B', day: '2025-05-01', cents: 500 }, // order row 1: B's id is −(10¹² + 1)
    { customerId: null, code: 'A', day: '2025-01-01', cents: 100, status: 'refunded' }, // row 2: A's id −(10¹² + 2) even though it does not count
    { customerId: null, code: 'A', day: '2025-02-01', cents: 200 },
    { customerId: null, code: 'A', day: '2025-02-01', cents: 300 },
    { customerId: null, code: null, day: '2025-02-01', cents: 999 }, // no key: nobody's
    { customerId: null, code: 'C', day: '2025-08-01', cents: 700 }, // after as-of only
  ]);

  it('are keyed by customer code with ids that do not move with --as-of', () => {
    const f = loadFacts(db, { asOf, excludeStatuses: ['refunded'] });
    expect([...f.entityId]).toEqual([-(1e12 + 2), -(1e12 + 1)]);
    expect([...f.frequency]).toEqual([2, 1]);
    expect([...f.monetary]).toEqual([500, 500]);
    const later = loadFacts(db, { asOf: '2025-12-31', excludeStatuses: [] });
    expect([...later.entityId]).toEqual([-(1e12 + 6), -(1e12 + 2), -(1e12 + 1)]);
    expect(entityNames(db, [-(1e12 + 2)]).get(-(1e12 + 2))?.code).toBe('A');
  });

  it('sit below customer-based entities in the same run', () => {
    addCustomers(db, [{ id: 1, entityId: 5 }, { id: 2 }]);
    addOrders(db, [{ customerId: 1, day: '2025-03-01', cents: 10 }, { customerId: 2, day: '2025-03-01', cents: 20 }]);
    const f = loadFacts(db, { asOf, excludeStatuses: ['refunded'], last12m: true });
    expect([...f.entityId]).toEqual([-(1e12 + 2), -(1e12 + 1), -2, 5]);
    expect([...f.spend12m!]).toEqual([500, 500, 20, 10]);
  });
});

describe('line-item exports', () => {
  // UCI Online Retail style: one row per product, the invoice number repeated on each.
  const customers: CustomerFixture[] = [{ id: 1 }, { id: 2 }];
  const lines: OrderFixture[] = [
    { customerId: 1, orderCode: '536365', day: '2010-12-01', cents: 1530 },
    { customerId: 1, orderCode: '536365', day: '2010-12-01', cents: 2034 },
    { customerId: 1, orderCode: '536366', day: '2010-12-01', cents: 1110 },
    { customerId: 1, orderCode: 'C536379', day: '2010-12-02', cents: -2750, status: 'refunded' },
    { customerId: 2, orderCode: null, day: '2010-12-03', cents: 500 }, // no code: an order of its own
    { customerId: 2, orderCode: null, day: '2010-12-04', cents: 700 },
  ];
  const db = memoryStore();
  addCustomers(db, customers);
  addOrders(db, lines);
  db.exec('UPDATE sources SET line_items = 1 WHERE id = 2'); // as ingest marks an export that repeats order numbers

  it('count an order once however many product rows it has, in SQL and in the reference', () => {
    const f = loadFacts(db, { asOf: '2010-12-31', excludeStatuses: ['cancelled', 'refunded'], last12m: true });
    expect([...f.entityId]).toEqual([-2, -1]);
    expect([...f.frequency]).toEqual([2, 2]);
    expect([...f.orders12m!]).toEqual([2, 2]);
    expect([...f.monetary]).toEqual([1200, 4674]);
    const pure = computeMetrics(asOrderInputs(lines, customers), { asOf: '2010-12-31' });
    expect(pure.map((m) => [m.entityId, m.frequency, m.monetaryCents])).toEqual([[-2, 2, 1200], [-1, 2, 4674]]);
  });

  it('count rows as orders while no export in the store repeats order numbers', () => {
    db.exec('UPDATE sources SET line_items = 0');
    expect([...loadFacts(db, { asOf: '2010-12-31', excludeStatuses: ['refunded'] }).frequency]).toEqual([2, 3]);
    db.exec('UPDATE sources SET line_items = 1 WHERE id = 2');
  });
});
