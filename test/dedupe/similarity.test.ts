import { describe, expect, it } from 'vitest';
import { damerau, jaroWinkler, levenshtein, tokenSetSimilarity, tokenize, TokenColumnBuilder, tokenSetSimilarityOf } from '../../src/dedupe/similarity.js';

describe('jaroWinkler', () => {
  it('matches the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 3);
  });
  it('is 1 for equal and 0 for empty or disjoint strings', () => {
    expect(jaroWinkler('zhang', 'zhang')).toBe(1);
    expect(jaroWinkler('', 'abc')).toBe(0);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
  it('gives the same answer when called many times with different lengths (scratch buffers reset)', () => {
    const first = jaroWinkler('tullaroop street', 'tullarop street');
    for (let i = 0; i < 50; i++) jaroWinkler('a'.repeat(i + 1), 'a'.repeat(i + 2));
    expect(jaroWinkler('tullaroop street', 'tullarop street')).toBe(first);
  });
});

describe('edit distances', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('smith', 'smith')).toBe(0);
    expect(levenshtein('', 'abc')).toBe(3);
  });
  it('counts an adjacent transposition as one edit only in Damerau', () => {
    expect(levenshtein('19800315', '19803015')).toBe(2);
    expect(damerau('19800315', '19803015')).toBe(1);
    expect(damerau('jon', 'john')).toBe(1);
  });
  it('stops at max + 1', () => {
    expect(levenshtein('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(damerau('13812345678', '13812345679', 1)).toBe(1);
  });
});

describe('token sets', () => {
  it('splits Chinese into bigrams and Latin into words', () => {
    expect(tokenize('华星科技(深圳)')).toEqual(['华星', '星科', '科技', '深圳']);
    expect(tokenize('Acme Trading, Ltd.')).toEqual(['acme', 'trading', 'ltd']);
  });
  it('scores reordered company names high and unrelated ones low', () => {
    expect(tokenSetSimilarity('深圳华星科技', '华星科技 深圳')).toBeGreaterThanOrEqual(0.9);
    expect(tokenSetSimilarity('acme trading', 'trading acme')).toBe(1);
    expect(tokenSetSimilarity('深圳华星科技', '北京蓝海贸易')).toBe(0);
  });
  it('gives the same value pre-tokenised', () => {
    const b = new TokenColumnBuilder();
    b.add('深圳华星科技');
    b.add('华星科技 深圳');
    b.add(null);
    const col = b.build();
    expect(tokenSetSimilarityOf(col, 0, 1)).toBeCloseTo(tokenSetSimilarity('深圳华星科技', '华星科技 深圳'), 10);
    expect(tokenSetSimilarityOf(col, 0, 2)).toBe(0);
  });
});
