import { describe, expect, it } from 'vitest';
import { analyseSentiment } from '../../src/feedback/sentiment.js';

// Tricky sentences across domains (delivery, products, service, food, apps), written for these tests.
const chinese: Array<[string, 'positive' | 'neutral' | 'negative']> = [
  ['不满意', 'negative'],
  ['非常满意', 'positive'],
  ['不太好', 'negative'],
  ['不是很好', 'negative'],
  ['没有问题', 'positive'],
  ['不错', 'positive'],
  ['还不错', 'positive'],
  ['太差了', 'negative'],
  ['有点贵', 'negative'],
  ['不贵', 'positive'],
  ['屏幕太小了', 'negative'],
  ['一般般吧', 'negative'],
  ['虽然价格有点贵，但是质量非常好', 'positive'],
  ['虽然包装很精美，但是东西是坏的', 'negative'],
  ['物流很快，但是客服态度太差了', 'negative'],
  ['质量一般，不过客服很耐心', 'positive'],
  ['下次还会再来', 'positive'],
  ['再也不会买了', 'negative'],
  ['以后不会再住了', 'negative'],
  ['强烈推荐！', 'positive'],
  ['千万别买', 'negative'],
  ['物超所值，五星好评', 'positive'],
  ['差评！', 'negative'],
  ['只能给2分', 'negative'],
  ['外卖送到都凉了，分量也少', 'negative'],
  ['味道不错，分量足', 'positive'],
  ['App老是闪退，登录不了', 'negative'],
  ['界面简洁，操作流畅', 'positive'],
  ['退款拖了半个月才到账', 'negative'],
  ['客服秒回，问题很快就解决了', 'positive'],
  ['包装破损，里面的杯子碎了', 'negative'],
  ['前台不够专业、热情和礼貌', 'negative'],
  ['呵呵，又是这样', 'negative'],
  ['快递小哥很给力 👍', 'positive'],
  ['等了一个星期还没发货 😡', 'negative'],
  ['^_^ 很喜欢', 'positive'],
  ['不喜欢T_T', 'negative'],
  ['[赞][赞]', 'positive'],
  ['东西很好，物流很快，賣家服務態度不錯', 'positive'],
  ['價格太貴，不值得', 'negative'],
  // negation reaching over a verb or a comparison, and modal bridges
  ['房间没有打扫干净', 'negative'],
  ['没有想象中的好', 'negative'],
  ['没有想象中那么差', 'positive'],
  ['没什么可挑剔的', 'positive'],
  ['别的就没有什么可以称赞的了', 'negative'],
  ['隔音不是一般的差', 'negative'],
  // hedged complaints and concessive idioms in otherwise satisfied reviews
  ['整体不错，就是物流慢了点', 'positive'],
  ['美中不足的是包装简陋了些', 'positive'],
  ['瑕不掩瑜', 'positive'],
  ['早餐不太理想，其他还可以', 'positive'],
  // 好 / 快 that are not praise, speed of something bad, fused 太X nouns, V不C
  ['预定好的房间没有了', 'negative'],
  ['刷了好几次都刷不上', 'negative'],
  ['吵得人快疯了', 'negative'],
  ['电池耗电很快', 'negative'],
  ['太原的朋友推荐的', 'positive'],
  ['学不到东西', 'negative'],
  // claims, comparisons with other shops, scare quotes, return intent elsewhere
  ['说是正品，其实是高仿', 'negative'],
  ['隔壁那家比这家好多了', 'negative'],
  ['比别家便宜，质量也好', 'positive'],
  ['服务很“好”，半夜打电话推销', 'negative'],
  ['以后会考虑别的酒店', 'negative'],
  ['下次去北京还住这', 'positive'],
  ['没有骚扰电话，睡得很好', 'positive'],
  ['一夜没睡好', 'negative'],
  ['没想到这么好用', 'positive'],
  ['东西收到了', 'neutral'],
  ['我周一下的单', 'neutral'],
];

const english: Array<[string, 'positive' | 'neutral' | 'negative']> = [
  ['not bad', 'positive'],
  ["isn't great", 'negative'],
  ['The food was good but the service was terrible', 'negative'],
  ['Very slow delivery', 'negative'],
  ['Extremely helpful staff!', 'positive'],
  ['I will never come back', 'negative'],
  ["I don't think we'll be going back anytime soon", 'negative'],
  ['Will definitely buy again', 'positive'],
  ['a bit too expensive', 'negative'],
  ['slightly disappointed', 'negative'],
  ["The waiter wasn't helpful or friendly", 'negative'],
  ['The app crashes every time I log in :(', 'negative'],
  ['Love it :)', 'positive'],
  ['Delivery was fast 👍', 'positive'],
  ['No complaints at all', 'positive'],
  ['Not worth the money', 'negative'],
  ['Although it was late, the quality is excellent', 'positive'],
  ['The soup was too salty', 'negative'],
  ['It took over 30 minutes to get our drinks', 'negative'],
  ['Delivery took three weeks', 'negative'],
  ['The driest chicken I have ever eaten', 'negative'],
  ["We'll never go again.", 'negative'],
  ['I ordered on Monday.', 'neutral'],
];

const mixed: Array<[string, 'positive' | 'neutral' | 'negative']> = [
  ['客服very nice，物流也快', 'positive'],
  ['质量很差, totally a waste of money', 'negative'],
  ['包装OK，但是quality一般', 'negative'],
];

describe('analyseSentiment', () => {
  for (const [label, table] of [['Chinese', chinese], ['English', english], ['mixed', mixed]] as const) {
    describe(label, () => {
      for (const [text, expected] of table) {
        it(`${text} → ${expected}`, () => {
          expect(analyseSentiment(text).label).toBe(expected);
        });
      }
    });
  }

  it('scores stay within −1…1 and follow intensity', () => {
    const mild = analyseSentiment('有点失望').score;
    const strong = analyseSentiment('非常非常失望！！').score;
    expect(mild).toBeLessThan(0);
    expect(strong).toBeLessThan(mild);
    expect(strong).toBeGreaterThanOrEqual(-1);
    expect(analyseSentiment('完美，强烈推荐，超值！！！').score).toBeLessThanOrEqual(1);
  });

  it('degree words scale: 很满意 > 满意 > 有点满意', () => {
    const plain = analyseSentiment('满意').score;
    expect(analyseSentiment('很满意').score).toBeGreaterThan(plain);
    expect(analyseSentiment('有点满意').score).toBeLessThan(plain);
  });

  it('explains its decision with the words that counted', () => {
    const result = analyseSentiment('物流很快，但是客服态度太差了', { explain: true });
    expect(result.reasons?.some((r) => r.startsWith('很快'))).toBe(true);
    expect(result.reasons?.some((r) => r.startsWith('态度太差'))).toBe(true);
    expect(analyseSentiment('很好').reasons).toBeUndefined();
  });

  it('ignores a merchant reply appended to the review', () => {
    const text = '房间很脏，空调也坏了。酒店回复：非常感谢您的宝贵意见，期待您再次光临，祝您生活愉快！';
    expect(analyseSentiment(text).label).toBe('negative');
  });

  it('is neutral on empty or signal-free text', () => {
    expect(analyseSentiment('')).toEqual({ label: 'neutral', score: 0 });
    expect(analyseSentiment('   ').label).toBe('neutral');
    expect(analyseSentiment('订单号 123456').label).toBe('neutral');
  });
});
