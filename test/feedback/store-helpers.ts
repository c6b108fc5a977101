import { openStore, type Db } from '../../src/store/db.js';
import { feedbackSchema } from '../../src/store/migrations/005-feedback.js';

/** An in-memory store with the feedback tables (applied here until migration 005 is in the index). */
export function feedbackStore(): Db {
  const db = openStore(':memory:');
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'feedback_analysis'").get();
  if (!has) db.exec(feedbackSchema);
  db.prepare(
    "INSERT INTO sources (id, path, name, sha256, size, kind, format, imported_at) VALUES (1, 'f.csv', 'f.csv', 'x', 1, 'feedback', 'csv', '2025-01-01')",
  ).run();
  return db;
}

export function addCustomer(db: Db, values: { id: number; name?: string; code?: string; province?: string; phone?: string }): void {
  db.prepare(
    `INSERT INTO customers (id, source_id, line, row_hash, customer_code, name, name_norm, province_norm, phone_e164, updated_at)
     VALUES (@id, 1, @id, 'h', @code, @name, @name, @province, @phone, '2025-01-01')`,
  ).run({ code: null, name: null, province: null, phone: null, ...values });
}

let line = 0;

export function addFeedback(
  db: Db,
  values: { customer?: number | null; at?: string | null; nps?: number | null; csat?: number | null; ces?: number | null; channel?: string | null; comment?: string | null; phone?: string | null },
): number {
  line++;
  const info = db
    .prepare(
      `INSERT INTO feedback (source_id, line, row_hash, feedback_code, submitted_ts, nps_n, csat_n, ces_n, channel, comment, customer_id, phone_e164, updated_at)
       VALUES (1, @line, 'h', @code, @at, @nps, @csat, @ces, @channel, @comment, @customer, @phone, '2025-01-01')`,
    )
    .run({
      line,
      code: `F${line}`,
      at: values.at ?? null,
      nps: values.nps ?? null,
      csat: values.csat ?? null,
      ces: values.ces ?? null,
      channel: values.channel ?? null,
      comment: values.comment ?? null,
      customer: values.customer ?? null,
      phone: values.phone ?? null,
    });
  return Number(info.lastInsertRowid);
}
