// Clean: the current data-quality issues of every record (replaced when the record is cleaned again),
// and per kind the hash of the rules/options of the last clean, so a changed config re-cleans everything.
export const cleanSchema = `
CREATE TABLE IF NOT EXISTS clean_issues (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  value TEXT,
  problem TEXT NOT NULL,
  severity TEXT NOT NULL DEFAULT 'error' CHECK (severity IN ('error', 'warning')),
  message TEXT,
  suggestion TEXT,
  fixed INTEGER NOT NULL DEFAULT 0,
  run_id INTEGER REFERENCES runs(id)
);
CREATE INDEX IF NOT EXISTS clean_issues_record ON clean_issues(kind, record_id);

CREATE TABLE IF NOT EXISTS clean_state (
  kind TEXT PRIMARY KEY,
  config_hash TEXT NOT NULL,
  run_id INTEGER REFERENCES runs(id),
  cleaned_at TEXT NOT NULL,
  -- record count and scorecard after that run: reused while nothing has changed since
  records INTEGER,
  scorecard TEXT
);

-- records ingested or changed since the last clean: a no-change re-run finds none without a table scan
CREATE INDEX IF NOT EXISTS customers_dirty ON customers(dirty) WHERE dirty = 1;
CREATE INDEX IF NOT EXISTS orders_dirty ON orders(dirty) WHERE dirty = 1;
CREATE INDEX IF NOT EXISTS feedback_dirty ON feedback(dirty) WHERE dirty = 1;
`;
