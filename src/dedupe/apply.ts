import { CustopsError, ExitCode } from '../errors.js';
import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';
import { COMPARISONS } from './comparisons.js';
import type { DedupeConfig } from './config.js';
import { loadDecisions } from './decisions.js';
import { clusterScored, scoreRecords, type DecisionInput, type DedupeResult, type ScoredPair } from './engine.js';
import { ENTITY_ROW_COLUMNS, ENTITY_VALUE_COLUMNS, entityValues, type EntityRow } from './entities.js';
import { explainPair } from './explain.js';
import { binarySearch, packGroups } from './packed.js';
import { customerRecords, customersById } from './records.js';
import { goldenRecord, type SurvivorshipRules } from './survivorship.js';
import type { MatchRecord } from './types.js';

/** Customers read per query: small pages leave little garbage behind for the collector to carry. */
const PAGE = 200;

/** Matches the store's customers (with the saved review answers) without writing anything. */
export function matchStore(db: Db, config: DedupeConfig, decisions: DecisionInput[] = loadDecisions(db)): DedupeResult {
  const expectedRecords = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  return clusterScored(scoreRecords(customerRecords(db, PAGE), config, { expectedRecords }), decisions);
}

export interface RunSummary {
  dedupeRun: number;
  records: number;
  candidatePairs: number;
  clusters: number;
  mergedRecords: number;
  entitiesCreated: number;
  entitiesUpdated: number;
  entitiesDeleted: number;
  customersChanged: number;
  reviewPairs: number;
  seconds: number;
}

/**
 * Writes a match result: every customer gets an entity (entity ids kept where a group stays together),
 * golden records by survivorship, the evidence of each merge, the uncertain pairs, and an undo log.
 * One transaction: an interrupted run leaves the store as it was.
 */
export function applyDedupe(db: Db, result: DedupeResult, config: DedupeConfig, runId: number | null = null): RunSummary {
  const started = Date.now();
  const now = nowIso();
  const { prepared } = result;
  const n = prepared.n;
  const summary: RunSummary = {
    dedupeRun: 0,
    records: n,
    candidatePairs: result.stats.candidatePairs,
    clusters: result.clusters.length,
    mergedRecords: result.clusters.reduce((s, c) => s + c.length, 0),
    entitiesCreated: 0,
    entitiesUpdated: 0,
    entitiesDeleted: 0,
    customersChanged: 0,
    reviewPairs: result.review.length,
    seconds: 0,
  };
  const sourceNames = new Map((db.prepare('SELECT id, name FROM sources').all() as { id: number; name: string }[]).map((s) => [s.id, s.name]));
  const rules: SurvivorshipRules = config.survivorship;

  const write = db.transaction(() => {
    const run = Number(
      db
        .prepare('INSERT INTO dedupe_runs (run_id, started_at, settings, model, stats) VALUES (?, ?, ?, ?, ?)')
        .run(runId, now, JSON.stringify(config), JSON.stringify(modelSummary(result)), JSON.stringify(result.stats)).lastInsertRowid,
    );
    summary.dedupeRun = run;

    // current assignment, aligned with prepared positions
    const current = new Float64Array(n).fill(NaN);
    for (const row of db.prepare('SELECT id, entity_id FROM customers WHERE entity_id IS NOT NULL').iterate() as Iterable<{ id: number; entity_id: number }>) {
      const i = result.indexOf.get(row.id);
      if (i !== undefined) current[i] = row.entity_id;
    }
    const existing = new EntitySet(db.prepare('SELECT id FROM entities ORDER BY id').pluck().all() as number[]);

    // cluster sizes and members (positions, ascending) of every group
    const groups = groupMembers(result.root);
    const { size } = groups;

    // entity ids: a group keeps the entity most of its members already had, biggest groups choose first
    const entityOfRoot = new Float64Array(n).fill(NaN);
    const roots: number[] = [];
    for (let r = 0; r < n; r++) if (size[r] >= 2) roots.push(r);
    roots.sort((a, b) => size[b] - size[a] || a - b);
    for (const r of roots) {
      const votes = new Map<number, number>();
      for (const i of groups.of(r)) if (!Number.isNaN(current[i])) votes.set(current[i], (votes.get(current[i]) ?? 0) + 1);
      const best = [...votes].filter(([e]) => existing.claimable(e)).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
      if (best) {
        existing.claim(best[0]);
        entityOfRoot[r] = best[0];
      }
    }
    for (let i = 0; i < n; i++) {
      if (size[result.root[i]] !== 1) continue;
      const e = current[i];
      if (!Number.isNaN(e) && existing.claimable(e)) {
        existing.claim(e);
        entityOfRoot[i] = e;
      }
    }

    const logEntity = db.prepare('INSERT OR IGNORE INTO dedupe_undo_entities (dedupe_run, entity_id, data) VALUES (?, ?, ?)');
    const logCustomer = db.prepare('INSERT INTO dedupe_undo_customers (dedupe_run, customer_id, old_entity_id) VALUES (?, ?, ?)');
    const getEntity = db.prepare('SELECT * FROM entities WHERE id = ?');
    const insertEntity = db.prepare(`INSERT INTO entities (${ENTITY_ROW_COLUMNS.join(', ')}) VALUES (${ENTITY_ROW_COLUMNS.map(() => '?').join(', ')})`);
    const updateEntity = db.prepare(`UPDATE entities SET ${ENTITY_ROW_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
    const setEntity = db.prepare('UPDATE customers SET entity_id = ? WHERE id = ?');

    const writeEntity = (root: number, members: MatchRecord[]): void => {
      const golden = goldenRecord(members, rules, (id) => (id === undefined ? undefined : sourceNames.get(id)));
      const values = entityValues(golden, run, now);
      let entity = entityOfRoot[root];
      if (Number.isNaN(entity)) {
        entity = Number(insertEntity.run(...values).lastInsertRowid);
        logEntity.run(run, entity, null);
        summary.entitiesCreated++;
      } else {
        const old = getEntity.get(entity) as EntityRow;
        const same = ENTITY_VALUE_COLUMNS.every((c, k) => (old[c] ?? null) === values[k]) && old.members === values[ENTITY_VALUE_COLUMNS.length];
        if (!same) {
          logEntity.run(run, entity, JSON.stringify(old));
          updateEntity.run(...values, entity);
          summary.entitiesUpdated++;
        }
      }
      for (const m of members) {
        const i = result.indexOf.get(m.id) as number;
        if (current[i] === entity) continue;
        logCustomer.run(run, m.id, Number.isNaN(current[i]) ? null : current[i]);
        setEntity.run(entity, m.id);
        summary.customersChanged++;
      }
      entityOfRoot[root] = entity;
    };

    // golden records: customers are read again page by page, and a group is written when its last
    // member (by id) comes by; its other members are fetched again then, so no page holds more than
    // its own records and the groups it completes
    const lastId = new Float64Array(n).fill(-Infinity);
    for (let i = 0; i < n; i++) lastId[result.root[i]] = Math.max(lastId[result.root[i]], prepared.ids[i]);
    for (const page of inPages(customerRecords(db, PAGE), PAGE)) {
      // members of the groups completed here: from this page, the rest read again
      const known = new Map(page.map((c) => [c.id, c]));
      const others: number[] = [];
      for (const record of page) {
        const i = result.indexOf.get(record.id);
        if (i === undefined) continue;
        const r = result.root[i];
        if (size[r] < 2 || lastId[r] !== record.id) continue;
        for (const m of groups.of(r)) if (!known.has(prepared.ids[m])) others.push(prepared.ids[m]);
      }
      for (const c of customersById(db, others)) known.set(c.id, c);
      for (const record of page) {
        const i = result.indexOf.get(record.id);
        if (i === undefined) continue;
        const r = result.root[i];
        if (size[r] === 1) {
          writeEntity(r, [record]);
          continue;
        }
        if (lastId[r] !== record.id) continue;
        const ids = Array.from(groups.of(r), (m) => prepared.ids[m]).sort((a, b) => a - b);
        const members = ids.map((id) => known.get(id));
        // a member gone from the store since matching: the group is left as it was
        if (members.every((m) => m !== undefined)) writeEntity(r, members as MatchRecord[]);
      }
    }

    // entities no group kept are removed (their rows go to the undo log)
    // (an entity a group kept is one it claimed: entities written new were never in existing)
    const deleteEntity = db.prepare('DELETE FROM entities WHERE id = ?');
    for (const id of existing.unclaimed()) {
      logEntity.run(run, id, JSON.stringify(getEntity.get(id)));
      deleteEntity.run(id);
      summary.entitiesDeleted++;
    }

    // evidence of every merge, and the pairs left for a person
    const insertMerge = db.prepare('INSERT INTO merges (dedupe_run, entity_id, customer_id, linked_to, score, weight, evidence) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const tree of spanningTrees(result)) {
      const entity = entityOfRoot[result.root[result.indexOf.get(tree.anchor) as number]];
      insertMerge.run(run, entity, tree.anchor, null, null, null, null);
      for (const { member, link } of tree.members) {
        const other = link.a === member ? link.b : link.a;
        const decided = !Number.isFinite(link.weight);
        const evidence = decided ? { decision: 'same' } : compactEvidence(result, other, member, config);
        insertMerge.run(run, entity, member, other, decided ? 1 : link.probability, decided ? null : link.weight, JSON.stringify(evidence));
      }
    }
    const insertReview = db.prepare('INSERT OR IGNORE INTO review_pairs (dedupe_run, customer_a, customer_b, score, weight, reason) VALUES (?, ?, ?, ?, ?, ?)');
    for (const p of result.review) {
      const [a, b] = p.a < p.b ? [p.a, p.b] : [p.b, p.a];
      insertReview.run(run, a, b, p.probability, p.weight, p.reason);
    }
    // matching plus writing: the whole run
    summary.seconds = Math.round((result.stats.seconds.total + (Date.now() - started) / 1000) * 10) / 10;
    db.prepare(
      `UPDATE dedupe_runs SET status = 'done', finished_at = ?, records = ?, candidate_pairs = ?, clusters = ?, merged_records = ?, review_pairs = ? WHERE id = ?`,
    ).run(nowIso(), n, summary.candidatePairs, summary.clusters, summary.mergedRecords, summary.reviewPairs, run);
  });
  write();
  return summary;
}

/** Per group: its first member, and for every other member the link that brought it in. */
function* spanningTrees(result: DedupeResult): Generator<{ anchor: number; members: { member: number; link: ScoredPair }[] }> {
  // links by record position, each record's links in the order of result.links
  const { links, indexOf } = result;
  const n = result.prepared.n;
  const start = new Int32Array(n + 1);
  const ends: number[] = [];
  for (const link of links) {
    const a = indexOf.get(link.a) as number;
    const b = indexOf.get(link.b) as number;
    ends.push(a, b);
    start[a + 1]++;
    start[b + 1]++;
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const linkAt = new Int32Array(ends.length);
  for (let e = 0; e < ends.length; e++) linkAt[fill[ends[e]]++] = e >> 1;
  for (const cluster of result.clusters) {
    let anchor = cluster[0];
    for (const id of cluster) if (id < anchor) anchor = id;
    const seen = new Set([anchor]);
    const queue = [anchor];
    const members: { member: number; link: ScoredPair }[] = [];
    for (let q = 0; q < queue.length; q++) {
      const from = queue[q];
      const i = indexOf.get(from) as number;
      for (let k = start[i]; k < start[i + 1]; k++) {
        const link = links[linkAt[k]];
        const to = link.a === from ? link.b : link.a;
        if (seen.has(to)) continue;
        seen.add(to);
        members.push({ member: to, link });
        queue.push(to);
      }
    }
    yield { anchor, members };
  }
}

/** Record positions grouped by cluster root: size per root and each group's members in ascending position. */
function groupMembers(root: Int32Array): { size: Int32Array; of: (r: number) => Uint32Array } {
  const { start, members } = packGroups(root, root.length);
  const size = new Int32Array(root.length);
  for (let r = 0; r < root.length; r++) size[r] = start[r + 1] - start[r];
  return { size, of: (r) => members.subarray(start[r], start[r + 1]) };
}

/** The entities a run starts with (ascending ids), and which of them a group has claimed. */
class EntitySet {
  private readonly ids: Float64Array;
  private readonly claimed: Uint8Array;

  constructor(ascendingIds: number[]) {
    this.ids = Float64Array.from(ascendingIds);
    this.claimed = new Uint8Array(ascendingIds.length);
  }

  /** An existing entity no group has claimed yet. */
  claimable(id: number): boolean {
    const k = binarySearch(this.ids, id);
    return k >= 0 && this.claimed[k] === 0;
  }

  claim(id: number): void {
    this.claimed[binarySearch(this.ids, id)] = 1;
  }

  *unclaimed(): Generator<number> {
    for (let k = 0; k < this.ids.length; k++) if (this.claimed[k] === 0) yield this.ids[k];
  }
}

/** Records in arrays of up to size. */
function* inPages<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let page: T[] = [];
  for (const item of items) {
    page.push(item);
    if (page.length === size) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

function compactEvidence(result: DedupeResult, a: number, b: number, config: DedupeConfig): unknown {
  const e = explainPair(result, a, b, config, config.blocking.rules);
  return {
    prior: round(e.prior),
    steps: e.steps.filter((s) => s.level !== 'missing').map((s) => [s.comparison, s.level, round(s.weight)]),
    blockedBy: e.blockedBy,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function modelSummary(result: DedupeResult): unknown {
  const { model } = result;
  return {
    lambda: model.lambda,
    priorWeight: model.priorWeight,
    comparisons: COMPARISONS.map((c, k) => ({
      name: c.name,
      levels: c.levels.map((label, l) => ({ label, m: model.m[k][l], u: model.u[k][l], weight: model.weights[k][l] })),
      trainedBy: model.trainedBy[k],
    })),
    sessions: model.sessions,
  };
}

export interface UndoSummary {
  dedupeRun: number;
  customersRestored: number;
  entitiesRestored: number;
  entitiesRemoved: number;
}

/** Restores the state before a dedupe run exactly. Runs are undone newest first. */
export function undoDedupe(db: Db, dedupeRun: number): UndoSummary {
  const run = db.prepare('SELECT id, status FROM dedupe_runs WHERE id = ?').get(dedupeRun) as { id: number; status: string } | undefined;
  if (!run) throw new CustopsError(`dedupe run ${dedupeRun} does not exist`, ExitCode.badInput, 'custops dedupe --runs lists the runs');
  if (run.status !== 'done') throw new CustopsError(`dedupe run ${dedupeRun} is ${run.status}, nothing to undo`, ExitCode.badInput);
  const later = db.prepare("SELECT id FROM dedupe_runs WHERE id > ? AND status = 'done' ORDER BY id DESC LIMIT 1").pluck().get(dedupeRun) as number | undefined;
  if (later !== undefined) throw new CustopsError(`dedupe run ${later} came after run ${dedupeRun}`, ExitCode.badInput, `undo run ${later} first (custops dedupe --undo ${later})`);
  const summary: UndoSummary = { dedupeRun, customersRestored: 0, entitiesRestored: 0, entitiesRemoved: 0 };
  const undo = db.transaction(() => {
    const restore = db.prepare(`INSERT OR REPLACE INTO entities (id, ${ENTITY_ROW_COLUMNS.join(', ')}) VALUES (?, ${ENTITY_ROW_COLUMNS.map(() => '?').join(', ')})`);
    const remove = db.prepare('DELETE FROM entities WHERE id = ?');
    for (const row of db.prepare('SELECT entity_id, data FROM dedupe_undo_entities WHERE dedupe_run = ?').all(dedupeRun) as { entity_id: number; data: string | null }[]) {
      if (row.data === null) {
        remove.run(row.entity_id);
        summary.entitiesRemoved++;
      } else {
        const old = JSON.parse(row.data) as EntityRow;
        restore.run(row.entity_id, ...ENTITY_ROW_COLUMNS.map((c) => old[c] ?? null));
        summary.entitiesRestored++;
      }
    }
    summary.customersRestored = db
      .prepare(
        `UPDATE customers SET entity_id = (SELECT u.old_entity_id FROM dedupe_undo_customers u WHERE u.dedupe_run = ? AND u.customer_id = customers.id)
          WHERE id IN (SELECT customer_id FROM dedupe_undo_customers WHERE dedupe_run = ?)`,
      )
      .run(dedupeRun, dedupeRun).changes;
    db.prepare("UPDATE dedupe_runs SET status = 'undone', undone_at = ? WHERE id = ?").run(nowIso(), dedupeRun);
  });
  undo();
  return summary;
}
