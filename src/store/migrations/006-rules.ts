// Rules and follow-up tasks. Task times (trigger_ts, due_ts, created_at, closed_at) are local
// wall-clock times in service.timezone ('YYYY-MM-DDTHH:mm:ss'), like the imported timestamps.
// dedup_key (rule | subject | period) makes `custops rules run` idempotent.
export const rulesSchema = `
CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  dedup_key TEXT NOT NULL UNIQUE,
  rule_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  action TEXT NOT NULL,
  subject_type TEXT NOT NULL CHECK (subject_type IN ('customer','segment','feedback')),
  subject TEXT,
  customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
  customer_code TEXT,
  feedback_id INTEGER REFERENCES feedback(id) ON DELETE SET NULL,
  parent_id INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
  tier TEXT,
  owner TEXT NOT NULL DEFAULT '',
  condition TEXT NOT NULL DEFAULT '',
  facts TEXT NOT NULL DEFAULT '{}',
  trigger_ts TEXT NOT NULL,
  due_ts TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done')),
  created_at TEXT NOT NULL,
  closed_at TEXT,
  note TEXT,
  run_id INTEGER REFERENCES runs(id)
);
CREATE INDEX tasks_open_due ON tasks(status, due_ts);
CREATE INDEX tasks_owner ON tasks(owner);
CREATE INDEX tasks_customer ON tasks(customer_id);
CREATE INDEX tasks_rule ON tasks(rule_id, status);

-- Everything that happened to a task: created, done (with the note), in order.
CREATE TABLE task_history (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  event TEXT NOT NULL CHECK (event IN ('created','done')),
  note TEXT,
  run_id INTEGER REFERENCES runs(id)
);
CREATE INDEX task_history_task ON task_history(task_id);

-- One row per rule per \`custops rules run\`: how many subjects matched and how many tasks were new.
CREATE TABLE rule_runs (
  id INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES runs(id),
  as_of TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  matched INTEGER NOT NULL,
  created INTEGER NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX rule_runs_run ON rule_runs(run_id);
`;
