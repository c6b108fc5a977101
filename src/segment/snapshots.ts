import { CustopsError, InputError } from '../errors.js';
import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';

/** One entity's label in a saved snapshot. */
export interface SnapshotMember {
  entityId: number;
  label: string | null;
  /** 0 = best; null = not ranked (moves to or from it are neither up nor down). */
  rank: number | null;
  score?: string | null;
  valueCents?: number | null;
}

export interface SnapshotInfo {
  id: number;
  model: string;
  as_of: string;
  entities: number;
  created_at: string;
}

function requireTables(db: Db): void {
  const ok = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'segment_snapshots'").get();
  if (!ok) throw new CustopsError('this store has no segment snapshot tables (migration 004 is missing)', 1, 'upgrade custops');
}

/**
 * Members drained into compact columns with dictionaries for labels and scores. better-sqlite3
 * cannot run statements while another statement is still being iterated on the same connection,
 * and members often stream from such a query, so they are collected first (about 30 bytes each).
 */
function drain(members: Iterable<SnapshotMember>): { n: number; insertAll(run: (m: SnapshotMember) => void): void } {
  const dict = new Map<string | null, number>();
  const words: (string | null)[] = [];
  const code = (v: string | null | undefined): number => {
    const key = v ?? null;
    let i = dict.get(key);
    if (i === undefined) {
      i = words.length;
      words.push(key);
      dict.set(key, i);
    }
    return i;
  };
  let cap = 1024;
  let ids = new Float64Array(cap);
  let labels = new Int32Array(cap);
  let ranks = new Int32Array(cap);
  let scores = new Int32Array(cap);
  let values = new Float64Array(cap);
  let n = 0;
  for (const m of members) {
    if (n === cap) {
      cap *= 2;
      const grow = <T extends Float64Array | Int32Array>(a: T): T => {
        const b = new (a.constructor as new (len: number) => T)(cap);
        b.set(a);
        return b;
      };
      [ids, labels, ranks, scores, values] = [grow(ids), grow(labels), grow(ranks), grow(scores), grow(values)];
    }
    ids[n] = m.entityId;
    labels[n] = code(m.label);
    ranks[n] = m.rank ?? -1;
    scores[n] = code(m.score);
    values[n] = m.valueCents ?? Number.NaN;
    n++;
  }
  return {
    n,
    insertAll(run) {
      for (let i = 0; i < n; i++) {
        run({ entityId: ids[i], label: words[labels[i]], rank: ranks[i] < 0 ? null : ranks[i], score: words[scores[i]], valueCents: Number.isNaN(values[i]) ? null : values[i] });
      }
    },
  };
}

/**
 * Saves a snapshot in one transaction, replacing an earlier one for the same model and day,
 * so re-running a scheduled `--save` is idempotent.
 */
export function saveSnapshot(db: Db, meta: { model: string; asOf: string; runId?: number; params?: unknown }, members: Iterable<SnapshotMember>): SnapshotInfo {
  requireTables(db);
  const collected = drain(members);
  const save = db.transaction(() => {
    db.prepare('DELETE FROM segment_snapshots WHERE model = ? AND as_of = ?').run(meta.model, meta.asOf);
    const createdAt = nowIso();
    const id = Number(
      db.prepare('INSERT INTO segment_snapshots (model, as_of, run_id, created_at, params, entities) VALUES (?, ?, ?, ?, ?, ?)')
        .run(meta.model, meta.asOf, meta.runId ?? null, createdAt, JSON.stringify(meta.params ?? {}), collected.n).lastInsertRowid,
    );
    const insert = db.prepare('INSERT INTO segment_members (snapshot_id, entity_id, label, rank, score, value_cents) VALUES (?, ?, ?, ?, ?, ?)');
    collected.insertAll((m) => insert.run(id, m.entityId, m.label, m.rank, m.score ?? null, m.valueCents ?? null));
    return { id, model: meta.model, as_of: meta.asOf, entities: collected.n, created_at: createdAt };
  });
  return save();
}

export function listSnapshots(db: Db, model?: string): SnapshotInfo[] {
  requireTables(db);
  return db
    .prepare(`SELECT id, model, as_of, entities, created_at FROM segment_snapshots ${model ? 'WHERE model = ?' : ''} ORDER BY model, as_of`)
    .all(...(model ? [model] : [])) as SnapshotInfo[];
}

export interface MigrationCell {
  /** null label with present = false means the entity was not in that snapshot. */
  from: string | null;
  fromPresent: boolean;
  to: string | null;
  toPresent: boolean;
  count: number;
}

export interface Move {
  entity_id: number;
  from: string | null;
  to: string | null;
  from_score: string | null;
  to_score: string | null;
  value_cents: number | null;
}

export interface SnapshotDiff {
  model: string;
  from: SnapshotInfo;
  to: SnapshotInfo;
  /** Labels in rank order (best first), unranked ones after by name. */
  labels: (string | null)[];
  cells: MigrationCell[];
  upgraded: number;
  downgraded: number;
  unchanged: number;
  entered: number;
  left: number;
  /** Upgraded or downgraded entities, by value (latest snapshot's) then entity id. */
  moves(direction: 'up' | 'down', limit?: number): Move[];
}

/** Picks the two snapshots: `to` defaults to the latest, `from` to the latest before `to`. */
function pickSnapshots(db: Db, model: string, from?: string, to?: string): [SnapshotInfo, SnapshotInfo] {
  const all = listSnapshots(db, model);
  const hint = `save two snapshots first, e.g. \`custops segment ${model.split('.')[0] === 'rfm8' ? 'rfm' : model.split('.')[0]} --save --as-of 2025-03-31\` and again for a later day`;
  if (all.length === 0) throw InputError.of('snapshots.none', { model }, hint);
  const find = (day: string): SnapshotInfo => {
    const s = all.find((x) => x.as_of === day);
    if (!s) throw InputError.of('snapshots.missing', { model, day, saved: all.map((x) => x.as_of).join(', ') }, hint);
    return s;
  };
  const toSnap = to ? find(to) : all[all.length - 1];
  const fromSnap = from ? find(from) : [...all].reverse().find((x) => x.as_of < toSnap.as_of);
  if (!fromSnap) throw InputError.of('snapshots.one', { model, day: toSnap.as_of }, hint);
  return [fromSnap, toSnap];
}

export function diffSnapshots(db: Db, model: string, options: { from?: string; to?: string } = {}): SnapshotDiff {
  const [a, b] = pickSnapshots(db, model, options.from, options.to);
  const ids = { from: a.id, to: b.id };
  const cells = db
    .prepare(
      `SELECT a.label AS "from", 1 AS fromPresent, b.label AS "to", b.entity_id IS NOT NULL AS toPresent, COUNT(*) AS count
         FROM segment_members a LEFT JOIN segment_members b ON b.snapshot_id = @to AND b.entity_id = a.entity_id
        WHERE a.snapshot_id = @from GROUP BY 1, 4, 3
       UNION ALL
       SELECT NULL, 0, b.label, 1, COUNT(*)
         FROM segment_members b
        WHERE b.snapshot_id = @to AND NOT EXISTS (SELECT 1 FROM segment_members a WHERE a.snapshot_id = @from AND a.entity_id = b.entity_id)
        GROUP BY 3`,
    )
    .all(ids)
    .map((c) => {
      const r = c as Omit<MigrationCell, 'fromPresent' | 'toPresent'> & { fromPresent: number; toPresent: number };
      return { ...r, fromPresent: Boolean(r.fromPresent), toPresent: Boolean(r.toPresent) };
    });
  const counts = db
    .prepare(
      `SELECT SUM(b.rank < a.rank) AS up, SUM(b.rank > a.rank) AS down, SUM(b.entity_id IS NOT NULL AND a.label IS b.label) AS same, SUM(b.entity_id IS NULL) AS gone
         FROM segment_members a LEFT JOIN segment_members b ON b.snapshot_id = @to AND b.entity_id = a.entity_id
        WHERE a.snapshot_id = @from`,
    )
    .get(ids) as { up: number | null; down: number | null; same: number | null; gone: number | null };
  const entered = cells.filter((c) => !c.fromPresent).reduce((s, c) => s + c.count, 0);
  const labelRanks = db
    .prepare('SELECT label, MIN(rank) AS rank FROM segment_members WHERE snapshot_id IN (@from, @to) GROUP BY label')
    .all(ids) as { label: string | null; rank: number | null }[];
  labelRanks.sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || String(x.label ?? '\uffff').localeCompare(String(y.label ?? '\uffff')));
  const movesStmt = (direction: 'up' | 'down'): string =>
    `SELECT a.entity_id, a.label AS "from", b.label AS "to", a.score AS from_score, b.score AS to_score, COALESCE(b.value_cents, a.value_cents) AS value_cents
       FROM segment_members a JOIN segment_members b ON b.snapshot_id = @to AND b.entity_id = a.entity_id
      WHERE a.snapshot_id = @from AND b.rank ${direction === 'up' ? '<' : '>'} a.rank
      ORDER BY value_cents DESC, a.entity_id LIMIT @limit`;
  return {
    model,
    from: a,
    to: b,
    labels: labelRanks.map((l) => l.label),
    cells,
    upgraded: counts.up ?? 0,
    downgraded: counts.down ?? 0,
    unchanged: counts.same ?? 0,
    entered,
    left: counts.gone ?? 0,
    moves(direction, limit = -1) {
      return db.prepare(movesStmt(direction)).all({ ...ids, limit }) as Move[];
    },
  };
}
