import { CustopsError, ExitCode } from '../errors.js';
import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';
import { COMPARISONS } from './comparisons.js';
import type { DedupeConfig } from './config.js';
import { loadDecisions } from './decisions.js';
import { clusterScored, scoreRecords, type DecisionInput, type DedupeResult, type ScoredPair } from './engine.js';
import { ENTITY_ROW_COLUMNS, ENTITY_VALUE_COLUMNS, entityValues, type EntityRow } from './entities.js';
import { explainPair } from './explain.js';
import { customerRecords } from './records.js';
import { goldenRecord, type SurvivorshipRules } from './survivorship.js';
import type { MatchRecord } from './types.js';

/** Matches the store's customers (with the saved review answers) without writing anything. */
export function matchStore(db: Db, config: DedupeConfig, decisions: DecisionInput[] = loadDecisions(db)): DedupeResult {
  return clusterScored(scoreRecords(customerRecords(db), config), decisions);
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
    const existing = new Set((db.prepare('SELECT id FROM entities').pluck().all() as number[]));

    // cluster sizes and members (positions)
    const size = new Int32Array(n);
    for (let i = 0; i < n; i++) size[result.root[i]]++;
    const membersOf = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const r = result.root[i];
      if (size[r] < 2) continue;
      let m = membersOf.get(r);
      if (!m) membersOf.set(r, (m = []));
      m.push(i);
    }

    // entity ids: a group keeps the entity most of its members already had, biggest groups choose first
    const claimed = new Set<number>();
    const entityOfRoot = new Map<number, number>();
    const roots = [...membersOf.keys()].sort((a, b) => size[b] - size[a] || a - b);
    for (const r of roots) {
      const votes = new Map<number, number>();
      for (const i of membersOf.get(r) as number[]) if (!Number.isNaN(current[i])) votes.set(current[i], (votes.get(current[i]) ?? 0) + 1);
      const best = [...votes].filter(([e]) => existing.has(e) && !claimed.has(e)).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
      if (best) {
        claimed.add(best[0]);
        entityOfRoot.set(r, best[0]);
      }
    }
    for (let i = 0; i < n; i++) {
      if (size[result.root[i]] !== 1) continue;
      const e = current[i];
      if (!Number.isNaN(e) && existing.has(e) && !claimed.has(e)) {
        claimed.add(e);
        entityOfRoot.set(i, e);
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
      let entity = entityOfRoot.get(root);
      if (entity === undefined) {
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
      entityOfRoot.set(root, entity);
    };

    // golden records: customers are read again page by page; a group is written once all its members are read
    const pending = new Map<number, MatchRecord[]>();
    for (const record of customerRecords(db)) {
      const i = result.indexOf.get(record.id);
      if (i === undefined) continue;
      const r = result.root[i];
      if (size[r] === 1) {
        writeEntity(r, [record]);
        continue;
      }
      let list = pending.get(r);
      if (!list) pending.set(r, (list = []));
      list.push(record);
      if (list.length === size[r]) {
        writeEntity(r, list);
        pending.delete(r);
      }
    }

    // entities no group kept are removed (their rows go to the undo log)
    const keep = new Set(entityOfRoot.values());
    const deleteEntity = db.prepare('DELETE FROM entities WHERE id = ?');
    for (const id of existing) {
      if (keep.has(id)) continue;
      logEntity.run(run, id, JSON.stringify(getEntity.get(id)));
      deleteEntity.run(id);
      summary.entitiesDeleted++;
    }

    // evidence of every merge, and the pairs left for a person
    const insertMerge = db.prepare('INSERT INTO merges (dedupe_run, entity_id, customer_id, linked_to, score, weight, evidence) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const tree of spanningTrees(result)) {
      const entity = entityOfRoot.get(result.root[result.indexOf.get(tree.anchor) as number]) as number;
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
  const adjacency = new Map<number, ScoredPair[]>();
  for (const link of result.links) {
    for (const id of [link.a, link.b]) {
      const list = adjacency.get(id);
      if (list) list.push(link);
      else adjacency.set(id, [link]);
    }
  }
  for (const cluster of result.clusters) {
    const anchor = Math.min(...cluster);
    const seen = new Set([anchor]);
    const queue = [anchor];
    const members: { member: number; link: ScoredPair }[] = [];
    while (queue.length > 0) {
      const from = queue.shift() as number;
      for (const link of adjacency.get(from) ?? []) {
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
