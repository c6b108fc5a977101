import { describe, expect, it } from 'vitest';
import { quantileScores } from '../../src/segment/score.js';

describe('quantileScores', () => {
  it('splits ten distinct values into five pairs', () => {
    expect([...quantileScores([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('puts quintile edges where floor(position × 5 / n) changes', () => {
    // n = 7: positions 0..6 → floor(5p/7) + 1 = 1 1 2 3 3 4 5
    expect([...quantileScores([1, 2, 3, 4, 5, 6, 7])]).toEqual([1, 1, 2, 3, 3, 4, 5]);
  });

  it('scores lower-is-better values in reverse (recency)', () => {
    expect([...quantileScores([0, 10, 20, 30, 40], 5, false)]).toEqual([5, 4, 3, 2, 1]);
  });

  it('gives equal values the score of their first position', () => {
    // sorted: 1 1 1 1 1 1 2 2 3 9 → first positions 0,0,0,0,0,0,6,6,8,9 → scores 1×6, 4, 4, 5, 5
    expect([...quantileScores([1, 2, 1, 9, 1, 3, 1, 1, 2, 1])]).toEqual([1, 4, 1, 5, 1, 5, 1, 1, 4, 1]);
  });

  it('does not depend on input order', () => {
    const values = [5, 3, 3, 8, 1, 3, 9, 9, 2, 7, 7, 4];
    const scores = quantileScores(values);
    const byValue = new Map(values.map((v, i) => [v, scores[i]]));
    const reversed = [...values].reverse();
    const scores2 = quantileScores(reversed);
    reversed.forEach((v, i) => expect(scores2[i]).toBe(byValue.get(v)));
  });

  it('gives everyone 1 when all values tie', () => {
    expect([...quantileScores([4, 4, 4, 4])]).toEqual([1, 1, 1, 1]);
    expect([...quantileScores([4, 4, 4, 4], 5, false)]).toEqual([1, 1, 1, 1]);
  });
});
