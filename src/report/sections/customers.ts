import { change, type CustomersSection } from '../model.js';
import { ENTITY, type SectionInput } from './input.js';
import { qualityScore } from './quality.js';
import { tableExists } from '../../store/exportables.js';

/**
 * Customers: entities known by the end of each week, new ones (first seen: the earlier of the
 * registration date and the first order), duplicates merged so far, and the data-quality score.
 * Customers without any date count as known in both weeks.
 */
export function customersSection(input: SectionInput): CustomersSection {
  const { db, week, previousWeek } = input;
  const counts = db
    .prepare(
      `WITH reg AS (
         SELECT ${ENTITY} AS e, MIN(c.registered_date) AS d FROM customers c GROUP BY 1
       ), first_order AS (
         SELECT ${ENTITY} AS e, MIN(o.order_day) AS d
           FROM orders o JOIN customers c ON c.id = o.customer_id
          WHERE o.order_day IS NOT NULL GROUP BY 1
       ), seen AS (
         SELECT reg.e, NULLIF(MIN(COALESCE(reg.d, '9999-12-31'), COALESCE(first_order.d, '9999-12-31')), '9999-12-31') AS d
           FROM reg LEFT JOIN first_order ON first_order.e = reg.e
       )
       SELECT COALESCE(SUM(d IS NULL OR d <= @end), 0) AS total_now,
              COALESCE(SUM(d IS NULL OR d <= @prevEnd), 0) AS total_prev,
              COALESCE(SUM(d BETWEEN @start AND @end), 0) AS new_now,
              COALESCE(SUM(d BETWEEN @prevStart AND @prevEnd), 0) AS new_prev
         FROM seen`,
    )
    .get({ start: week.start, end: week.end, prevStart: previousWeek.start, prevEnd: previousWeek.end }) as Record<string, number>;

  const { records, entities } = db
    .prepare(`SELECT COUNT(*) AS records, COUNT(DISTINCT ${ENTITY}) AS entities FROM customers c`)
    .get() as { records: number; entities: number };
  const merged = records - entities;
  const before = input.previousReport?.customers;
  const mergedBefore = before?.mergedDuplicates.current ?? mergedByDedupeRuns(input);
  const quality = qualityScore(input);
  return {
    total: change(counts.total_now, counts.total_prev),
    new: change(counts.new_now, counts.new_prev),
    mergedDuplicates: change(merged, mergedBefore),
    records,
    dataQualityScore: change(quality.score, before?.dataQualityScore.current ?? null),
    qualitySource: quality.source,
    mergeSource: tableExists(db, 'dedupe_runs') ? 'dedupe: customers.entity_id, dedupe_runs' : 'sql: customers.entity_id',
  };
}

/**
 * Records merged by the end of the previous week, from the dedupe run log (merged_records of the
 * last finished run before then, 0 when every run came later); null when dedupe never ran.
 */
function mergedByDedupeRuns(input: SectionInput): number | null {
  if (!tableExists(input.db, 'dedupe_runs')) return null;
  const runs = input.db.prepare("SELECT finished_at, merged_records FROM dedupe_runs WHERE status = 'done' ORDER BY finished_at").all() as { finished_at: string; merged_records: number | null }[];
  if (runs.length === 0) return null;
  const cutoff = new Date(`${input.previousWeek.end}T23:59:59`).toISOString();
  const before = runs.filter((r) => r.finished_at <= cutoff);
  return before.length === 0 ? 0 : (before[before.length - 1].merged_records ?? 0);
}
