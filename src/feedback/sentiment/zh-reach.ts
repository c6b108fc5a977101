// Chinese rules that read an evaluation across several words: an aspect and its amount (噪音很小),
// "not as … as" (没有之前的好用) and not perceiving something bad (听不到噪音).
import { zhAspects, zhJustRight, zhJustRightAspects, zhScale } from '../lexicon/zh.js';
import { isZhWord, NEGATED_NEGATIVE, type Match, type Unit, type Word } from './shared.js';
import { degreeZh, matchZh, negateZh, negatorZh, softNegatorZh, zhWordValue } from './zh-words.js';

let zhReachTriggers: Set<string> | undefined;

/** Words that open one of the rules reaching over several words (an aspect, "not as … as", "cannot hear"). */
export function reachTriggers(): Set<string> {
  zhReachTriggers ??= new Set([...Object.keys(zhAspects), ...zhJustRightAspects, ...zhNotAsGood, ...zhUnperceived, '不到', '不见']);
  return zhReachTriggers;
}

const aspectsZh = new Map(Object.entries(zhAspects));
const scaleZh = new Map(Object.entries(zhScale));
const zhAspectFillers = new Set(['也', '都', '还', '是', '算', '算是', '还算', '确实', '真的', '实在', '的', '就', '方面', '上', '真是', '倒是', '却']);
const ASPECT_WEIGHT = 1.5;

/** 续航很长 (+), 价格偏低 (+), 噪音很小 (+), 性价比不高 (−): an aspect and how much of it there is. */
export function aspectRule(units: Unit[], i: number): Match | undefined {
  const text = (units[i] as Word).text;
  if (zhJustRightAspects.has(text)) {
    // 辣度刚好, 尺码也正好: right is good (不合适 is handled by the negation of 合适 itself)
    const next = isZhWord(units[i + 1]) && zhAspectFillers.has((units[i + 1] as Word).text) ? i + 2 : i + 1;
    if (isZhWord(units[next]) && zhJustRight.has((units[next] as Word).text)) return { value: ASPECT_WEIGHT, length: next - i + 1 };
  }
  const aspect = aspectsZh.get(text);
  if (aspect === undefined) return undefined;
  let degree = 1;
  let negated = false;
  for (let k = i + 1; k < units.length && k <= i + 4; k++) {
    const token = units[k];
    if (!isZhWord(token)) return undefined;
    const scale = scaleOf(token.text);
    if (scale) {
      let value = aspect * scale.direction * ASPECT_WEIGHT * degree * scale.degree;
      const own = zhWordValue(token.text); // 少了 (−2) says more than "less of it" alone
      if (own !== null && Math.sign(own) === Math.sign(value) && Math.abs(own) > Math.abs(value)) value = own * degree;
      if (negated !== scale.negated) value = value > 0 ? -value * 0.85 : -value * NEGATED_NEGATIVE;
      return { value, length: k - i + 1 };
    }
    const factor = degreeZh.get(token.text);
    if (factor !== undefined) degree *= factor;
    else if (negatorZh.has(token.text) || softNegatorZh.has(token.text)) negated = !negated;
    else if (!zhAspectFillers.has(token.text)) return undefined;
  }
  return undefined;
}

/** 高, 很高, 偏低了, 不大, 算高的: an amount word, with the degree or negation fused to it. */
function scaleOf(text: string): { direction: number; degree: number; negated: boolean } | undefined {
  let word = text;
  while (word.length > 1 && '了的啊呀哦啦吧'.includes(word[word.length - 1])) word = word.slice(0, -1);
  const direct = scaleZh.get(word);
  if (direct !== undefined) return { direction: direct, degree: 1, negated: false };
  for (const cut of [2, 1]) {
    if (word.length <= cut) continue;
    const direction = scaleZh.get(word.slice(cut));
    if (direction === undefined) continue;
    const head = word.slice(0, cut);
    if (negatorZh.has(head) || softNegatorZh.has(head)) return { direction, degree: softNegatorZh.has(head) ? 0.6 : 1, negated: true };
    const degree = degreeZh.get(head) ?? (zhAspectFillers.has(head) ? 1 : undefined);
    if (degree !== undefined) return { direction, degree, negated: false };
  }
  return undefined;
}

// 没有之前的好用, 不如实体店的好, 没有以前那么差: "not as … as" reaches over what it compares with.
const zhNotAsGood = new Set(['没有', '没', '并没有', '不如', '还不如', '比不上', '赶不上', '不及', '远不如']);
const zhComparisonLinks = new Set(['的', '那么', '这么', '那样', '那般']);
const MAX_COMPARED = 6;

const zhExperienceVerbs = new Set(['看到', '见到', '遇到', '碰到', '吃到', '用到', '住到', '喝到', '买到', '听到', '看见', '遇见', '碰见', '见识']);

export function comparisonRule(units: Unit[], i: number): Match | undefined {
  if (!zhNotAsGood.has((units[i] as Word).text)) return undefined;
  let experienced = false; // 没住过这么差的, 没用过这么好用的: never met anything like it
  for (let k = i + 1; k < units.length && k <= i + MAX_COMPARED; k++) {
    const token = units[k];
    if (!isZhWord(token) || negatorZh.has(token.text) || token.text === '还是') return undefined; // 还是不写的好: "better not"
    if (token.text.endsWith('过') || zhExperienceVerbs.has(token.text)) experienced = true;
    if (zhComparisonLinks.has(token.text)) {
      let at = k + 1;
      if (token.text === '的' && isZhWord(units[at]) && zhComparisonLinks.has((units[at] as Word).text)) at++; // 的那么好
      const compared = isZhWord(units[at]) ? matchZh(units, at) : undefined;
      if (!compared || at === i + 1) return undefined;
      return { value: experienced ? compared.value * 1.3 : negateZh(compared.value, 0.85), length: at + compared.length - i };
    }
    if (k > i + 1 && zhWordValue(token.text) !== null) return undefined; // an opinion of its own comes first
  }
  return undefined;
}

// 听不到噪音, 闻不到异味: not perceiving something bad is good.
const zhUnperceived = new Set(['听不到', '听不见', '闻不到', '闻不见', '看不到', '看不见', '感觉不到', '感受不到', '觉察不到']);
const zhPerceptionVerbs = new Set(['听', '闻', '看', '感觉', '感受', '觉察']);
const zhUnperceivedFillers = new Set(['什么', '任何', '一点', '一点点', '半点', '丝毫', '一丝', '有', '的', '啥', '太', '多少']);

export function unperceivedRule(units: Unit[], i: number): Match | undefined {
  const text = (units[i] as Word).text;
  const split = (text === '不到' || text === '不见') && isZhWord(units[i - 1]) && zhPerceptionVerbs.has((units[i - 1] as Word).text);
  if (!zhUnperceived.has(text) && !split) return undefined;
  for (let k = i + 1; k < units.length && k <= i + 3; k++) {
    const token = units[k];
    if (!isZhWord(token)) return undefined;
    if (zhUnperceivedFillers.has(token.text)) continue;
    const heard = matchZh(units, k);
    return heard && heard.value < 0 ? { value: 1, length: k + heard.length - i } : undefined;
  }
  return undefined;
}
