import type { Db } from '../store/db.js';
import { tableExists } from '../store/exportables.js';

// Read-only views of dedupe results in the store: an entity's members with the evidence that
// linked them, both records of a pair side by side, and the run log.

export interface MemberEvidence {
  customer_id: number;
  name: string | null;
  linked_to: number | null;
  score: number | null;
  /** the strongest comparisons of the link, e.g. "phone exact +14.2" */
  reasons: string;
}

export interface EntityEvidence {
  customerId: number;
  entityId: number | null;
  members: MemberEvidence[];
  openPairs: { customer_a: number; customer_b: number; score: number; reason: string }[];
}

export function entityEvidence(db: Db, customerId: number): EntityEvidence | null {
  const customer = db.prepare('SELECT id, entity_id FROM customers WHERE id = ?').get(customerId) as { id: number; entity_id: number | null } | undefined;
  if (!customer) return null;
  const out: EntityEvidence = { customerId, entityId: customer.entity_id, members: [], openPairs: [] };
  if (customer.entity_id === null || !tableExists(db, 'dedupe_runs')) return out;
  const run = db.prepare("SELECT max(id) FROM dedupe_runs WHERE status = 'done'").pluck().get() as number | null;
  const rows = db
    .prepare(
      `SELECT c.id AS customer_id, coalesce(c.name_norm, c.name, trim(coalesce(c.given_name, '') || ' ' || coalesce(c.family_name, ''))) AS name,
              m.linked_to, m.score, m.evidence
         FROM customers c LEFT JOIN merges m ON m.customer_id = c.id AND m.dedupe_run = ?
        WHERE c.entity_id = ? ORDER BY c.id`,
    )
    .all(run, customer.entity_id) as { customer_id: number; name: string | null; linked_to: number | null; score: number | null; evidence: string | null }[];
  out.members = rows.map((r) => ({ customer_id: r.customer_id, name: r.name, linked_to: r.linked_to, score: r.score, reasons: reasonsText(r.evidence) }));
  if (run !== null) {
    out.openPairs = db
      .prepare(
        `SELECT customer_a, customer_b, score, reason FROM review_pairs p
          WHERE dedupe_run = ? AND (customer_a = ? OR customer_b = ?)
            AND NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.customer_a = p.customer_a AND d.customer_b = p.customer_b)
          ORDER BY score DESC`,
      )
      .all(run, customerId, customerId) as EntityEvidence['openPairs'];
  }
  return out;
}

function reasonsText(evidence: string | null): string {
  if (!evidence) return '';
  const e = JSON.parse(evidence) as { decision?: string; steps?: [string, string, number][] };
  if (e.decision) return `review: ${e.decision}`;
  return (e.steps ?? [])
    .slice()
    .sort((a, b) => Math.abs(b[2]) - Math.abs(a[2]))
    .slice(0, 3)
    .map(([c, level, w]) => `${c} ${level.split(' (')[0]} ${w >= 0 ? '+' : ''}${w.toFixed(1)}`)
    .join('; ');
}

/** Fields shown when two customer records are compared side by side. */
export const SIDE_BY_SIDE_FIELDS = ['name', 'given_name', 'family_name', 'phone', 'email', 'company', 'province', 'city', 'address', 'postcode', 'birth_date', 'id_number', 'customer_code'];

export interface SideBySideRow {
  field: string;
  a: string | null;
  b: string | null;
  differs: boolean;
}

/** Both records' raw values, field by field, with the fields that differ marked (empty fields left out). */
export function sideBySide(db: Db, a: number, b: number): SideBySideRow[] {
  const stmt = db.prepare(`SELECT ${SIDE_BY_SIDE_FIELDS.map((f) => `c.${f}`).join(', ')}, s.name AS source FROM customers c JOIN sources s ON s.id = c.source_id WHERE c.id = ?`);
  const ra = (stmt.get(a) ?? {}) as Record<string, string | null>;
  const rb = (stmt.get(b) ?? {}) as Record<string, string | null>;
  const rows: SideBySideRow[] = [{ field: 'id', a: String(a), b: String(b), differs: false }];
  for (const field of [...SIDE_BY_SIDE_FIELDS, 'source']) {
    const va = ra[field] ?? null;
    const vb = rb[field] ?? null;
    if (va === null && vb === null) continue;
    rows.push({ field, a: va, b: vb, differs: (va ?? '').trim() !== (vb ?? '').trim() });
  }
  return rows;
}

export interface RunRow {
  id: number;
  started_at: string;
  status: string;
  records: number | null;
  clusters: number | null;
  merged_records: number | null;
  review_pairs: number | null;
}

export function listRuns(db: Db): RunRow[] {
  if (!tableExists(db, 'dedupe_runs')) return [];
  return db.prepare('SELECT id, started_at, status, records, clusters, merged_records, review_pairs FROM dedupe_runs ORDER BY id').all() as RunRow[];
}
