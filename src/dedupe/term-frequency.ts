import { COMPARISONS, comparisonIndex, exactOnlyColumn, tfColumn, type ComparisonName } from './comparisons.js';
import type { Col, Prepared } from './prepare.js';

/**
 * Term frequencies: how often each value occurs. Agreement on a value shared by many records
 * (王伟, Smith, a company switchboard number) is weaker evidence than agreement on a rare one.
 */
export interface TermFrequencies {
  /** P(two random records agree exactly), per comparison whose level 0 is equality of one column (0 otherwise). */
  uExact: Float64Array;
  counts: (Map<string, number> | null)[];
  nonNull: Float64Array;
  /** Per comparison: per record log2(uExact / tf(value)), the adjustment when the pair agrees exactly. */
  adjust: (Float32Array | null)[];
  /**
   * Names also by pronunciation: for "same pronunciation" (张 / 章 / Zhang) the frequency of the
   * romanised value decides, so a common name written in pinyin still counts for little.
   */
  roman: (ValueFrequencies | null)[];
}

export interface ValueFrequencies {
  counts: Map<string, number>;
  nonNull: number;
  uExact: number;
  adjust: Float32Array;
}

/**
 * Comparisons on values that nearly everyone holds alone (a phone, an e-mail, an address). Against
 * the average, which mostly counts values nobody shares, a value a record shares with its one
 * duplicate would look common and be marked down; so only values held by more than two records
 * are (a switchboard, a family mailbox): each record beyond the second halves the evidence.
 */
const HELD_ALONE = new Set<ComparisonName>(['phone', 'email', 'address']);

function valueFrequencies(col: Col, n: number, withAdjust = true, heldAlone = false): ValueFrequencies {
  const counts = new Map<string, number>();
  let nonNull = 0;
  for (const v of col) {
    if (v === null) continue;
    nonNull++;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let agree = 0;
  for (const c of counts.values()) agree += c * (c - 1);
  const pairs = nonNull * (nonNull - 1);
  const uExact = pairs > 0 ? Math.max(agree / pairs, 1 / pairs) : 0;
  const adjust = new Float32Array(withAdjust ? n : 0);
  for (let i = 0; i < adjust.length; i++) {
    const v = col[i];
    if (v === null) continue;
    const count = counts.get(v) as number;
    if (heldAlone) adjust[i] = count > 2 ? -Math.log2(count - 1) : 0;
    else adjust[i] = Math.log2(uExact / otherShare(count, nonNull));
  }
  return { counts, nonNull, uExact, adjust };
}

export function termFrequencies(p: Prepared): TermFrequencies {
  const C = COMPARISONS.length;
  const tf: TermFrequencies = {
    uExact: new Float64Array(C),
    counts: new Array(C).fill(null),
    nonNull: new Float64Array(C),
    adjust: new Array(C).fill(null),
    roman: new Array(C).fill(null),
  };
  tf.roman[comparisonIndex.givenName] = valueFrequencies(p.givenRoman, p.n);
  tf.roman[comparisonIndex.familyName] = valueFrequencies(p.familyRoman, p.n);
  const exactColumns = { ...tfColumn, ...exactOnlyColumn };
  for (const [name, column] of Object.entries(exactColumns) as [ComparisonName, keyof Prepared][]) {
    const k = comparisonIndex[name];
    const f = valueFrequencies(p[column] as Col, p.n, COMPARISONS[k].termFrequency, HELD_ALONE.has(name));
    tf.uExact[k] = f.uExact;
    if (!COMPARISONS[k].termFrequency) continue;
    tf.counts[k] = f.counts;
    tf.nonNull[k] = f.nonNull;
    tf.adjust[k] = f.adjust;
  }
  return tf;
}

/**
 * Chance that another record, drawn at random, holds the same value: (count − 1) / (n − 1).
 * Averaged over records this is exactly u for exact agreement, so the adjustment is unbiased;
 * a value only a record and its duplicate share counts as rare, not as 2/n common.
 */
export function otherShare(count: number, nonNull: number): number {
  return Math.max(count - 1, 1) / Math.max(nonNull - 1, 1);
}
