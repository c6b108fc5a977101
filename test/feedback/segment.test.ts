import { afterEach, describe, expect, it } from 'vitest';
import { addSegmenterWords, createIntlSegmenter, segmenter, useSegmenter } from '../../src/feedback/segment.js';
import { analyseSentiment } from '../../src/feedback/sentiment.js';
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

  it('keeps Chinese sentiment working on the Intl.Segmenter fallback', () => {
    useSegmenter(createIntlSegmenter());
    const cases: Array<[string, string]> = [
      ['不太好', 'negative'],
      ['前台不够专业、热情和礼貌', 'negative'],
      ['没有想象中的好', 'negative'],
      ['整体不错，就是物流慢了点', 'positive'],
      ['虽然价格有点贵，但是质量非常好', 'positive'],
      ['房间没有打扫干净', 'negative'],
      ['下次还会再来', 'positive'],
      ['以后不会再住了', 'negative'],
    ];
    expect(cases.map(([text]) => [text, analyseSentiment(text).label])).toEqual(cases);
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

  it('keeps a short quoted phrase in its clause, marked as quoted', () => {
    const tokens = tokenize('服务很“好”，半夜打电话');
    expect(tokens.map((t) => t.kind)).toEqual(['word', 'word', 'word', 'clause', 'word', 'word']);
    expect(tokens.filter((t) => t.kind === 'word' && t.quoted).map((t) => (t as { text: string }).text)).toEqual(['好']);
    // A long quotation is not scare quotes: it still breaks the clause.
    expect(tokenize('他说“这个房间我们明天再给您换”').some((t) => t.kind === 'clause')).toBe(true);
  });

  it('reads 四星酒店 as a hotel class, 给四星 as a rating', () => {
    expect(tokenize('四星酒店的标准').some((t) => t.kind === 'emoticon')).toBe(false);
    expect(tokenize('只能给四星').some((t) => t.kind === 'emoticon' && t.text === '四星')).toBe(true);
  });

  it('treats a space between Chinese phrases as a clause break', () => {
    const kinds = tokenize('房间不错 位置方便').map((t) => t.kind);
    expect(kinds).toEqual(['word', 'word', 'clause', 'word', 'word']);
    expect(tokenize('very good service').map((t) => t.kind)).toEqual(['word', 'word', 'word']);
  });
});
