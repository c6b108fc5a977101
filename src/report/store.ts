import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';
import { tableExists } from '../store/exportables.js';
import { weeklyReportSchema, type Period, type WeeklyReport } from './model.js';

/** Whether this store can keep reports (migration 007 applied). */
export function canKeepReports(db: Db): boolean {
  return tableExists(db, 'report_snapshots');
}

/** Keeps the report for its as-of day (replacing one built earlier for the same day). */
export function saveReport(db: Db, report: WeeklyReport, runId?: number): boolean {
  if (!canKeepReports(db)) return false;
  db.prepare(
    `INSERT INTO report_snapshots (as_of, week, created_at, run_id, report) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (as_of) DO UPDATE SET week = excluded.week, created_at = excluded.created_at, run_id = excluded.run_id, report = excluded.report`,
  ).run(report.asOf, report.week.label, nowIso(), runId ?? null, JSON.stringify(report));
  return true;
}

/**
 * The report saved for the previous week: the one for exactly the same weekday a week earlier,
 * else the latest one inside that week up to that day. Reports that no longer parse (an older
 * format) are ignored rather than trusted.
 */
export function previousReport(db: Db, previousWeek: Period): WeeklyReport | undefined {
  if (!canKeepReports(db)) return undefined;
  const row = db
    .prepare('SELECT report FROM report_snapshots WHERE as_of BETWEEN ? AND ? ORDER BY as_of DESC LIMIT 1')
    .get(previousWeek.start, previousWeek.end) as { report: string } | undefined;
  if (!row) return undefined;
  const parsed = weeklyReportSchema.safeParse(JSON.parse(row.report));
  return parsed.success ? parsed.data : undefined;
}
