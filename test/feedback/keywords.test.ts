import { describe, expect, it } from 'vitest';
import { extractKeywords, KeywordCollector } from '../../src/feedback/keywords.js';
import { tokenize } from '../../src/feedback/tokens.js';

const comments = [
  '物流速度很快，包装也很好',
  '物流速度太慢了，等了一周',
  '客服回复很及时，物流速度一般',
  '包装破损，客服处理很及时',
  'Customer service was slow to reply',
  'customer service solved it quickly',
];

describe('extractKeywords', () => {
  it('ranks frequent content words and counts them, skipping stop words', () => {
    const keywords = extractKeywords(comments, { top: 30 });
    const byTerm = new Map(keywords.map((k) => [k.term, k]));
    expect(byTerm.get('物流')?.count).toBe(3);
    expect(byTerm.get('客服')?.count).toBe(2);
    expect(byTerm.get('包装')?.texts).toBe(2);
    expect(byTerm.has('很')).toBe(false);
    expect(byTerm.has('也')).toBe(false);
    expect(byTerm.has('was')).toBe(false);
    expect(byTerm.get('service')?.count).toBe(2);
  });

  it('finds frequent two-word phrases in Chinese and English', () => {
    const terms = extractKeywords(comments, { top: 50 }).map((k) => k.term);
    expect(terms).toContain('物流速度');
    expect(terms).toContain('customer service');
  });

  it('keeps product names from the user dictionary whole', () => {
    const texts = ['云米净水器X5出水很慢', '云米净水器X5滤芯太贵', '云米净水器X5安装方便'];
    const terms = extractKeywords(texts, { userWords: ['云米净水器X5'], top: 5 }).map((k) => k.term);
    expect(terms).toContain('云米净水器x5');
  });

  it('weighs general words below specific ones with the IDF table (tfidf)', () => {
    const texts = ['酒店停车场太小', '酒店停车场收费', '酒店早餐一般'];
    const keywords = extractKeywords(texts, { phrases: false });
    const hotel = keywords.find((k) => k.term === '酒店')!;
    const sound = keywords.find((k) => k.term === '停车场')!;
    expect(hotel.count).toBe(3);
    expect(sound.count).toBe(2);
    expect(sound.weight / sound.count).toBeGreaterThan(hotel.weight / hotel.count);
  });

  it('ranks by TextRank when asked, with extra stop words from config', () => {
    const collector = new KeywordCollector({ method: 'textrank', stopWords: ['物流'], phrases: false, top: 10 });
    for (const text of comments) collector.add(tokenize(text));
    const keywords = collector.result();
    expect(keywords.map((k) => k.term)).not.toContain('物流');
    expect(keywords[0].weight).toBeGreaterThan(keywords[keywords.length - 1].weight);
    expect(collector.texts).toBe(comments.length);
  });
});
