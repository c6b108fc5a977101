import { normaliseValue } from './text.js';

export interface ScoreResult {
  value: number | null;
  /** Stable code: empty | not_a_number | out_of_range | not_integer */
  reason?: string;
}

// Five-point satisfaction words, only used when the scale is 1–5 (CSAT).
const CSAT_WORDS: Record<string, number> = {
  非常不满意: 1, 很不满意: 1, 极不满意: 1, 不满意: 2, 一般: 3, 中立: 3, 还行: 3, 满意: 4, 比较满意: 4, 非常满意: 5, 很满意: 5, 十分满意: 5,
  'very dissatisfied': 1, dissatisfied: 2, unsatisfied: 2, neutral: 3, 'neither satisfied nor dissatisfied': 3, satisfied: 4, 'very satisfied': 5,
};
const NUMBER = /^([+-]?\d+(?:\.\d+)?)\s*(?:分|points?|pts?|stars?|星|颗星)?(?:\s*\/\s*(\d+)\s*分?)?$/i;

/**
 * A survey score within [min, max]: '9', '９', '9分', '9/10', ' 10 ', '4.5'; CSAT words (非常满意 → 5) when the
 * scale is 1–5. A "x/y" value whose y is not max is rejected rather than rescaled.
 */
export function parseScore(s: string | null | undefined, min: number, max: number): ScoreResult {
  const n = normaliseValue(s);
  if (n === null) return { value: null, reason: 'empty' };
  const m = NUMBER.exec(n);
  if (m) {
    if (m[2] !== undefined && Number(m[2]) !== max) return { value: null, reason: 'out_of_range' };
    const value = Number(m[1]);
    if (value < min || value > max) return { value: null, reason: 'out_of_range' };
    return { value };
  }
  if (min === 1 && max === 5) {
    const word = CSAT_WORDS[n.toLowerCase().replace(/\s+/g, ' ')];
    if (word !== undefined) return { value: word };
  }
  return { value: null, reason: 'not_a_number' };
}
