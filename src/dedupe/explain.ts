import { rulesSharing } from './blocking.js';
import { COMPARISONS, MISSING, compareInto, comparedValues, comparisonIndex } from './comparisons.js';
import type { DedupeResult } from './engine.js';
import { nearContactOverlap, tfBonus } from './scoring.js';

export interface ExplainStep {
  comparison: string;
  level: string;
  valueA: string | null;
  valueB: string | null;
  /** log2 Bayes factor this comparison adds (0 when a value is missing). */
  weight: number;
  /** of which the term-frequency adjustment (a common value counts for less). */
  termFrequency: number;
}

export interface PairExplanation {
  a: number;
  b: number;
  /** log2 prior odds that two random records are the same person. */
  prior: number;
  steps: ExplainStep[];
  weight: number;
  probability: number;
  /** Blocking rules under which the two records share a block (empty: never compared as a candidate). */
  blockedBy: string[];
  verdict: 'match' | 'review' | 'no match';
  sameCluster: boolean;
}

/** Waterfall of one pair: prior, then each comparison's level and weight, then the total. */
export function explainPair(result: DedupeResult, idA: number, idB: number, thresholds: { match: number; review: number }, rules: string[]): PairExplanation {
  const i = result.indexOf.get(idA);
  const j = result.indexOf.get(idB);
  if (i === undefined || j === undefined) throw new Error(`record ${i === undefined ? idA : idB} was not part of this run`);
  const { prepared: p, model, tf } = result;
  const levels = new Uint8Array(COMPARISONS.length);
  const swapped = compareInto(p, i, j, levels);
  const steps: ExplainStep[] = COMPARISONS.map((c, k) => {
    const [valueA, valueB] = comparedValues(p, k, i, j, swapped);
    const level = levels[k];
    if (level === MISSING) return { comparison: c.name, level: 'missing', valueA, valueB, weight: 0, termFrequency: 0 };
    const only = new Uint8Array(COMPARISONS.length).fill(MISSING);
    only[k] = level;
    const adjust = tfBonus(p, tf, only, swapped, i);
    return {
      comparison: c.name,
      level: c.levels[level] + (swapped && k < 2 ? ' (swapped order)' : ''),
      valueA,
      valueB,
      weight: model.weights[k][level] + adjust,
      termFrequency: adjust,
    };
  });
  const overlap = nearContactOverlap(levels, model.weights);
  if (overlap > 0) {
    // the weaker of the two near contacts is the one that does not count
    const phone = comparisonIndex.phone;
    const email = comparisonIndex.email;
    const weaker = steps[phone].weight <= steps[email].weight ? phone : email;
    steps[weaker].weight -= overlap;
    steps[weaker].level += ` (counted once with ${steps[weaker === phone ? email : phone].comparison})`;
  }
  const weight = model.priorWeight + steps.reduce((s, x) => s + x.weight, 0);
  const probability = 1 / (1 + Math.pow(2, -weight));
  const sameCluster = result.root[i] === result.root[j];
  return {
    a: idA,
    b: idB,
    prior: model.priorWeight,
    steps,
    weight,
    probability,
    blockedBy: rulesSharing(p, rules, i, j),
    verdict: probability >= thresholds.match ? 'match' : probability >= thresholds.review ? 'review' : 'no match',
    sameCluster,
  };
}
