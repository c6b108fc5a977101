// Dedupe: golden records (entities), the log of every dedupe run with the evidence of each merge,
// uncertain pairs waiting for a person, the person's saved answers, and an undo log that restores
// the state before a run exactly.
export const dedupeSchema = `
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  name TEXT, given_name TEXT, family_name TEXT, phone TEXT, email TEXT, company TEXT,
  province TEXT, city TEXT, address TEXT, postcode TEXT, birth_date TEXT, id_number TEXT,
  members INTEGER NOT NULL DEFAULT 1,
  -- JSON: golden field -> id of the customer record the value came from
  provenance TEXT,
  dedupe_run INTEGER,
  updated_at TEXT NOT NULL
);

CREATE TABLE dedupe_runs (
  id INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES runs(id),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'undone')),
  records INTEGER,
  candidate_pairs INTEGER,
  clusters INTEGER,
  merged_records INTEGER,
  review_pairs INTEGER,
  settings TEXT NOT NULL,
  model TEXT,
  stats TEXT,
  undone_at TEXT
);

-- One row per member of a multi-record entity: which link brought it in and why.
CREATE TABLE merges (
  id INTEGER PRIMARY KEY,
  dedupe_run INTEGER NOT NULL REFERENCES dedupe_runs(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL,
  customer_id INTEGER NOT NULL,
  linked_to INTEGER,
  score REAL,
  weight REAL,
  evidence TEXT
);
CREATE INDEX merges_run ON merges(dedupe_run, entity_id);
CREATE INDEX merges_customer ON merges(customer_id);

CREATE TABLE review_pairs (
  dedupe_run INTEGER NOT NULL REFERENCES dedupe_runs(id) ON DELETE CASCADE,
  customer_a INTEGER NOT NULL,
  customer_b INTEGER NOT NULL,
  score REAL NOT NULL,
  weight REAL NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (dedupe_run, customer_a, customer_b)
);

-- A person's answers (customer_a < customer_b); reused by every later run.
CREATE TABLE review_decisions (
  customer_a INTEGER NOT NULL,
  customer_b INTEGER NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('same', 'different')),
  score REAL,
  decided_at TEXT NOT NULL,
  PRIMARY KEY (customer_a, customer_b)
);

-- Undo log: the entity_id each changed customer had before the run, and each entity the run
-- created (data NULL), changed or deleted (data = the row as it was, JSON).
CREATE TABLE dedupe_undo_customers (
  dedupe_run INTEGER NOT NULL REFERENCES dedupe_runs(id) ON DELETE CASCADE,
  customer_id INTEGER NOT NULL,
  old_entity_id INTEGER,
  PRIMARY KEY (dedupe_run, customer_id)
);
CREATE TABLE dedupe_undo_entities (
  dedupe_run INTEGER NOT NULL REFERENCES dedupe_runs(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL,
  data TEXT,
  PRIMARY KEY (dedupe_run, entity_id)
);
`;
