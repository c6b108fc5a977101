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
// Effort words, only used when the scale is 1–7 (CES 2.0: 7 = very easy, or strongly agree that it was easy).
const CES_WORDS: Record<string, number> = {
  非常容易: 7, 非常方便: 7, 非常轻松: 7, 非常省力: 7, 完全同意: 7, 非常同意: 7,
  容易: 6, 方便: 6, 比较容易: 6, 比较方便: 6, 轻松: 6, 同意: 6, 比较同意: 5,
  一般: 4, 中立: 4, 说不清: 4,
  比较困难: 3, 不太方便: 3, 不太容易: 3, 有点麻烦: 3, 不太同意: 3,
  困难: 2, 不方便: 2, 不容易: 2, 麻烦: 2, 费力: 2, 不同意: 2,
  非常困难: 1, 非常不方便: 1, 非常麻烦: 1, 非常费力: 1, 完全不同意: 1, 非常不同意: 1,
  'very easy': 7, 'strongly agree': 7, easy: 6, agree: 6, 'somewhat agree': 5, neutral: 4, 'neither agree nor disagree': 4,
  'somewhat disagree': 3, difficult: 2, disagree: 2, 'very difficult': 1, 'strongly disagree': 1,
};
const NUMBER = /^([+-]?\d+(?:\.\d+)?)\s*(?:分|points?|pts?|stars?|星|颗星)?(?:\s*\/\s*(\d+)\s*分?)?$/i;

/**
 * A survey score within [min, max]: '9', '９', '9分', '9/10', ' 10 ', '4.5'; CSAT words (非常满意 → 5) when the
 * scale is 1–5, effort words (非常方便 → 7) when it is 1–7. A "x/y" value whose y is not max is rejected rather than rescaled.
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
  const words = min === 1 && max === 5 ? CSAT_WORDS : min === 1 && max === 7 ? CES_WORDS : null;
  const word = words?.[n.toLowerCase().replace(/\s+/g, ' ')];
  if (word !== undefined) return { value: word };
  return { value: null, reason: 'not_a_number' };
}
