// Chinese rules around words the lexicon does not score: return intent (下次还会再来), how long things took
// (两个小时才送到), excess (太小, 有点远) and absence (没有热水).
import { isZhWord, type Match, type Unit, type Word } from './shared.js';
import { zhElsewhere } from './zh-context.js';
import {
  degreeZh,
  matchZh,
  negatorZh,
  softNegatorZh,
  splitInability,
  zhFunctionWords,
  zhNotMissing,
  zhSkippable,
  zhWordValue,
} from './zh-words.js';

const patronageVerbs = new Set(['来', '去', '住', '入住', '买', '购买', '光顾', '选择', '选', '订', '预订', '预定', '回购', '复购', '合作', '光临', '消费', '下单', '用', '使用', '回来', '考虑', '住这', '来了', '去了', '住了', '买了', '点', '点了', '叫', '订购', '报名', '续费', '续订']);
const returnIntent = new Set(['再', '还会', '会再', '下次', '以后', '还要', '还想', '一定', '一定会', '还', '再次', '将来', '今后', '还将', '绝对', '肯定']);
const strongRefusal = new Set(['再也不', '再也', '绝不', '决不', '永远不', '坚决不', '不再', '打死也不']);

/** Return intent decides many reviews: 下次还会再来 (+), 以后不会再住 / 再也不买了 (−). */
export function patronageRule(units: Unit[], i: number, floor: number): Match | undefined {
  const verb = units[i] as Word;
  if (!patronageVerbs.has(verb.text)) return undefined;
  let intent = false;
  let negated = false;
  for (let j = i - 1, steps = 0; j >= floor && steps < 4; j--, steps++) {
    const token = units[j];
    if (!isZhWord(token)) break;
    if (strongRefusal.has(token.text)) {
      intent = true;
      negated = true;
    } else if (returnIntent.has(token.text)) intent = true;
    else if (negatorZh.has(token.text) || token.text === '不想' || token.text === '不敢') negated = true;
    else if (!zhSkippable.has(token.text) && !patronageFillers.has(token.text)) break;
  }
  if (!intent && !negated && zhPurchaseVerbs.has(verb.text) && repeatCustom(units, i, floor)) return { value: 1.2, length: 1 }; // 第三次买了
  if (!intent) return undefined;
  const object = units[i + 1];
  // 以后会考虑别的酒店, 下次去别家: the custom goes elsewhere.
  if (isZhWord(object) && zhElsewhere.has(object.text)) return { value: negated ? 1 : -2, length: 2 };
  // 下次去北京…: a trip, not a return to this shop (a place name or any other object follows).
  if (travelVerbs.has(verb.text) && isZhWord(object) && !zhHere.has(object.text) && !zhFunctionWords.has(object.text)) return undefined;
  return { value: negated ? -2.5 : 2, length: 1 };
}

const zhOrdinalTimes = /^第[二两三四五六七八九十几0-9]+次$/;
// A repeat purchase praises what was bought; a second stay or visit is often the one that disappointed.
const zhPurchaseVerbs = new Set(['买', '买了', '购买', '回购', '复购', '下单', '点', '点了', '订购', '续费', '续订']);

/** 第三次买了: a customer who buys again. */
function repeatCustom(units: Unit[], i: number, floor: number): boolean {
  for (let j = i - 1; j >= floor && j >= i - 2; j--) {
    const token = units[j];
    if (!isZhWord(token)) return false;
    if (zhOrdinalTimes.test(token.text)) return true;
    if (token.text !== '又' && token.text !== '来' && token.text !== '再') return false;
  }
  return false;
}

// 两个小时才送到, 催了五次才发 (−); 第二天就到了, 十分钟就送到 (+): how long something took, as customers say it.
const zhArrivals = new Set([
  '到', '送到', '收到', '到货', '发货', '送达', '寄到', '到账', '回复', '处理', '解决', '退款', '发出', '送来', '拿到', '上门', '修好', '办好',
  '搞定', '到家', '到手', '补发', '取到',
]);
// After 才 also the plain verbs: 第二天才给送来, 催了三次才发.
const zhLateArrivals = new Set([...zhArrivals, '发', '退', '送', '来', '给', '换']);
const zhReviewWords = new Set(['评价', '评论', '点评', '追评', '写', '评', '晒', '晒图', '反馈', '说']);
const zhSpanUnits = /(?:小时|钟头|分钟|天|周|星期|礼拜|个月|月|年|次|遍)$/;
const zhNumeral = /[0-9一二两三四五六七八九十半几多]/;
const zhSoon = new Set(['第二天', '次日', '当天', '隔天', '今天', '当晚', '马上', '立刻', '立马', '很快', '一会', '一会儿', '没多久', '不久']);

export function timingRule(units: Unit[], i: number): Match | undefined {
  const word = (units[i] as Word).text;
  if (word !== '才' && word !== '就') return undefined;
  const next = units[i + 1];
  const verb = isZhWord(next) ? (next.text.endsWith('了') ? next.text.slice(0, -1) : next.text) : '';
  if (!(word === '才' ? zhLateArrivals : zhArrivals).has(verb)) return undefined;
  const then = units[i + 2];
  if (isZhWord(then) && zhReviewWords.has(then.text)) return undefined; // 用了一周才来评价: the review, not the delivery
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const token = units[j];
    if (!isZhWord(token)) return undefined;
    // 两个小时, 五次, 半个月 (not 第一次, an ordinal)
    const span = token.text[0] !== '第' && zhSpanUnits.test(token.text) && (zhNumeral.test(token.text) || (isZhWord(units[j - 1]) && zhNumeral.test((units[j - 1] as Word).text)));
    if (word === '才' && span) return { value: -1.5, length: 2 };
    if (word === '就' && (span || zhSoon.has(token.text))) return { value: 1.5, length: 2 };
  }
  return undefined;
}

const patronageFillers = new Set(['会', '要', '能', '还能', '考虑', '想', '打算', '准备', '选择']);
const travelVerbs = new Set(['来', '去', '回来', '来了', '去了', '用', '考虑']);
const zhHere = new Set(['这', '这里', '这儿', '这家', '这个', '此', '本店', '贵店', '住', '吃', '买', '光顾', '入住', '消费', '看看', '玩']);

const zhAbsence = new Set(['没', '没有', '无法', '没法', '不能', '未能', '无']);
const EXCESS = -1.2;
const zhExcessTable: Record<string, number> = { 太: EXCESS, 过于: -1.2, 太过: -1.2, 有点: -0.8, 有点儿: -0.8, 有些: -0.7, 偏: -0.7 };
const excessZh = new Map(Object.entries(zhExcessTable));

// Words starting with 太 that are names and nouns, not "too …".
const zhTaiNouns = new Set([
  '太阳', '太原', '太湖', '太太', '太空', '太极', '太平', '太子', '太后', '太监', '太古', '太白', '太行', '太仓', '太和', '太保', '太公',
  '太医', '太师', '太岁', '太谷', '太康', '太阳能', '太平洋', '太极拳', '太阳镜', '太空舱', '太阳伞', '太妃糖',
]);

/** Excess (太小, 有点远) and absence (没有热水, 无法登录) around words the lexicon does not know. */
export function zhPatternRule(units: Unit[], i: number): Match | undefined {
  const word = units[i] as Word;
  const text = word.text;
  const inability = splitInability(units, i);
  if (inability) return inability;
  const excess = excessZh.get(text);
  const absence = zhAbsence.has(text);
  if (excess === undefined && !absence) {
    // Fused by the segmenter: 太小, 太远 (the rest unknown to the lexicon, else it matched already).
    if (text.length >= 2 && text.length <= 3 && text[0] === '太' && !zhFunctionWords.has(text.slice(1)) && !zhTaiNouns.has(text)) {
      return { value: EXCESS, length: 1 };
    }
    return undefined;
  }
  const next = units[i + 1];
  if (absence && isZhWord(next) && next.text === '了' && (text === '没有' || text === '没') && !isZhWord(units[i + 2])) return { value: -1, length: 2 }; // 房间没有了: none left
  if (!isZhWord(next) || zhFunctionWords.has(next.text)) return undefined;
  if (degreeZh.has(next.text) || negatorZh.has(next.text) || softNegatorZh.has(next.text)) return undefined;
  if (matchZh(units, i + 1)) return undefined;
  if (excess !== undefined && next.text.length <= 2) return { value: excess, length: 2 };
  if (!absence || zhNotMissing.has(next.text)) return undefined;
  const after = units[i + 2];
  if (isZhWord(after) && !zhFunctionWords.has(after.text) && matchZh(units, i + 2)) return undefined; // 没有打扫干净: the negation reaches 干净
  // 没有骚扰电话, 没有异味儿: the absence of something bad is good.
  if (next.text.length >= 3 && (negativeWord(next.text.slice(0, 2)) || negativeWord(next.text.slice(-2)))) return { value: 0.5, length: 2 };
  return { value: -0.6, length: 2 };
}

function negativeWord(text: string): boolean {
  const value = zhWordValue(text);
  return value !== null && value < 0;
}
