import { COMPARISONS, MISSING, compareInto, comparisonIndex } from './comparisons.js';
import type { MatchModel } from './model.js';
import type { Prepared } from './prepare.js';
import { otherShare, type TermFrequencies, type ValueFrequencies } from './term-frequency.js';

const C = COMPARISONS.length;
const GIVEN = comparisonIndex.givenName;
const FAMILY = comparisonIndex.familyName;
const PHONE = comparisonIndex.phone;
const EMAIL = comparisonIndex.email;
/** The near-agreement level of phone and e-mail (same last 8 digits / mailbox name, or one edit). */
const NEAR = 1;

/** Radix of each comparison in a packed pattern: level + 1, 0 for missing. */
const radix: number[] = [];
{
  let r = 1;
  for (const c of COMPARISONS) {
    radix.push(r);
    r *= c.levels.length + 1;
  }
}

export function packLevels(levels: Uint8Array): number {
  let pattern = 0;
  for (let k = 0; k < C; k++) if (levels[k] !== MISSING) pattern += (levels[k] + 1) * radix[k];
  return pattern;
}

export function unpackPattern(pattern: number, out: Uint8Array): Uint8Array {
  for (let k = C - 1; k >= 0; k--) {
    const digit = Math.floor(pattern / radix[k]);
    pattern -= digit * radix[k];
    out[k] = digit === 0 ? MISSING : digit - 1;
  }
  return out;
}

/**
 * Term-frequency adjustment of a compared pair: for each frequency-weighted comparison that
 * agreed exactly, log2(u_exact / frequency of the agreed value).
 */
export function tfBonus(p: Prepared, tf: TermFrequencies, levels: Uint8Array, swapped: boolean, i: number): number {
  let bonus = 0;
  for (let k = 0; k < C; k++) {
    if (levels[k] === 1 && (k === GIVEN || k === FAMILY)) {
      bonus += swapped ? swappedNameAdjust(p, tf, k, i, true) : (tf.roman[k] as ValueFrequencies).adjust[i];
      continue;
    }
    if (levels[k] !== 0) continue;
    const adjust = tf.adjust[k];
    if (!adjust) continue;
    if (swapped && (k === GIVEN || k === FAMILY)) bonus += swappedNameAdjust(p, tf, k, i);
    else bonus += adjust[i];
  }
  return bonus;
}

/** A swapped name value is weighed by its frequency in whichever name field has it more often. */
function swappedNameAdjust(p: Prepared, tf: TermFrequencies, k: number, i: number, byPronunciation = false): number {
  const value = (k === GIVEN ? (byPronunciation ? p.givenRoman : p.given) : byPronunciation ? p.familyRoman : p.family)[i] as string;
  let freq = 0;
  for (const f of [GIVEN, FAMILY]) {
    const counts = byPronunciation ? tf.roman[f]?.counts : tf.counts[f];
    const nonNull = byPronunciation ? (tf.roman[f]?.nonNull ?? 0) : tf.nonNull[f];
    const c = counts?.get(value) ?? 0;
    if (nonNull > 0 && c > 0) freq = Math.max(freq, otherShare(c, nonNull));
  }
  if (freq === 0) return 0;
  const uExact = byPronunciation ? (tf.roman[k] as ValueFrequencies).uExact : tf.uExact[k];
  return Math.log2(uExact / freq);
}

/**
 * Near-agreement on both phone and e-mail counts once, as the stronger of the two: returns the weight
 * to take off. A typo in both contacts of one record is rare, while different people numbered in
 * sequence (13800000950 / user950@ and 13800000952 / user952@, a company's extension block, the
 * zhangwei@ / zhangwei2@ a mail provider hands the second 张伟) are near on both at once. The model
 * takes comparisons as independent and would add the two up.
 */
export function nearContactOverlap(levels: ArrayLike<number>, weights: number[][]): number {
  if (levels[PHONE] !== NEAR || levels[EMAIL] !== NEAR) return 0;
  const phone = weights[PHONE][NEAR];
  const email = weights[EMAIL][NEAR];
  return phone > 0 && email > 0 ? Math.min(phone, email) : 0;
}

/** Scores pairs with a trained model; caches the summed weight of each level pattern. */
export class Scorer {
  private readonly patternWeights = new Map<number, number>();
  private readonly levels = new Uint8Array(C);

  constructor(
    readonly prepared: Prepared,
    readonly tf: TermFrequencies,
    readonly model: MatchModel,
  ) {}

  /** Bayes-factor weight (log2) of a level pattern, without prior and term frequencies. */
  patternWeight(pattern: number): number {
    let w = this.patternWeights.get(pattern);
    if (w === undefined) {
      const lv = unpackPattern(pattern, new Uint8Array(C));
      w = 0;
      for (let k = 0; k < C; k++) if (lv[k] !== MISSING) w += this.model.weights[k][lv[k]];
      w -= nearContactOverlap(lv, this.model.weights);
      this.patternWeights.set(pattern, w);
    }
    return w;
  }

  /** Match weight including the prior: log2 odds that i and j are the same person. */
  weight(i: number, j: number): number {
    const swapped = compareInto(this.prepared, i, j, this.levels);
    return this.model.priorWeight + this.patternWeight(packLevels(this.levels)) + tfBonus(this.prepared, this.tf, this.levels, swapped, i);
  }

  probability(i: number, j: number): number {
    return 1 / (1 + Math.pow(2, -this.weight(i, j)));
  }
}
