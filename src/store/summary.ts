import type { Db } from './db.js';
import { kinds } from '../ingest/fields.js';

export interface StoreSummary {
  counts: { kind: string; records: number; linked: number | null; rejects: number }[];
  sources: { id: number; name: string; kind: string; sheet: string | null; encoding: string | null; rows: number; inserted: number; updated: number; rejected: number; unlinked: number; imported_at: string }[];
  runs: { id: number; command: string; started_at: string; outcome: string }[];
  entities: number | null;
}


/** What the store holds, for `custops status` (and the report). */
export function storeSummary(db: Db, lastRuns = 10): StoreSummary {
  const rejectsByKind = new Map(
    (db.prepare('SELECT s.kind, COUNT(*) AS n FROM rejects r JOIN sources s ON s.id = r.source_id GROUP BY s.kind').all() as { kind: string; n: number }[]).map((r) => [r.kind, r.n]),
  );
  const counts = kinds.map((kind) => {
    const records = (db.prepare(`SELECT COUNT(*) AS n FROM ${kind}`).get() as { n: number }).n;
    const linked = kind === 'customers' ? null : (db.prepare(`SELECT COUNT(*) AS n FROM ${kind} WHERE customer_id IS NOT NULL`).get() as { n: number }).n;
    return { kind, records, linked, rejects: rejectsByKind.get(kind) ?? 0 };
  });
  const sources = db
    .prepare(
      `SELECT id, name, kind, sheet, encoding, rows_read AS rows, rows_inserted AS inserted, rows_updated AS updated,
              rows_rejected AS rejected, rows_unlinked AS unlinked, replace(substr(imported_at, 1, 16), 'T', ' ') AS imported_at
         FROM sources ORDER BY id`,
    )
    .all() as StoreSummary['sources'];
  const runs = db.prepare("SELECT id, command, replace(substr(started_at, 1, 16), 'T', ' ') AS started_at, outcome FROM runs ORDER BY id DESC LIMIT ?").all(lastRuns) as StoreSummary['runs'];
  const hasEntities = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entities'").get();
  const entities = hasEntities ? (db.prepare('SELECT COUNT(*) AS n FROM entities').get() as { n: number }).n : null;
  return { counts, sources, runs, entities };
}
