import { EIGHT_TYPES, STAGE_RANK } from './labels.js';
import { segmentRank } from './rfm.js';
import type { LifecycleRun } from './run-lifecycle.js';
import type { MatrixRun } from './run-matrix.js';
import type { ParetoRun } from './run-pareto.js';
import type { RfmRun } from './run-rfm.js';
import type { TiersRun } from './run-tiers.js';
import type { SnapshotMember } from './snapshots.js';

/** Snapshot model names `--save` writes and `segment diff --model` reads. */
export function snapshotModels(run: { kind: 'rfm' } | { kind: 'tiers'; sets: string[] } | { kind: 'lifecycle' | 'matrix' | 'pareto' }): string[] {
  if (run.kind === 'rfm') return ['rfm', 'rfm8'];
  if (run.kind === 'tiers') return run.sets.map((s) => `tiers.${s}`);
  return [run.kind];
}

export function* rfmMembers(run: RfmRun): Generator<SnapshotMember> {
  for (const r of run.rows()) yield { entityId: r.entity_id, label: r.segment, rank: segmentRank(r.segment, run.rules), score: r.cell, valueCents: r.monetary_cents };
}

const typeOrder = Object.keys(EIGHT_TYPES);

export function* eightTypeMembers(run: RfmRun): Generator<SnapshotMember> {
  for (const r of run.rows()) yield { entityId: r.entity_id, label: r.type8, rank: typeOrder.indexOf(r.type8), score: r.cell, valueCents: r.monetary_cents };
}

export function* tierMembers(run: TiersRun, set: string): Generator<SnapshotMember> {
  const compiled = run.sets.find((s) => s.name === set);
  if (!compiled) return;
  const rank = new Map(compiled.tiers.map((t, i) => [t.name, i]));
  for (const r of run.rows()) {
    const tier = r.tiers[set];
    yield { entityId: r.entity_id, label: tier, rank: tier === null ? null : rank.get(tier) ?? null, valueCents: r.spend_cents };
  }
}

export function* lifecycleMembers(run: LifecycleRun): Generator<SnapshotMember> {
  for (const r of run.rows()) yield { entityId: r.entity_id, label: r.stage, rank: STAGE_RANK[r.stage], score: r.warning ? 'warning' : null, valueCents: r.monetary_cents };
}

export function* matrixMembers(run: MatrixRun): Generator<SnapshotMember> {
  for (const r of run.rows()) yield { entityId: r.entity_id, label: r.quadrant, rank: null, valueCents: r.value_cents };
}

export function* paretoMembers(run: ParetoRun): Generator<SnapshotMember> {
  for (const r of run.rows()) yield { entityId: r.entity_id, label: r.abc, rank: 'ABC'.indexOf(r.abc), valueCents: r.revenue_cents };
}
