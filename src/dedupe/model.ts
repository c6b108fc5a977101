import { COMPARISONS, MISSING, compareInto } from './comparisons.js';
import { mulberry32, type TrainingSample } from './blocking.js';
import type { Prepared } from './prepare.js';
import type { TermFrequencies } from './term-frequency.js';

/**
 * Fellegi–Sunter model: for each comparison level, m = P(level | same person) and
 * u = P(level | different people). u comes from random pairs (exact agreement from the value
 * frequencies), m from expectation–maximisation on blocked pairs, no labels needed.
 */
export interface MatchModel {
  m: number[][];
  u: number[][];
  /** log2(m/u) per comparison and level. */
  weights: number[][];
  /** Probability that two random records are the same person, and its log2 odds. */
  lambda: number;
  priorWeight: number;
  /** How each m was learnt: number of EM sessions that trained it. */
  trainedBy: string[][];
  sessions: EmSession[];
}

export interface EmSession {
  rule: string;
  pairs: number;
  lambda: number;
  iterations: number;
  excluded: string[];
}

export function estimateU(p: Prepared, tf: TermFrequencies, samplePairs: number, seed: number): number[][] {
  const C = COMPARISONS.length;
  const counts = COMPARISONS.map((c) => new Float64Array(c.levels.length));
  const levels = new Uint8Array(C);
  const rng = mulberry32(seed ^ 0x9e3779b9);
  if (p.n >= 2) {
    // more random pairs than half of all pairs would only repeat them
    const draws = Math.min(samplePairs, Math.ceil((p.n * (p.n - 1)) / 4));
    for (let s = 0; s < draws; s++) {
      const i = Math.floor(rng() * p.n);
      let j = Math.floor(rng() * (p.n - 1));
      if (j >= i) j++;
      compareInto(p, i, j, levels);
      for (let k = 0; k < C; k++) if (levels[k] !== MISSING) counts[k][levels[k]]++;
    }
  }
  return COMPARISONS.map((c, k) => {
    const L = c.levels.length;
    const total = counts[k].reduce((a, b) => a + b, 0);
    // half a pair of pseudo-count per level keeps unseen levels finite
    const u = Array.from(counts[k], (x) => (x + 0.5) / (total + 0.5 * L));
    if (tf.uExact[k] > 0) {
      // tiny inputs can make every pair agree: keep every level possible
      const exact = Math.min(tf.uExact[k], 0.99);
      const restSampled = u.slice(1).reduce((a, b) => a + b, 0);
      return [exact, ...u.slice(1).map((x) => Math.max((x / restSampled) * (1 - exact), 1e-9))];
    }
    return u;
  });
}

/** Starting m: agreement likely among matches, disagreement unlikely. */
function initialM(levels: number): number[] {
  const m = new Array<number>(levels);
  m[0] = 0.8;
  let rest = 0.2;
  for (let l = 1; l < levels; l++) {
    m[l] = l === levels - 1 ? rest : rest * 0.6;
    rest -= m[l];
  }
  return m;
}

export interface EmOptions {
  maxIterations: number;
  tolerance: number;
}

/** Blocking rules on an identifier: pairs that share one are nearly all the same person. */
const IDENTIFIER_FIELDS = new Set(['phone', 'email', 'idNumber']);
/** Estimated matches identifier sessions need for a comparison before they alone train it. */
const IDENTIFIER_MATCHES = 50;
/**
 * What a household or a company shares: different people who share a phone or an e-mail (a
 * switchboard, a family mailbox) mostly share these too, so among such pairs they agree far more
 * often than u, measured on random pairs, says.
 */
const SHARED_BY_GROUPS = new Set<string>(['company', 'location', 'address', 'postcode']);

function isIdentifierRule(fields: readonly string[]): boolean {
  return fields.every((f) => IDENTIFIER_FIELDS.has(f));
}

/**
 * One EM session on the pairs one blocking rule proposed, u fixed. Comparisons on the rule's own
 * fields are left out: inside the rule's blocks they agree by construction and would teach nothing.
 * On an identifier rule, u of what groups share is learnt by the session too (from the pairs it
 * takes for non-matches); the names, whose u holds, tell the matches apart. Otherwise colleagues
 * sharing a switchboard number look like one person: same phone, company and city.
 */
export function runEmSession(
  p: Prepared,
  sample: TrainingSample,
  randomU: number[][],
  options: EmOptions,
): { m: number[][]; included: boolean[]; lambda: number; iterations: number; matches: number[] } | null {
  const C = COMPARISONS.length;
  const included = COMPARISONS.map((c) => !c.fields.some((f) => sample.fields.includes(f)));
  if (sample.size < 20) return null;
  // patterns with counts
  const patterns = new Map<string, { levels: Uint8Array; count: number }>();
  const levels = new Uint8Array(C);
  for (let s = 0; s < sample.size; s++) {
    compareInto(p, sample.left[s], sample.right[s], levels);
    for (let k = 0; k < C; k++) if (!included[k]) levels[k] = MISSING;
    const key = String.fromCharCode(...levels);
    const hit = patterns.get(key);
    if (hit) hit.count++;
    else patterns.set(key, { levels: levels.slice(), count: 1 });
  }
  const list = [...patterns.values()];
  const m = COMPARISONS.map((c) => initialM(c.levels.length));
  const identifier = isIdentifierRule(sample.fields);
  const learnsU = COMPARISONS.map((c, k) => identifier && included[k] && SHARED_BY_GROUPS.has(c.name));
  const u = randomU.map((uk) => uk.slice());
  let lambda = 0.3;
  let iterations = 0;
  const matchMass = COMPARISONS.map((c) => new Float64Array(c.levels.length));
  const otherMass = COMPARISONS.map((c) => new Float64Array(c.levels.length));
  for (; iterations < options.maxIterations; iterations++) {
    for (const mm of matchMass) mm.fill(0);
    for (const om of otherMass) om.fill(0);
    let totalMatch = 0;
    let total = 0;
    for (const { levels: lv, count } of list) {
      let lm = Math.log(lambda);
      let lu = Math.log(1 - lambda);
      for (let k = 0; k < C; k++) {
        const l = lv[k];
        if (l === MISSING) continue;
        lm += Math.log(m[k][l]);
        lu += Math.log(u[k][l]);
      }
      const post = 1 / (1 + Math.exp(lu - lm));
      const w = post * count;
      totalMatch += w;
      total += count;
      for (let k = 0; k < C; k++) {
        const l = lv[k];
        if (l === MISSING) continue;
        matchMass[k][l] += w;
        otherMass[k][l] += count - w;
      }
    }
    let change = Math.abs(totalMatch / total - lambda);
    lambda = Math.min(Math.max(totalMatch / total, 1e-6), 1 - 1e-6);
    for (let k = 0; k < C; k++) {
      if (!included[k]) continue;
      const L = m[k].length;
      const sum = matchMass[k].reduce((a, b) => a + b, 0);
      if (sum <= 0) continue;
      const prior = initialM(L);
      for (let l = 0; l < L; l++) {
        // one pseudo-match spread like the starting m keeps unseen levels possible
        const next = (matchMass[k][l] + prior[l]) / (sum + 1);
        change = Math.max(change, Math.abs(next - m[k][l]));
        m[k][l] = next;
      }
      if (!learnsU[k]) continue;
      const others = otherMass[k].reduce((a, b) => a + b, 0);
      // one pseudo non-match spread like u on random pairs
      for (let l = 0; l < L; l++) u[k][l] = (otherMass[k][l] + randomU[k][l]) / (others + 1);
    }
    if (change < options.tolerance) break;
  }
  const matches = matchMass.map((mm) => mm.reduce((a, b) => a + b, 0));
  return { m, included, lambda, iterations, matches };
}

/**
 * Trains m with one EM session per blocking rule and averages each comparison's m over the sessions
 * that trained it, weighted by the matches each found. Sessions on identifier rules (same phone,
 * e-mail or ID number) come first: their pairs are nearly all matches, so their m is close to
 * counted. Sessions on name rules mix in people who share a name, and where namesakes are common
 * EM can take a trait namesakes share (an e-mail made from the name: zhangwei@ / zhangwei2@) for the
 * sign of a match. They train a comparison only when identifier sessions found too few matches to.
 */
export function trainModel(p: Prepared, tf: TermFrequencies, samples: TrainingSample[], options: EmOptions & { uSample: number; seed: number }): MatchModel {
  const u = estimateU(p, tf, options.uSample, options.seed);
  const sessions: EmSession[] = [];
  const trained: { rule: string; identifier: boolean; m: number[][]; included: boolean[]; matches: number[] }[] = [];
  for (const sample of samples) {
    const result = runEmSession(p, sample, u, options);
    if (!result) continue;
    sessions.push({
      rule: sample.rule,
      pairs: sample.size,
      lambda: result.lambda,
      iterations: result.iterations,
      excluded: COMPARISONS.filter((_, k) => !result.included[k]).map((c) => c.name),
    });
    trained.push({ rule: sample.rule, identifier: isIdentifierRule(sample.fields), ...result });
  }
  const trainedBy: string[][] = COMPARISONS.map(() => []);
  const m = COMPARISONS.map((c, k) => {
    // a session that found too few matches with this field filled in cannot say much about it
    const useful = trained.filter((t) => t.included[k] && t.matches[k] >= 5);
    const byIdentifiers = useful.filter((t) => t.identifier);
    const chosen = byIdentifiers.reduce((s, t) => s + t.matches[k], 0) >= IDENTIFIER_MATCHES ? byIdentifiers : useful;
    if (chosen.length === 0) return initialM(c.levels.length);
    const total = chosen.reduce((s, t) => s + t.matches[k], 0);
    trainedBy[k] = chosen.map((t) => t.rule);
    return c.levels.map((_, l) => chosen.reduce((s, t) => s + t.matches[k] * t.m[k][l], 0) / total);
  });
  const weights = m.map((mk, k) => mk.map((x, l) => Math.log2(x / u[k][l])));
  return { m, u, weights, lambda: 0, priorWeight: 0, trainedBy, sessions };
}

/**
 * The prior P(match) for two random records, found as the fixed point of "expected matches among
 * candidate pairs = λ × all pairs" over a histogram of candidate pair weights.
 */
export function estimateLambda(weightHistogram: Float64Array, histogramMin: number, binWidth: number, totalPairs: number): number {
  let lambda = Math.min(0.5, Math.max(1e-12, weightHistogram.reduce((a, b) => a + b, 0) / Math.max(totalPairs, 1) / 2));
  for (let iter = 0; iter < 200; iter++) {
    const prior = Math.log2(lambda / (1 - lambda));
    let expected = 0;
    for (let b = 0; b < weightHistogram.length; b++) {
      const c = weightHistogram[b];
      if (c === 0) continue;
      const w = histogramMin + (b + 0.5) * binWidth + prior;
      expected += c / (1 + Math.pow(2, -w));
    }
    const next = Math.min(0.5, Math.max(1e-15, expected / Math.max(totalPairs, 1)));
    if (Math.abs(Math.log(next) - Math.log(lambda)) < 1e-6) {
      lambda = next;
      break;
    }
    lambda = next;
  }
  return lambda;
}

export function probability(weight: number): number {
  return 1 / (1 + Math.pow(2, -weight));
}
