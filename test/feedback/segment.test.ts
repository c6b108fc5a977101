import { afterEach, describe, expect, it } from 'vitest';
import { addSegmenterWords, createIntlSegmenter, segmenter, useSegmenter } from '../../src/feedback/segment.js';
import { normaliseText, tokenize, wordsOf } from '../../src/feedback/tokens.js';

describe('Chinese segmentation', () => {
  afterEach(() => useSegmenter(undefined));

  it('uses jieba and keeps feedback vocabulary whole', () => {
    const seg = segmenter();
    expect(seg.name).toBe('jieba');
    // Lexicon entries are registered with the segmenter, so evaluative phrases and modifiers stay whole.
    expect(seg.cut('客服态度不太好，性价比很高')).toEqual(['客服', '态度', '不太', '好', '，', '性价比很高']);
    expect(seg.cut('服务态度很差劲')).toEqual(['服务态度', '很差劲']);
    expect(seg.cut('快递小哥很给力')).toEqual(['快递', '小哥', '很', '给力']);
  });

  it('keeps user dictionary words (product names) whole', () => {
    expect(segmenter().cut('小米手环九代续航很好')).not.toContain('小米手环九代');
    addSegmenterWords(['小米手环九代']);
    expect(segmenter().cut('小米手环九代续航很好')).toContain('小米手环九代');
  });

  it('falls back to Intl.Segmenter, which also honours added words', () => {
    const fallback = createIntlSegmenter();
    useSegmenter(fallback);
    expect(segmenter().name).toBe('intl');
    expect(segmenter().cut('小米手环九代续航很好')).toContain('小米手环九代'); // registered earlier, re-applied
    addSegmenterWords(['售后服务']);
    expect(segmenter().cut('售后服务很好')).toContain('售后服务');
  });
});

describe('tokenize', () => {
  it('splits Chinese, English, emoticons and clause / sentence boundaries', () => {
    const tokens = tokenize("物流很快！Love it :) 但是包装一般。");
    expect(wordsOf(tokens)).toEqual(['物流', '很快', 'love', 'it', '但是', '包装', '一般']);
    expect(tokens.filter((t) => t.kind === 'emoticon').map((t) => (t as { text: string }).text)).toEqual([':)']);
    const sentence = tokens.find((t) => t.kind === 'sentence');
    expect(sentence).toEqual({ kind: 'sentence', bangs: 1, question: false });
  });

  it('keeps English contractions, decimals and ratings together', () => {
    const tokens = tokenize("didn't work, 3.5 stars, 给4分");
    expect(wordsOf(tokens)).toEqual(["didn't", 'work', '3.5', 'stars', '给']);
    expect(tokens.some((t) => t.kind === 'emoticon' && t.text === '4分')).toBe(true);
  });

  it('normalises full-width characters and traditional Chinese', () => {
    expect(normaliseText('ＡＰＰ很好！')).toBe('APP很好!');
    expect(normaliseText('東西很好，服務態度不錯')).toBe('东西很好，服务态度不错');
    expect(normaliseText('plain text')).toBe('plain text');
  });

  it('treats a space between Chinese phrases as a clause break', () => {
    const kinds = tokenize('房间不错 位置方便').map((t) => t.kind);
    expect(kinds).toEqual(['word', 'word', 'clause', 'word', 'word']);
    expect(tokenize('very good service').map((t) => t.kind)).toEqual(['word', 'word', 'word']);
  });
});
