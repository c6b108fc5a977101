import { describe, expect, it } from 'vitest';
import { assignTopics, compileTaxonomy, defaultTopics, suggestTopics } from '../../src/feedback/topics.js';

describe('assignTopics', () => {
  it('assigns one or more topics from Chinese keyword rules', () => {
    expect(assignTopics('快递太慢了，等了五天')).toEqual(['logistics']);
    expect(assignTopics('价格实惠，质量也不错')).toEqual(['quality', 'price']);
    expect(assignTopics('客服态度很差，退款一直没到账')).toEqual(['service', 'after_sales']);
    expect(assignTopics('外包装压坏了')).toEqual(['quality', 'packaging']);
    expect(assignTopics('纸箱有点湿')).toEqual(['packaging']);
    expect(assignTopics('希望增加夜间模式')).toEqual(['feature_request']);
    expect(assignTopics('登录不上，验证码收不到')).toEqual(['account_payment']);
  });

  it('matches English keywords as whole words only', () => {
    expect(assignTopics('Shipping was slow and the box was damaged')).toEqual(['logistics', 'packaging']);
    expect(assignTopics('I am happy with it')).toEqual([]); // "app" inside "happy" must not match
    expect(assignTopics('The app crashes on login')).toEqual(['account_payment', 'usability']);
    expect(assignTopics('customer service was rude')).toEqual(['service']);
  });

  it('normalises traditional Chinese and full-width text before matching', () => {
    expect(assignTopics('物流很慢，價格太貴')).toEqual(['logistics', 'price']);
    expect(assignTopics('ＡＰＰ老是闪退')).toEqual(['usability']);
  });

  it('returns nothing for text no rule covers', () => {
    expect(assignTopics('今天天气不错')).toEqual([]);
    expect(assignTopics('')).toEqual([]);
  });

  it('uses a custom taxonomy from config, including multi-word English keywords', () => {
    const taxonomy = compileTaxonomy([
      { id: 'battery', zh: '电池', en: 'Battery', keywords: ['续航', '电池', 'battery life', 'charging'] },
      ...defaultTopics.filter((t) => t.id === 'price'),
    ]);
    expect(assignTopics('续航太短了', taxonomy)).toEqual(['battery']);
    expect(assignTopics('Battery  life is poor and it is pricey', taxonomy)).toEqual(['battery', 'price']);
    expect(assignTopics('快递很快', taxonomy)).toEqual([]);
  });
});

describe('suggestTopics', () => {
  it('proposes frequent phrases from unassigned comments, phrases before their parts', () => {
    const texts = ['发票开错了抬头', '发票抬头写错', '电子发票一直没收到', '发票抬头不对', '门店排队太久', '门店排队人多'];
    const suggestions = suggestTopics(texts, { minCount: 2 });
    expect(suggestions[0]).toMatchObject({ phrase: '发票', count: 4 });
    expect(suggestions.map((s) => s.phrase)).toContain('门店排队');
    expect(suggestions.map((s) => s.phrase)).not.toContain('门店'); // as frequent as 门店排队, which covers it
    expect(suggestions[0].examples).toHaveLength(3);
  });

  it('ignores stop words and honours minCount', () => {
    expect(suggestTopics(['我们的', '我们的', '我们的'], { minCount: 2 })).toEqual([]);
    expect(suggestTopics(['储值卡余额不见了'], { minCount: 2 })).toEqual([]);
  });
});
