import { performance } from 'node:perf_hooks';
import { generatePairs, type RuleStats } from './blocking.js';
import { clusterEdges, EdgeList, type Edge } from './cluster.js';
import { COMPARISONS, compareInto, comparisonIndex } from './comparisons.js';
import { defaultDedupeConfig, type DedupeConfig } from './config.js';
import { estimateLambda, trainModel, type MatchModel } from './model.js';
import { prepareRecords, type Prepared } from './prepare.js';
import { IdIndex } from './id-index.js';
import { PairSpill } from './pair-spill.js';
import { Scorer, packLevels, tfBonus } from './scoring.js';
import { termFrequencies, type TermFrequencies } from './term-frequency.js';
import type { MatchRecord } from './types.js';

export interface ScoredPair {
  /** record ids */
  a: number;
  b: number;
  weight: number;
  probability: number;
}

export interface ReviewPair extends ScoredPair {
  /** 'uncertain': between review and match; 'chaining': above match but refused by the chaining guard. */
  reason: 'uncertain' | 'chaining';
}

export interface DedupeStats {
  records: number;
  candidatePairs: number;
  comparedPerSecond: number;
  lambda: number;
  blocking: RuleStats[];
  seconds: { prepare: number; block: number; train: number; score: number; cluster: number; total: number };
}

/** Everything matching learnt and scored, before clustering (clustering can be redone with new decisions). */
export interface Scored {
  stats: DedupeStats;
  model: MatchModel;
  prepared: Prepared;
  tf: TermFrequencies;
  scorer: Scorer;
  /** Record id → position in prepared. */
  indexOf: IdIndex;
  /** Pairs at or above the match threshold, and between the review and match thresholds (record positions). */
  matchEdges: EdgeList;
  uncertain: EdgeList;
  config: DedupeConfig;
}

export interface DedupeResult extends Scored {
  /** Groups of two or more record ids that are one customer. */
  clusters: number[][];
  /** Cluster root (a record position) per record position. */
  root: Int32Array;
  /** The links that formed the clusters; weight Infinity for a link a person confirmed. */
  links: ScoredPair[];
  /** Pairs for a person to decide. */
  review: ReviewPair[];
}

export interface DecisionInput {
  a: number;
  b: number;
  same: boolean;
}

/** How the engine works, not what it finds: results are the same for any value. */
export interface EngineOptions {
  /** Compared pairs per chunk of the temporary pair file (the last chunk stays in memory). */
  pairChunk?: number;
  /** Where the temporary pair file goes (default: the system's temporary directory). */
  tempDir?: string;
  /** How many records are coming, when the caller knows (columns are then allocated once). */
  expectedRecords?: number;
}

/** Finds the records that are the same customer. Pure: records in, clusters and evidence out. */
export function dedupe(records: Iterable<MatchRecord>, config: DedupeConfig = defaultDedupeConfig(), decisions: DecisionInput[] = [], options: EngineOptions = {}): DedupeResult {
  return clusterScored(scoreRecords(records, config, options), decisions);
}

/** Blocking, comparison, training and scoring: the candidate pairs above the review threshold. */
export function scoreRecords(records: Iterable<MatchRecord>, config: DedupeConfig = defaultDedupeConfig(), options: EngineOptions = {}): Scored {
  const t0 = performance.now();
  const prepared = prepareRecords(records, options.expectedRecords);
  const tf = termFrequencies(prepared);
  dropUnusedCounts(tf);
  const t1 = performance.now();

  // a pair's level pattern and term-frequency bonus do not depend on the model: they are kept on
  // disk until the model is trained, and only the pairs above the review threshold come back
  const pairs = new PairSpill(options.pairChunk, options.tempDir);
  try {
    const levels = new Uint8Array(COMPARISONS.length);
    const { stats: blockingStats, samples } = generatePairs(
      prepared,
      {
        rules: config.blocking.rules,
        maxBlockSize: config.blocking.max_block_size,
        window: config.blocking.window,
        trainingSample: config.training.pairs_per_rule,
        seed: config.training.seed,
      },
      (i, j) => {
        const swapped = compareInto(prepared, i, j, levels);
        pairs.push(i, j, packLevels(levels), tfBonus(prepared, tf, levels, swapped, i));
      },
    );
    const t2 = performance.now();

    const model = trainModel(prepared, tf, samples, {
      maxIterations: config.training.max_iterations,
      tolerance: 1e-6,
      uSample: config.training.random_pairs,
      seed: config.training.seed,
    });
    samples.length = 0; // the training pairs are not needed any more
    const scorer = new Scorer(prepared, tf, model);
    const t3 = performance.now();

    // prior: expected matches among candidates = λ × all pairs
    const binWidth = 0.25;
    const histMin = -200;
    const hist = new Float64Array(1600);
    pairs.forEachChunk((chunk) => {
      const { pattern, bonus } = chunk;
      for (let k = 0; k < chunk.length; k++) {
        const w = scorer.patternWeight(pattern[k]) + bonus[k];
        hist[Math.min(hist.length - 1, Math.max(0, Math.floor((w - histMin) / binWidth)))]++;
      }
    });
    const n = prepared.n;
    model.lambda = estimateLambda(hist, histMin, binWidth, (n * (n - 1)) / 2);
    model.priorWeight = Math.log2(model.lambda / (1 - model.lambda));
    const reviewWeight = logit2(config.review);
    const matchWeight = logit2(config.match);
    const matchEdges = new EdgeList();
    const uncertain = new EdgeList();
    pairs.forEachChunk((chunk) => {
      const { left, right, pattern, bonus } = chunk;
      for (let k = 0; k < chunk.length; k++) {
        // the pair weight rounded to single precision, as it always was stored
        const w = Math.fround(scorer.patternWeight(pattern[k]) + bonus[k]) + model.priorWeight;
        if (w < reviewWeight) continue;
        (w >= matchWeight ? matchEdges : uncertain).push(left[k], right[k], w);
      }
    });
    const t4 = performance.now();
    const indexOf = new IdIndex(prepared.ids);
    const sec = (a: number, b: number): number => Math.round(b - a) / 1000;
    return {
      model,
      prepared,
      tf,
      scorer,
      indexOf,
      matchEdges,
      uncertain,
      config,
      stats: {
        records: n,
        candidatePairs: pairs.length,
        comparedPerSecond: Math.round(pairs.length / Math.max((t2 - t1) / 1000, 1e-3)),
        lambda: model.lambda,
        blocking: blockingStats,
        seconds: { prepare: sec(t0, t1), block: sec(t1, t2), train: sec(t2, t3), score: sec(t3, t4), cluster: 0, total: sec(t0, t4) },
      },
    };
  } finally {
    pairs.close();
  }
}

/** Clusters scored pairs into customers, honouring a person's decisions. */
export function clusterScored(scored: Scored, decisions: DecisionInput[] = []): DedupeResult {
  const t4 = performance.now();
  const { prepared, indexOf, scorer, config, matchEdges, uncertain } = scored;
  const n = prepared.n;
  const toIndex = (d: DecisionInput): [number, number] | null => {
    const a = indexOf.get(d.a);
    const b = indexOf.get(d.b);
    return a === undefined || b === undefined ? null : [a, b];
  };
  const decided = {
    same: decisions.filter((d) => d.same).map(toIndex).filter((x): x is [number, number] => x !== null),
    different: decisions.filter((d) => !d.same).map(toIndex).filter((x): x is [number, number] => x !== null),
  };
  const clustering = clusterEdges(n, matchEdges, (i, j) => scorer.probability(i, j), { cohesion: config.cohesion, maxCrossPairs: 400 }, decided);
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = clustering.root[i];
    if (r === i && !byRoot.has(r)) continue;
    let g = byRoot.get(r);
    if (!g) {
      g = [prepared.ids[r]];
      byRoot.set(r, g);
    }
    if (r !== i) g.push(prepared.ids[i]);
  }
  const clusters = [...byRoot.values()].filter((g) => g.length > 1);
  const toPair = (e: Edge): ScoredPair => ({
    a: prepared.ids[e.i],
    b: prepared.ids[e.j],
    weight: e.weight,
    probability: 1 / (1 + Math.pow(2, -e.weight)),
  });
  const links = clustering.joined.map(toPair);
  const decidedKey = new Set(decisions.map((d) => pairKey(d.a, d.b)));
  const review: ReviewPair[] = [];
  for (let k = 0; k < uncertain.length; k++) {
    if (clustering.root[uncertain.i[k]] === clustering.root[uncertain.j[k]]) continue;
    const pair = toPair(uncertain.at(k));
    if (!decidedKey.has(pairKey(pair.a, pair.b))) review.push({ ...pair, reason: 'uncertain' });
  }
  for (const r of clustering.refused) {
    if (r.reason !== 'cohesion') continue;
    const pair = toPair(r.edge);
    if (!decidedKey.has(pairKey(pair.a, pair.b))) review.push({ ...pair, reason: 'chaining' });
  }
  review.sort((x, y) => y.weight - x.weight);
  const clusterSeconds = Math.round(performance.now() - t4) / 1000;
  return {
    ...scored,
    clusters,
    root: clustering.root,
    links,
    review,
    stats: {
      ...scored.stats,
      seconds: { ...scored.stats.seconds, cluster: clusterSeconds, total: Math.round((scored.stats.seconds.total + clusterSeconds) * 1000) / 1000 },
    },
  };
}

export function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/**
 * Value counts are read again only for names (a swapped name is weighed by the name field that
 * has it more often); the per-record adjustments already carry the rest. Phone, e-mail and
 * address counts hold a map entry for almost every record.
 */
function dropUnusedCounts(tf: TermFrequencies): void {
  tf.counts.forEach((_, k) => {
    if (k !== comparisonIndex.givenName && k !== comparisonIndex.familyName) tf.counts[k] = null;
  });
}

function logit2(p: number): number {
  return Math.log2(p / (1 - p));
}
