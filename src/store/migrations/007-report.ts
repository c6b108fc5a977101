// Weekly reports as built (src/report): the previous week's report supplies the week-over-week
// change of values that cannot be recomputed for a past day (data-quality score, merged duplicates).
// One row per as-of day; building the report again for the same day replaces it.
export const reportSchema = `
CREATE TABLE report_snapshots (
  as_of TEXT PRIMARY KEY,
  week TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'weekly',
  created_at TEXT NOT NULL,
  run_id INTEGER REFERENCES runs(id),
  report TEXT NOT NULL
);
CREATE INDEX report_snapshots_week ON report_snapshots(week);
`;
