import { describe, expect, it } from 'vitest';
import { buildTypoIndex, typoCandidates, unelongate } from '../../src/feedback/lexicon/en-spelling.js';
import { analyseSentiment } from '../../src/feedback/sentiment.js';

describe('English spelling as customers type it', () => {
  it('shortens elongated runs, two letters before one', () => {
    expect(unelongate('goood')).toEqual(['good', 'god']);
    expect(unelongate('sooo')).toEqual(['soo', 'so']);
    expect(unelongate('good')).toEqual([]);
  });

  it('finds the word a long typo stands for, and leaves real words alone', () => {
    const index = buildTypoIndex(['satisfying', 'disappointed', 'terrible', 'startling', 'recommend']);
    expect(typoCandidates('satifying', index)).toEqual(['satisfying']); // a letter left out
    expect(typoCandidates('dissapointed', index)).toEqual(['disappointed']); // doubled and undoubled
    expect(typoCandidates('terible', index)).toEqual(['terrible']);
    expect(typoCandidates('reccomend', index)).toEqual(['recommend']);
    expect(typoCandidates('starting', index)).toEqual([]); // a real word one letter from "startling"
    expect(typoCandidates('satisfying', index)).toEqual([]); // known already
    expect(typoCandidates('sad', index)).toEqual([]); // too short to guess
  });

  const table: Array<[string, 'positive' | 'negative']> = [
    ['sooo goood', 'positive'],
    ['Food was so gooodd.', 'positive'],
    ['soooo bad', 'negative'],
    ['disapppointed', 'negative'],
    ['satifying purchase', 'positive'],
    ['terible coverage', 'negative'],
    ['highly recomended', 'positive'],
  ];
  for (const [text, expected] of table) {
    it(`${text} → ${expected}`, () => {
      expect(analyseSentiment(text).label).toBe(expected);
    });
  }
});
