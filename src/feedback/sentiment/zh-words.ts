// Chinese word values: lexicon phrases across segmenter splits, fused modifiers (不满, 太慢了), V不C and 没X,
// the back-off lexicon, and the negators and degree words before an evaluative word.
import { zhBackoffEntries } from '../model/zh-backoff.js';
import { zhDegree, zhLexicon, zhNegator, zhNeutral, zhSoftNegator, zhSuffixDegree } from '../lexicon/zh.js';
import { isZhWord, NEGATED_NEGATIVE, type Match, type Unit, type Word } from './shared.js';

export const zhSkippable = new Set(['是', '的', '得', '也', '都', '就', '又', '确实', '的确', '真心', '实在']);
export const zhFunctionWords = new Set([
  '了', '的', '是', '在', '有', '被', '把', '给', '让', '就', '都', '也', '还', '又', '再', '一', '个', '这', '那', '这个',
  '那个', '什么', '怎么', '多少', '吗', '呢', '吧', '啊', '呀', '哦', '啦', '嘛', '人', '我', '你', '他', '她', '它', '我们',
  '多', '之一', '办法', '关系', '事', '时间', '想到', '必要', '看到', '说', '想', '知道', '过', '错',
]);
// Maps, not objects: lookups with arbitrary segmented strings are much faster on a Map.
export const degreeZh = new Map(Object.entries(zhDegree));
export const negatorZh = new Map(Object.entries(zhNegator));
export const softNegatorZh = new Map(Object.entries(zhSoftNegator));
export const suffixDegreeZh = new Map(Object.entries(zhSuffixDegree));

export const zhNotDone = new Set(['没', '没有', '未', '还没', '还没有', '并没有', '没能', '未能']);

export function matchZh(units: Unit[], i: number): Match | undefined {
  const first = units[i] as Word;
  // Phrases split by the segmenter: try up to three consecutive words joined (性价比/很/高).
  let joined = first.text;
  let best: Match | undefined;
  for (let k = 1; k < 3 && i + k < units.length; k++) {
    const next = units[i + k];
    if (!isZhWord(next)) break;
    joined += next.text;
    if (joined.length > 8) break;
    const value = zhLexicon.get(joined);
    if (value !== undefined) best = { value, length: k + 1 };
  }
  if (best) return best;
  const value = zhWordValue(first.text);
  return value === null ? undefined : { value, length: 1 };
}

// Per-word lexicon results (direct entry or decomposition), cached: feedback vocabulary repeats a lot.
const zhWordCache = new Map<string, number | null>();

export function zhWordValue(text: string): number | null {
  const cached = zhWordCache.get(text);
  if (cached !== undefined) return cached;
  let value: number | null;
  if (zhNeutral.has(text)) value = null;
  else value = zhLexicon.get(text) ?? decomposeZh(text) ?? (isZhModifier(text) ? undefined : backoffValue(text)) ?? inabilityOrLack(text) ?? null;
  if (zhWordCache.size > 100_000) zhWordCache.clear();
  zhWordCache.set(text, value);
  return value;
}

let zhBackoff: Map<string, number> | undefined;

/** Negators and degree words modify the next word; the back-off lexicon's own score for them (不够 −0.8) would count twice. */
function isZhModifier(text: string): boolean {
  return negatorZh.has(text) || softNegatorZh.has(text) || degreeZh.has(text) || suffixDegreeZh.has(text);
}

/**
 * Words the hand-written lexicon does not know, from the back-off lexicon (BosonNLP and HowNet, see
 * src/feedback/model/zh-backoff.ts): weaker than curated entries, so they decide only otherwise quiet clauses.
 */
function backoffValue(text: string): number | undefined {
  if (!zhBackoff) {
    zhBackoff = new Map();
    for (const line of zhBackoffEntries.split('\n')) {
      const space = line.indexOf(' ');
      if (space > 0) zhBackoff.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
  }
  return zhBackoff.get(text);
}

// V不C "cannot manage to" (学不到, 散不掉, 充不进) is a complaint; these V不C are idioms, not failures.
const inabilityIdioms = new Set([
  '了不起', '对不起', '想不到', '意想不到', '差不多', '舍不得', '忍不住', '少不了', '怪不得', '说不定', '不得不', '免不了', '离不开', '看不出',
  '数不清', '说不出', '挑不出', '赶不上', '比不上', '谈不上', '算不上', '称不上', '说不上', '买得到', '用不着', '犯不着', '恨不得', '巴不得',
  '停不下', '想不起',
]);
// 进不去, 拿不出来: V不 + a two-character direction.
const directionEndings = new Set(['进去', '出来', '上去', '下去', '起来', '过去', '回来', '进来', '出去', '上来', '下来', '过来', '回去']);
const inabilityEndings = new Set(['到', '了', '掉', '动', '开', '上', '进', '起', '出', '完', '清', '懂', '住', '着', '下', '来', '去', '通', '成']);
// 没X fused by the segmenter (没电, 没货): something missing, unless one of these set phrases.
const lackIdioms = new Set(['没错', '没准', '没想到', '没必要', '没什么', '没啥', '没多久', '没几天', '没事', '没关系', '没得说', '没的说', '没话说', '没毛病', '没问题', '没法说', '没说', '没看', '没去', '没吃', '没用过', '没住过', '没见过']);

/** V不C split by the segmenter: 学/不到, 刷/不/上. */
export function splitInability(units: Unit[], i: number): Match | undefined {
  const word = units[i] as Word;
  const verb = units[i - 1];
  if (!isZhWord(verb) || verb.text.length > 2 || zhFunctionWords.has(verb.text) || zhWordValue(verb.text) !== null) return undefined;
  if (word.text.length === 2 && word.text[0] === '不' && inabilityEndings.has(word.text[1])) {
    return inabilityIdioms.has(verb.text.slice(-1) + word.text) ? undefined : { value: -1.5, length: 1 };
  }
  const next = units[i + 1];
  if (word.text === '不' && isZhWord(next) && next.text.length === 1 && inabilityEndings.has(next.text) && next.text !== '了') {
    return inabilityIdioms.has(verb.text.slice(-1) + '不' + next.text) ? undefined : { value: -1.5, length: 2 };
  }
  if (word.text === '不' && isZhWord(next) && directionEndings.has(next.text)) {
    return inabilityIdioms.has(verb.text.slice(-1) + '不' + next.text[0]) ? undefined : { value: -1.5, length: 2 };
  }
  return undefined;
}

/** V不C (学不到, 关不掉) and fused 没X (没电, 没货) for words the lexicons do not know. */
function inabilityOrLack(text: string): number | undefined {
  if (text.length === 3 && text[1] === '不' && inabilityEndings.has(text[2]) && !inabilityIdioms.has(text)) return -1.5;
  if (text.length === 4 && text[1] === '不' && directionEndings.has(text.slice(2)) && !inabilityIdioms.has(text.slice(0, 3))) return -1.5; // 转不进去
  if ((text.length === 2 || text.length === 3) && text[0] === '没' && !lackIdioms.has(text) && !zhFunctionWords.has(text.slice(1)) && !zhNotMissing.has(text.slice(1))) return -0.6;
  return undefined;
}

/** Words the segmenter fused with a modifier: 不满/很脏/太慢了/不太方便. */
function decomposeZh(text: string): number | undefined {
  if (text.length < 2) return undefined;
  const last = text[text.length - 1];
  if ('了的得啊呀哦啦吧呢嘛哈'.includes(last)) {
    const stripped = text.slice(0, -1);
    const direct = zhLexicon.get(stripped);
    if (direct !== undefined) return direct;
    if (stripped.length >= 2) {
      const inner = decomposeZh(stripped);
      if (inner !== undefined) return inner;
    }
  }
  for (const cut of [3, 2, 1]) {
    if (text.length <= cut) continue;
    const head = text.slice(0, cut);
    const rest = text.slice(cut);
    const base = zhLexicon.get(rest);
    if (base === undefined) continue;
    if (softNegatorZh.has(head)) return softNegate(base, softNegatorZh.get(head)!);
    if (negatorZh.has(head)) return negateZh(base, negatorZh.get(head)!);
    const degree = degreeZh.get(head);
    if (degree !== undefined) return base * degree;
    if (zhCausative.has(head)) return base; // 令人满意, 让人失望
  }
  return undefined;
}

const zhCausative = new Set(['令人', '让人', '使人', '叫人', '令', '让我', '令我', '使我']);

/** Lexicon entries that open with a degree word (特别满意, 非常好): negated, they mean "not very". */
export function startsWithDegree(text: string): boolean {
  if (text.length < 3) return false;
  const two = degreeZh.get(text.slice(0, 2));
  if (two !== undefined && two > 1.05) return true;
  const one = degreeZh.get(text[0]);
  return one !== undefined && one > 1.05 && text[0] !== '好' && text[0] !== '多' && text[0] !== '老';
}

export function negateZh(value: number, strength: number): number {
  return value > 0 ? -value * strength : -value * NEGATED_NEGATIVE;
}

function softNegate(value: number, strength: number): number {
  return value > 0 ? -value * strength : -value * NEGATED_NEGATIVE * strength;
}

/** Applies the modifiers right before an evaluative word: 很/太 (degree), 不/没 (negation), 不太 (soft). */
export function modifyZh(units: Unit[], i: number, floor: number, base: number, intensified = false): number {
  let value = base;
  let degree = intensified ? 1.5 : 1; // 不是[特别满意]: the entry carries its own degree word
  let negated = false;
  for (let j = i - 1, steps = 0; j >= floor && steps < 6; j--, steps++) {
    const token = units[j];
    if (!isZhWord(token)) break;
    const text = token.text;
    if (steps === 0 && j - 1 >= floor && negatesAcrossVerb(units, j)) {
      // 没有打扫干净, 没弄好, 未处理妥当: the negation covers the verb and its result.
      return negateZh(value, 0.85);
    }
    if (softNegatorZh.has(text)) {
      value = softNegate(base, softNegatorZh.get(text)!);
      negated = !negated;
      degree = 1;
    } else if (negatorZh.has(text)) {
      if (negated) value = -value * 0.9; // 不是不好: double negation, mildly positive
      else if (degree > 1.05) value = softNegate(base, 0.5); // 不很好, 不是非常满意: "not very"
      else value = negateZh(value, negatorZh.get(text)!);
      negated = !negated;
    } else if (degreeZh.has(text)) {
      const factor = degreeZh.get(text)!;
      degree *= factor;
      value *= factor;
    } else if (!zhSkippable.has(text) && !zhComparisonFrame.has(text)) break;
  }
  return value;
}

// 没有想象中的好, 不像宣传的那么差: the negation reaches over what the product is compared with.
const zhComparisonFrame = new Set([
  '想象', '想象中', '中', '中的', '预期', '预想', '期望', '期望中', '期待中', '宣传', '宣传的', '说的', '描述', '描述的', '图片', '图片上',
  '照片', '网上', '评价', '评论', '传说', '传说中', '所说', '介绍', '介绍的', '那样', '像',
  // 没有什么可以称赞的: modal bridges between the negator and the evaluative verb
  '什么', '啥', '可以', '可', '值得', '能', '能够', '让人', '令人', '使人',
]);

/** 没睡 + 好, 没弄 + 干净: the segmenter fused the negator with the verb. */
export function fusedNotDone(text: string): boolean {
  return text.length === 2 && text[0] === '没' && !zhFunctionWords.has(text[1]) && zhWordValue(text) !== null && zhWordValue(text)! < 0 && !zhLexicon.has(text);
}

/** A negator right before a verb that directly precedes the evaluative word: 没(有) + verb + result. */
function negatesAcrossVerb(units: Unit[], verbIndex: number): boolean {
  const verb = units[verbIndex] as Word;
  const negator = units[verbIndex - 1];
  if (!isZhWord(negator) || !zhNotDone.has(negator.text)) return false;
  // 没用过这么好的 (experience, not failure) keeps its praise.
  if (verb.text.length > 2 || verb.text.endsWith('过') || zhFunctionWords.has(verb.text)) return false;
  return !degreeZh.has(verb.text) && zhWordValue(verb.text) === null;
}

// After 没有, words for what the customer did not do or see (没去, 没发现), not something missing.
export const zhNotMissing = new Set([
  '去', '吃', '看', '用', '住', '发现', '机会', '注意', '试', '试过', '见', '听', '来', '到', '找', '遇到', '碰到', '体验', '尝试', '其他',
  '其它', '别的', '什么', '啥', '多少', '想象', '在意', '计较', '影响', '去过', '吃过', '住过', '用过', '见过', '看过', '看到', '想到',
  '问题', '毛病', '感觉', '觉得', '想', '怎么', '太', '很', '那么', '这么', '任何', '一点', '多', '几',
]);
