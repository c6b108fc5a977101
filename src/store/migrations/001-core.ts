// Core schema: provenance, imported records (raw values as read + normalised values beside them),
// rejects and the run log. Raw columns hold the text exactly as it was in the file; normalised
// columns are filled by src/clean normalisers at ingest and refreshed by `custops clean`.
export const coreSchema = `
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('customers','orders','feedback','tickets')),
  format TEXT NOT NULL,
  encoding TEXT,
  delimiter TEXT,
  sheet TEXT,
  header_line INTEGER,
  mapping TEXT NOT NULL DEFAULT '{}',
  imported_at TEXT NOT NULL,
  run_id INTEGER REFERENCES runs(id),
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_inserted INTEGER NOT NULL DEFAULT 0,
  rows_updated INTEGER NOT NULL DEFAULT 0,
  rows_unchanged INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  rows_unlinked INTEGER NOT NULL DEFAULT 0,
  seconds REAL
);
CREATE INDEX sources_sha ON sources(sha256, sheet, kind);

CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  args TEXT NOT NULL DEFAULT '{}',
  started_at TEXT NOT NULL,
  finished_at TEXT,
  outcome TEXT NOT NULL DEFAULT 'running',
  summary TEXT
);

CREATE TABLE rejects (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  column_name TEXT,
  reason TEXT NOT NULL,
  original TEXT NOT NULL
);
CREATE INDEX rejects_source ON rejects(source_id);

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  line INTEGER NOT NULL,
  row_hash TEXT NOT NULL,
  customer_code TEXT, name TEXT, given_name TEXT, family_name TEXT, gender TEXT,
  phone TEXT, email TEXT, company TEXT, credit_code TEXT, id_number TEXT,
  province TEXT, city TEXT, district TEXT, address TEXT, address2 TEXT, street_number TEXT, postcode TEXT,
  industry TEXT, channel TEXT, owner TEXT, level TEXT,
  registered_at TEXT, birth_date TEXT, contract_end TEXT, annual_revenue TEXT,
  extra TEXT,
  -- normalised
  name_norm TEXT, name_key TEXT, phone_e164 TEXT, phone_ok INTEGER, email_norm TEXT, email_ok INTEGER,
  email_suggest TEXT, company_key TEXT, province_norm TEXT, city_norm TEXT,
  registered_date TEXT, birth_date_norm TEXT, contract_end_date TEXT, annual_revenue_cents INTEGER,
  entity_id INTEGER,
  dirty INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);
CREATE INDEX customers_code ON customers(customer_code);
CREATE INDEX customers_phone ON customers(phone_e164);
CREATE INDEX customers_email ON customers(email_norm);
CREATE INDEX customers_hash ON customers(row_hash);
CREATE INDEX customers_entity ON customers(entity_id);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  line INTEGER NOT NULL,
  row_hash TEXT NOT NULL,
  order_code TEXT, customer_code TEXT, customer_name TEXT, phone TEXT, email TEXT,
  order_date TEXT, amount TEXT, currency TEXT, status TEXT, quantity TEXT, product TEXT, channel TEXT,
  extra TEXT,
  -- normalised
  order_day TEXT, amount_cents INTEGER, status_norm TEXT, quantity_n REAL, phone_e164 TEXT, email_norm TEXT,
  customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
  link_method TEXT,
  dirty INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);
CREATE INDEX orders_code ON orders(order_code);
CREATE INDEX orders_customer ON orders(customer_id);
CREATE INDEX orders_hash ON orders(row_hash);
CREATE INDEX orders_day ON orders(order_day);

CREATE TABLE feedback (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  line INTEGER NOT NULL,
  row_hash TEXT NOT NULL,
  feedback_code TEXT, customer_code TEXT, customer_name TEXT, phone TEXT, email TEXT,
  submitted_at TEXT, nps TEXT, csat TEXT, ces TEXT, channel TEXT, comment TEXT,
  extra TEXT,
  -- normalised
  submitted_ts TEXT, nps_n INTEGER, csat_n REAL, ces_n REAL, phone_e164 TEXT, email_norm TEXT,
  customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
  link_method TEXT,
  dirty INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);
CREATE INDEX feedback_code ON feedback(feedback_code);
CREATE INDEX feedback_customer ON feedback(customer_id);
CREATE INDEX feedback_hash ON feedback(row_hash);

CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  line INTEGER NOT NULL,
  row_hash TEXT NOT NULL,
  ticket_code TEXT, customer_code TEXT, customer_name TEXT, phone TEXT, email TEXT,
  opened_at TEXT, first_response_at TEXT, resolved_at TEXT, channel TEXT, priority TEXT, subject TEXT,
  extra TEXT,
  -- normalised
  opened_ts TEXT, first_response_ts TEXT, resolved_ts TEXT, phone_e164 TEXT, email_norm TEXT,
  customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
  link_method TEXT,
  dirty INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);
CREATE INDEX tickets_code ON tickets(ticket_code);
CREATE INDEX tickets_customer ON tickets(customer_id);
CREATE INDEX tickets_hash ON tickets(row_hash);

-- Old values of a record replaced by a newer export of the same list (nothing imported is lost).
CREATE TABLE record_versions (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  data TEXT NOT NULL,
  replaced_at TEXT NOT NULL,
  replaced_by_source INTEGER NOT NULL
);
CREATE INDEX record_versions_rec ON record_versions(kind, record_id);
`;
