import { describe, expect, it } from 'vitest';
import { analyseSentiment } from '../../src/feedback/sentiment.js';

// Rules that read an opinion from several words together, written for these tests.
const table: Array<[string, 'positive' | 'neutral' | 'negative']> = [
  // an aspect and how much of it there is
  ['噪音很小', 'positive'],
  ['噪音很大', 'negative'],
  ['续航很长', 'positive'],
  ['续航很短', 'negative'],
  ['价格也不是很高', 'positive'],
  ['性价比算高的了', 'positive'],
  ['辣度刚好，尺码也正好', 'positive'],
  ['low price, huge portions', 'positive'],
  ['battery life is short', 'negative'],
  ['the wait was long', 'negative'],
  // "not as good as", and "never met anything so …"
  ['没有之前买的好用', 'negative'],
  ['不如实体店的好', 'negative'],
  ['没有想象中那么差', 'positive'],
  ['没住过这么差的酒店', 'negative'],
  ['很久没看到这么好看的喜剧了', 'positive'],
  // not perceiving something bad
  ['根本听不到什么噪音', 'positive'],
  ['闻不到异味', 'positive'],
  // how long things took
  ['两个小时才送到', 'negative'],
  ['催了五次才发货', 'negative'],
  ['昨天下单今天就到了', 'positive'],
  ['用了一周才来评价，没发现什么毛病，挺好的', 'positive'],
  ['第三次买了', 'positive'],
  // expectations overturned, photos taken by the customer, split nouns
  ['本以为很好吃，结果踩雷了', 'negative'],
  ['本来以为会很难用，没想到这么方便', 'positive'],
  ['拍出来的照片太美了', 'positive'],
  ['照片很好看，实物很丑', 'negative'],
  ['老板每次出差到北京都订这家，很满意', 'positive'],
  ['服务很‘好’，半夜打电话推销', 'negative'],
  ['洗完头发很顺滑', 'positive'],
  ['菜里吃出头发', 'negative'],
  ['要不是赶飞机，绝对不会入住这个酒店', 'negative'],
  // neutral things whose names hold an evaluative character
  ['房间里有驱蚊香', 'neutral'],
  ['早上有自助早餐', 'neutral'],
  // English: too much of a good thing, lost praise, phrases holding their negator
  ['way too sweet', 'negative'],
  ['not too sweet', 'positive'],
  ['not too big, not too small', 'positive'],
  ['A waste of a great premise.', 'negative'],
  ['Switched carriers and never looked back', 'positive'],
  ['My skin has never looked better', 'positive'],
  ['The colors bled in the wash', 'negative'],
  ['I do not think I will go back there.', 'negative'],
  ['yyds', 'positive'],
];

describe('sentiment rules over several words', () => {
  for (const [text, expected] of table) {
    it(`${text} → ${expected}`, () => {
      expect(analyseSentiment(text).label).toBe(expected);
    });
  }
});
