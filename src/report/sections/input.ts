import type { Db } from '../../store/db.js';
import type { Lang } from '../../output/i18n.js';
import type { Note, Period, WeeklyReport } from '../model.js';
import type { ReportSettings } from '../config.js';
import { tableExists } from '../../store/exportables.js';

/** What every section builder gets: the store, the two weeks, settings, and a place for notes. */
export interface SectionInput {
  db: Db;
  asOf: string;
  week: Period;
  previousWeek: Period;
  lang: Lang;
  settings: ReportSettings;
  /** The report saved for the previous week, for values that cannot be recomputed for a past day. */
  previousReport?: WeeklyReport;
  note(section: string, message: string): void;
  notes: Note[];
  /** Computes once per report: stage runs shared by several sections (lifecycle, tiers as of a day). */
  memo<T>(key: string, make: () => T): T;
}

/** Entity of a customer row: its golden record after dedupe, else the record itself (negative id). */
export const ENTITY = 'COALESCE(c.entity_id, -c.id)';

export function hasRows(db: Db, table: string): boolean {
  return tableExists(db, table) && db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined;
}

/** `AND (o.status_norm IS NULL OR o.status_norm NOT IN ('cancelled','refunded'))`, literals escaped. */
export function countedStatusSql(excluded: readonly string[], column = 'o.status_norm'): string {
  if (excluded.length === 0) return '';
  return ` AND (${column} IS NULL OR ${column} NOT IN (${excluded.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')}))`;
}

export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
