import {
  enAspects,
  enConcession,
  enContrast,
  enDegree,
  enLexicon,
  enMaxPhraseWords,
  enNegator,
  enScale,
  enSummary,
  enTypoTargets,
  enWideNegator,
  enWideNegatorPairs,
  enWish,
  likeVerbs,
} from './lexicon/en.js';
import {
  zhAspects,
  zhCaveat,
  zhConcession,
  zhContrast,
  zhDegree,
  zhExpectation,
  zhJustRight,
  zhJustRightAspects,
  zhLexicon,
  zhNegator,
  zhNeutral,
  zhScale,
  zhSoftNegator,
  zhSuffixDegree,
  zhSummary,
  zhWish,
} from './lexicon/zh.js';
import { buildTypoIndex, typoCandidates, unelongate, type TypoIndex } from './lexicon/en-spelling.js';
import { zhBackoffEntries } from './model/zh-backoff.js';
import { tokenize, type Token } from './tokens.js';

// Lexicon-and-rules sentiment for Chinese, English and mixed feedback. Each evaluative word or phrase
// gets its lexicon weight, changed by the modifiers before it (negators, degree words, "not very"),
// inside clauses weighted by discourse markers (after 但是/but dominates, 虽然/although recedes,
// 总之/overall counts double, wishes and rhetorical questions weaken praise), sentences weighted by
// exclamation marks, and the opening and closing sentences counting more (impression and verdict).
// Chinese reviews mix praise and complaint, so the rules also read what the words are about: the first
// opinion voiced and bare verdicts (不错, 总体还是满意的) judge the whole, "the rest was fine" (其他都还可以)
// is a verdict, hedged complaints (慢了点, 有点小, 小问题, 有待改进) are minor, negation reaches over a
// verb or a comparison (没有打扫干净, 没有想象中的好), claims (说是正品), other shops (隔壁比这家好) and
// scare quotes (服务很“好”) do not praise this one, and 好/快 are not always praise (订好的, 好几次, 快疯了).
// Amounts are read with what they measure (噪音很小 and low price are praise, 续航很短 and long wait are not),
// "not as good as" reaches over its comparison (没有之前的好用), expectations are overturned (本以为很好吃),
// and how long things took counts (两个小时才送到, 第二天就到了). English words are also found elongated
// (sooo goood) or mistyped (satifying); see lexicon/en-spelling.ts.
// The total is squashed to −1…1 as VADER does. Neutral only when nothing evaluative was found.

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface SentimentResult {
  label: SentimentLabel;
  /** −1 (very negative) … 1 (very positive). */
  score: number;
  /** With `explain`: the words that decided, with their signed contribution. */
  reasons?: string[];
}

export interface SentimentOptions {
  explain?: boolean;
}

type Word = Extract<Token, { kind: 'word' }>;
type Unit = Word | Extract<Token, { kind: 'emoticon' }>;
type Marker = 'none' | 'contrast' | 'caveat' | 'concession' | 'expectation' | 'summary';

interface Clause {
  units: Unit[];
  marker: Marker;
  wish: boolean;
  /** Value of the last evaluative unit scored in the clause (tie-break for balanced comments). */
  lastValue: number;
}

interface Sentence {
  clauses: Clause[];
  bangs: number;
  question: boolean;
}

interface Match {
  value: number;
  length: number;
}

const NORMALISER = 15; // VADER's alpha: total / sqrt(total² + alpha)
const EN_NEGATION = 0.74;
const NEGATED_NEGATIVE = 0.5; // 不差, not terrible: mildly positive
const VERDICT_WEIGHT = 1.6;
const FIRST_OPINION_WEIGHT = 1.5;
// Reviews open with their overall impression and close on their verdict.
const FIRST_SENTENCE_WEIGHT = 1.5;
const LAST_SENTENCE_WEIGHT = 1.2;

// An expectation clause (本以为很好) says what the customer did not find: weakly the opposite.
const markerWeight: Record<Marker, number> = { none: 1, contrast: 1.5, caveat: 0.8, concession: 0.5, expectation: -0.4, summary: 2 };
const zhSkippable = new Set(['是', '的', '得', '也', '都', '就', '又', '确实', '的确', '真心', '实在']);
const zhFunctionWords = new Set([
  '了', '的', '是', '在', '有', '被', '把', '给', '让', '就', '都', '也', '还', '又', '再', '一', '个', '这', '那', '这个',
  '那个', '什么', '怎么', '多少', '吗', '呢', '吧', '啊', '呀', '哦', '啦', '嘛', '人', '我', '你', '他', '她', '它', '我们',
  '多', '之一', '办法', '关系', '事', '时间', '想到', '必要', '看到', '说', '想', '知道', '过', '错',
]);
const zhAbsence = new Set(['没', '没有', '无法', '没法', '不能', '未能', '无']);
const EXCESS = -1.2;
const zhExcessTable: Record<string, number> = { 太: EXCESS, 过于: -1.2, 太过: -1.2, 有点: -0.8, 有点儿: -0.8, 有些: -0.7, 偏: -0.7 };
// Maps, not objects: lookups with arbitrary segmented strings are much faster on a Map.
const degreeZh = new Map(Object.entries(zhDegree));
const negatorZh = new Map(Object.entries(zhNegator));
const softNegatorZh = new Map(Object.entries(zhSoftNegator));
const suffixDegreeZh = new Map(Object.entries(zhSuffixDegree));
const excessZh = new Map(Object.entries(zhExcessTable));
const degreeEn = new Map(Object.entries(enDegree));
const enFunctionWords = new Set(['the', 'a', 'an', 'much', 'many', 'bad', 'i', 'me', 'we', 'and', 'to', 'for', 'of', 'in', 'is', 'was', 'it']);

let enPhrases: Map<string, Phrase[]> | undefined;

export function analyseSentiment(text: string, options: SentimentOptions = {}): SentimentResult {
  return scoreTokens(tokenize(text), options);
}

/** Scores already tokenized text (keywords and topics reuse the same tokens). */
export function scoreTokens(tokens: Token[], options: SentimentOptions = {}): SentimentResult {
  const reasons: string[] | undefined = options.explain ? [] : undefined;
  const sentences = toSentences(tokens);
  let total = 0;
  let found = 0;
  let lastNonZero = 0;
  const sentenceValues: number[] = [];
  let opened = false;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    let carried = false;
    const values = sentence.clauses.map((clause) => {
      const scored = scoreClause(clause, reasons, carried);
      carried = scored.opensNegation; // "Will never, ever go back": the negation waits for its object
      found += scored.units;
      return scored.value;
    });
    applyMarkers(sentence, values, s > 0 ? sentenceValues : undefined);
    if (!opened) {
      // The first opinion voiced is the overall impression (reviews open with it, then go into detail).
      const first = values.findIndex((v) => v !== 0);
      if (first >= 0) {
        values[first] *= FIRST_OPINION_WEIGHT;
        opened = true;
      }
    }
    for (const clause of sentence.clauses) if (clause.lastValue !== 0) lastNonZero = clause.lastValue;
    let sum = values.reduce((a, b) => a + b, 0);
    if (sentence.bangs > 0) sum *= 1 + 0.1 * Math.min(sentence.bangs, 4);
    sentenceValues.push(sum);
  }
  let positive = 0;
  let negative = 0;
  for (let s = 0; s < sentenceValues.length; s++) {
    const weight = s === sentenceValues.length - 1 && sentenceValues.length > 1 ? LAST_SENTENCE_WEIGHT : s === 0 && sentenceValues.length > 1 ? FIRST_SENTENCE_WEIGHT : 1;
    const value = sentenceValues[s] * weight;
    if (value > 0) positive += value;
    else negative -= value;
  }
  total = positive - negative;
  if (found === 0) return withReasons({ label: 'neutral', score: 0 }, reasons);
  let score = total / Math.sqrt(total * total + NORMALISER);
  if (score === 0 && lastNonZero !== 0) {
    // Praise and complaint in exact balance: the closing opinion decides, with a token score.
    score = Math.sign(lastNonZero) * 0.01;
  }
  // Any evaluative signal decides the label, however weak; neutral means nothing evaluative was said.
  const rounded = Math.round(score * 1000) / 1000;
  const label: SentimentLabel = score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
  return withReasons({ label, score: rounded }, reasons);
}

function withReasons(result: SentimentResult, reasons: string[] | undefined): SentimentResult {
  if (reasons) result.reasons = reasons;
  return result;
}

/** Groups tokens into sentences of clauses; discourse markers open a new clause. */
function toSentences(tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let clauses: Clause[] = [];
  let clause: Clause = { units: [], marker: 'none', wish: false, lastValue: 0 };
  const closeClause = (): void => {
    if (clause.units.length > 0) clauses.push(clause);
    clause = { units: [], marker: 'none', wish: false, lastValue: 0 };
  };
  const closeSentence = (bangs: number, question: boolean): void => {
    closeClause();
    if (clauses.length > 0) sentences.push({ clauses, bangs, question });
    else if (bangs > 0 && sentences.length > 0) sentences[sentences.length - 1].bangs += bangs;
    clauses = [];
  };
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (token.kind === 'clause') closeClause();
    else if (token.kind === 'sentence') closeSentence(token.bangs, token.question);
    else if (token.kind === 'emoticon') clause.units.push(token);
    else {
      let marker = markerOf(token);
      if (marker === 'none' && opensRestVerdict(tokens, t)) marker = 'summary';
      if (marker !== 'none') {
        closeClause();
        clause.marker = marker;
        continue;
      }
      if (token.zh ? zhWish.has(token.text) : enWish.has(token.text)) clause.wish = true;
      clause.units.push(token);
    }
  }
  closeSentence(0, false);
  return sentences;
}

const zhMarkers = markerMap([
  [zhContrast, 'contrast'],
  [zhCaveat, 'caveat'],
  [zhConcession, 'concession'],
  [zhExpectation, 'expectation'],
  [zhSummary, 'summary'],
]);
const enMarkers = markerMap([
  [enContrast, 'contrast'],
  [enConcession, 'concession'],
  [enSummary, 'summary'],
]);

function markerMap(entries: Array<[ReadonlySet<string>, Marker]>): Map<string, Marker> {
  const map = new Map<string, Marker>();
  for (const [words, marker] of entries) for (const word of words) if (!map.has(word)) map.set(word, marker);
  return map;
}

// 其他都挺好, 其它方面还可以, 除此之外都不错: a verdict on everything not complained about (or praised).
const zhRest = new Set(['其他', '其它', '其余', '别的', '除此之外', '除此以外', '其他方面', '其它方面', '其他的', '其它的', '别的方面']);
const zhRestFollowers = new Set(['都', '也', '还', '方面', '各方面', '倒', '倒是', '就', '总体']);

function opensRestVerdict(tokens: Token[], t: number): boolean {
  const token = tokens[t] as Word;
  if (!token.zh || !zhRest.has(token.text)) return false;
  if (token.text.startsWith('除此')) return true;
  let next = tokens[t + 1];
  if (next?.kind === 'word' && next.text === '的') next = tokens[t + 2];
  return next?.kind === 'word' && (zhRestFollowers.has(next.text) || '都也还倒'.includes(next.text[0]));
}

function markerOf(token: Word): Marker {
  return (token.zh ? zhMarkers : enMarkers).get(token.text) ?? 'none';
}

/**
 * Contrast: what follows "but" dominates what came before it in the sentence; a contrast opening a
 * sentence also tempers the sentence before. Concession and summary clauses carry their own weights.
 */
function applyMarkers(sentence: Sentence, values: number[], previous: number[] | undefined): void {
  const clauses = sentence.clauses;
  for (let c = 0; c < clauses.length; c++) {
    const clause = clauses[c];
    // 但是菜全洒了，根本没法吃: the "but" reaches the next clause when its own clause voiced no opinion.
    if (clause.marker === 'none' && c > 0 && clauses[c - 1].marker === 'contrast' && values[c - 1] === 0) clause.marker = 'contrast';
    if (clause.marker === 'contrast') {
      if (c === 0 && previous && previous.length > 0) previous[previous.length - 1] *= 0.6;
      for (let b = 0; b < c; b++) if (clauses[b].marker !== 'concession' && clauses[b].marker !== 'expectation') values[b] *= 0.5;
    }
    values[c] *= markerWeight[clause.marker];
    if (sentence.question && values[c] > 0 && clauseHasQuestionWord(clause)) values[c] *= -0.5;
  }
}

function clauseHasQuestionWord(clause: Clause): boolean {
  return clause.units.some((u) => u.kind === 'word' && (u.text === '吗' || u.text === '难道' || u.text === '么' || u.text === 'why' || u.text === 'how'));
}

function scoreClause(clause: Clause, reasons: string[] | undefined, carried = false): { value: number; units: number; opensNegation: boolean } {
  const units = clause.units;
  let wideNegation = carried;
  let sum = 0;
  let count = 0;
  let lastUnitEnd = 0;
  let lastWasNegated = false;
  let aboutSomething = false; // a Chinese content word besides the evaluation: 早餐一般 (aspect) vs 很不错 (verdict)
  let chinese = false;
  let frame: Frame = 'none';
  let lostUntil = -1; // "a waste of a great premise", "ruined a good movie": praise of what was lost
  for (let i = 0; i < units.length; ) {
    const unit = units[i];
    if (unit.kind === 'word' && unit.zh) frame = frameAt(units, i, frame);
    // "never looked back", "never get back": a phrase that holds the negator is not negated by it.
    if (unit.kind === 'word' && !unit.zh && opensWideNegation(units, i) && !((matchEn(units, i)?.length ?? 0) > 1)) wideNegation = true;
    if (unit.kind === 'emoticon') {
      sum += unit.score;
      clause.lastValue = unit.score;
      count++;
      reasons?.push(`${unit.text}${signed(unit.score)}`);
      lastUnitEnd = ++i;
      continue;
    }
    const reach = unit.zh && reachTriggers().has(unit.text) ? (aspectRule(units, i) ?? comparisonRule(units, i) ?? unperceivedRule(units, i)) : undefined;
    if (reach) {
      // 噪音很小, 没有之前的好用, 听不到噪音: what is judged decides the sign of the words after it.
      if (clause.wish) reach.value *= reach.value > 0 ? 0.2 : 0.6;
      if (frame !== 'none') reach.value = reframe(frame, reach.value);
      sum += reach.value;
      clause.lastValue = reach.value;
      count++;
      reasons?.push(`${surface(units, i, reach.length)}${signed(reach.value)}`);
      i += reach.length;
      lastUnitEnd = i;
      lastWasNegated = false;
      continue;
    }
    const match = unit.zh ? matchZh(units, i) : matchEn(units, i);
    if (!match) {
      const rule = unit.zh
        ? (patronageRule(units, i, lastUnitEnd) ?? (unit.text === '才' || unit.text === '就' ? timingRule(units, i) : undefined) ?? zhPatternRule(units, i))
        : enPatternRule(units, i);
      if (rule) {
        if (clause.wish) rule.value *= rule.value > 0 ? 0.2 : 0.6;
        sum += rule.value;
        clause.lastValue = rule.value;
        count++;
        reasons?.push(`${surface(units, i, rule.length)}${signed(rule.value)}`);
        i += rule.length;
        lastUnitEnd = i;
        lastWasNegated = false;
      } else {
        if (unit.zh) {
          chinese = true;
          if (!verdictFiller(unit.text)) aboutSomething = true;
        } else aboutSomething = true;
        i++;
      }
      continue;
    }
    if (unit.zh && ((unit.text === '好' && !praiseHao(units, i, lastUnitEnd)) || splitNoun(units, i) || (unit.text === '快' && almostKuai(units, i)) || tierName(units, i))) {
      i++;
      continue;
    }
    // 可以称赞, 值得表扬: the modal before an evaluative verb adds nothing of its own.
    if (match.length === 1 && unit.zh && modalBeforeOpinion.has(unit.text) && isZhWord(units[i + 1]) && matchZh(units, i + 1)) {
      i++;
      continue;
    }
    // 好/真/超 before another evaluative word are degree adverbs (好脏, 真好吃), not praise of their own.
    if (match.length === 1 && unit.zh && degreeZh.get(unit.text) && i + 1 < units.length && isZhWord(units[i + 1]) && matchZh(units, i + 1)) {
      i++;
      continue;
    }
    let base = match.value;
    // "way too sweet", "too soft": too much of a good quality is a complaint (not "too good to be true").
    if (!unit.zh && base > 0 && match.length === 1 && isEnWord(units[i - 1], 'too') && !enPraiseAfterToo.has(unit.text)) base = EN_EXCESS;
    // 耗电快, 折旧太快, 坏得很快: speed of something bad is bad.
    if (unit.zh && base > 0 && fastWords.has(surface(units, i, match.length)) && followsComplaint(units, i, lastUnitEnd)) base = -base;
    let value = unit.zh ? modifyZh(units, i, lastUnitEnd, base, startsWithDegree(unit.text)) : modifyEn(units, i, lastUnitEnd, base);
    // 没睡好, 没弄干净: the segmenter fused the negator with the verb (already counted as something not done).
    if (unit.zh && i > 0 && value > 0 && isZhWord(units[i - 1]) && fusedNotDone((units[i - 1] as Word).text)) value = negateZh(base, 0.85);
    let negatedHere = Math.sign(value) !== Math.sign(base);
    if (!unit.zh && wideNegation && !negatedHere && value > 0) {
      value = -value * EN_NEGATION; // "I don't think we'll be going back", "will never, ever go back"
      negatedHere = true;
    }
    // "不够专业、热情和礼貌", "wasn't helpful or friendly": a negation carries across a coordinated list.
    if (!negatedHere && lastWasNegated && count > 0 && onlyCoordinators(units, lastUnitEnd, i) && match.value > 0) {
      value = unit.zh ? negateZh(value, 0.85) : -value * EN_NEGATION;
    }
    lastWasNegated = Math.sign(value) !== Math.sign(base);
    const after = units[i + match.length];
    const suffix = after && after.kind === 'word' && after.zh ? suffixDegreeZh.get(after.text) : undefined;
    if (suffix !== undefined) value *= suffix;
    else if (unit.zh && value < 0) value *= hedgeAfter(units, i + match.length);
    if (clause.wish) value *= value > 0 ? 0.2 : 0.6;
    if (unit.zh && frame !== 'none') value = reframe(frame, value);
    if (value > 0 && quotedSpan(units, i, match.length)) value *= -0.5; // 服务很“好”: scare quotes turn praise into irony
    if (!unit.zh && value > 0 && i < lostUntil) value *= -0.5;
    if (!unit.zh && value < 0 && enLoss.has(surface(units, i, match.length))) lostUntil = i + match.length + ENGLISH_LOSS_REACH;
    if (value !== 0) {
      sum += value;
      clause.lastValue = value;
      count++;
      reasons?.push(`${surface(units, i, match.length)}${signed(value)}`);
    }
    i += match.length;
    lastUnitEnd = i;
  }
  // A bare verdict (不错, 总体还是很满意的, 挺好) judges the whole, a clause about something judges a part.
  if (chinese && !aboutSomething && count > 0) sum *= VERDICT_WEIGHT;
  return { value: sum, units: count, opensNegation: wideNegation && count === 0 };
}

// Words that leave a clause a verdict on the whole: the reviewed thing itself, "overall", "I feel".
const zhVerdictFillers = new Set([
  '总体', '整体', '总的', '总的来说', '感觉', '觉得', '总体感觉', '整体感觉', '总的感觉', '个人', '个人感觉', '我', '我们', '还是', '都', '各方面',
  '方面', '一切', '整个', '全部', '真是', '酒店', '宾馆', '这家', '这家店', '店', '本店', '商家', '卖家', '东西', '产品', '商品', '宝贝', '这个',
  '这款', '此', '这次', '本次', '购物', '体验', '印象', '评价', '这', '次', '哈', '哈哈',
]);

function verdictFiller(text: string): boolean {
  return zhFunctionWords.has(text) || zhVerdictFillers.has(text) || zhSkippable.has(text);
}

const wideNegationStarts = new Set([...enWideNegatorPairs].map((pair) => pair.split(' ')[0]));

function opensWideNegation(units: Unit[], i: number): boolean {
  const word = units[i] as Word;
  if (enWideNegator.has(word.text)) return true;
  if (!wideNegationStarts.has(word.text)) return false;
  const next = units[i + 1];
  return next !== undefined && next.kind === 'word' && enWideNegatorPairs.has(`${word.text} ${next.text}`);
}

const coordinators = new Set(['和', '与', '及', '以及', '或', '或者', '也', '又', '跟', 'and', 'or', 'nor', 'neither']);

const modalBeforeOpinion = new Set(['可以', '值得', '能']);
const fastWords = new Set(['快', '很快', '太快', '超快', '飞快', '快速', '迅速', '特别快', '非常快', '挺快']);

function followsComplaint(units: Unit[], i: number, floor: number): boolean {
  for (let j = i - 1; j >= Math.max(floor - 1, 0) && j >= i - 2; j--) {
    const token = units[j];
    if (!isZhWord(token)) return false;
    if (token.text === '得' || token.text === '的' || token.text === '也' || token.text === '都') continue;
    const value = zhWordValue(token.text);
    return value !== null && value < 0;
  }
  return false;
}

const hedgeWords = new Set(['点', '一点', '一点点', '点儿', '一点儿', '些', '一些', '了点', '了一点', '了些', '了一些', '了点儿']);

/** "A bit" after a complaint (慢了点, 小了一些) marks it as minor: satisfied customers mention such flaws. */
function hedgeAfter(units: Unit[], k: number): number {
  const first = units[k];
  if (!isZhWord(first)) return 1;
  if (hedgeWords.has(first.text)) return 0.5;
  const second = units[k + 1];
  return first.text === '了' && isZhWord(second) && hedgeWords.has(second.text) ? 0.5 : 1;
}

function onlyCoordinators(units: Unit[], from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let k = from; k < to; k++) {
    const token = units[k];
    if (token.kind !== 'word' || !coordinators.has(token.text)) return false;
  }
  return true;
}

// Verbs whose result complement 好 means "done" (订好的房间, 安排好了), not "good".
const resultativeVerbs = new Set([
  '预定', '预订', '订', '定', '搞', '弄', '做', '准备', '安排', '说', '讲', '谈', '约', '收拾', '打扫', '包', '包装', '放', '停',
  '联系', '处理', '商量', '写', '填', '选', '挑', '办', '装', '调', '设置', '签', '买', '穿', '戴', '接', '拿', '关', '锁',
]);
const zhNotDone = new Set(['没', '没有', '未', '还没', '还没有', '并没有', '没能', '未能']);

// 豪华大床房, 高级会员, 精品套餐: a product tier's name, not the customer's praise.
const tierWords = new Set(['豪华', '高级', '精品', '尊贵', '尊享', '优选', '特惠', '特价', '行政', '商务', '舒适型', '豪华型', '至尊', '贵宾', '优惠']);

function tierName(units: Unit[], i: number): boolean {
  if (!tierWords.has((units[i] as Word).text)) return false;
  const next = units[i + 1];
  return isZhWord(next) && !zhFunctionWords.has(next.text) && !suffixDegreeZh.has(next.text) && zhWordValue(next.text) === null && !'了的啊呀吧哦啦呢'.includes(next.text);
}

// 出/差到北京: the segmenter split a neutral noun (出差 "business trip") and glued its tail to the next word.
const zhSplitNouns = new Set(['出差', '时差', '落差', '温差', '视差']);

const zhSplitNounHeads = new Set([...zhSplitNouns].map((noun) => noun[0]));

function splitNoun(units: Unit[], i: number): boolean {
  const before = units[i - 1];
  return isZhWord(before) && zhSplitNounHeads.has(before.text[before.text.length - 1]) && zhSplitNouns.has(before.text.slice(-1) + (units[i] as Word).text[0]);
}

const kuaiEndings = new Set(['了', '啊', '的', '呀', '哦', '吧', '啦', '极了', '得', '得很', '点', '一点', '些', '多了']);

/** 快疯了, 快到了, 快要: "almost", not "fast". */
function almostKuai(units: Unit[], i: number): boolean {
  const next = units[i + 1];
  return isZhWord(next) && !kuaiEndings.has(next.text) && !suffixDegreeZh.has(next.text);
}

const haoAfterWords = new Set(['了', '的', '啊', '呀', '吧', '哦', '啦', '嘛', '呢', '哈', '吗', '得', '评', '用', '看', '吃', '喝', '听', '玩', '闻', '在', '是', '就', '又', '也', '还', '很', '棒']);

/** 好 as praise, not 好几次 (a quantity) or 订好的 (a completed action; 没弄好 stays a complaint). */
function praiseHao(units: Unit[], i: number, floor: number): boolean {
  const next = units[i + 1];
  if (isZhWord(next) && (next.text[0] === '几' || next.text === '些' || next.text === '一阵' || next.text === '一会')) return false;
  // 好小, 好远, 好大: "so …" before an adjective the lexicon does not know.
  if (isZhWord(next) && next.text.length === 1 && !haoAfterWords.has(next.text)) return false;
  const before = i - 1 >= floor ? units[i - 1] : undefined;
  if (!isZhWord(before) || !resultativeVerbs.has(before.text)) return true;
  const negator = i - 2 >= floor ? units[i - 2] : undefined;
  return isZhWord(negator) && zhNotDone.has(negator.text);
}

type Frame = 'none' | 'claim' | 'thisWorse' | 'elsewhere';

// 说是正品, 号称五星: what the seller claimed is not what the customer found.
const zhClaims = new Set(['图片', '照片', '图片上', '照片上', '看图', '详情页', '页面上', '说是', '号称', '据说', '听说', '宣称', '声称', '自称', '所谓', '所谓的', '标榜', '宣传', '宣传的', '广告', '广告上', '介绍说', '标称', '标着']);
const zhOtherShop = new Set(['别家', '别处', '另一家', '隔壁', '其他家', '其它家', '人家店', '同行']);
const zhShopNouns = new Set([
  '酒店', '宾馆', '店', '店铺', '家', '商家', '卖家', '客栈', '饭店', '餐厅', '地方', '品牌', '牌子', '平台', '快递', '外卖', '机构', '课程',
  '网店', '银行', '医院', '学校', '手机', '产品',
]);
const zhThis = new Set(['这', '这个', '这家', '这里', '这儿', '它', '他家', '该店', '本店', '这款', '这次', '此', '该酒店', '这酒店', '这家店']);

/**
 * What the evaluative words that follow in the clause are about: a claim (说是正品), another business
 * compared with this one (别家比这家好 / 有很多酒店比这个好), or this one compared favourably (比别家好).
 */
function frameAt(units: Unit[], i: number, current: Frame): Frame {
  const text = (units[i] as Word).text;
  if (zhClaims.has(text) && !ownPhoto(units, i)) return 'claim';
  if (text === '说' && isZhWord(units[i + 1]) && (units[i + 1] as Word).text === '是') return 'claim';
  if (text === '比') {
    const next = units[i + 1];
    if (isZhWord(next) && zhThis.has(next.text)) return 'thisWorse';
    return 'none';
  }
  if (isZhWord(units[i - 1]) && (units[i - 1] as Word).text === '比') return current;
  if (zhOtherShop.has(text)) return 'elsewhere';
  const next = units[i + 1];
  if (zhElsewhere.has(text) && isZhWord(next) && zhShopNouns.has(next.text)) return 'elsewhere';
  return current;
}

const zhPhotoWords = new Set(['照片', '图片', '照片上', '图片上']);
const zhCameras = new Set(['相机', '手机', '镜头', '摄像头', '单反', '微单']);

/** 拍出来的照片, 手机拍的照片: photos the customer took, not the seller's pictures. */
function ownPhoto(units: Unit[], i: number): boolean {
  if (!zhPhotoWords.has((units[i] as Word).text)) return false;
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const token = units[j];
    if (!isZhWord(token)) return false;
    if (token.text[0] === '拍' || zhCameras.has(token.text)) return true;
  }
  return false;
}

function reframe(frame: Frame, value: number): number {
  if (frame === 'claim') return value > 0 ? 0 : value;
  if (frame === 'thisWorse') return -value * 0.8;
  return value > 0 ? -value * 0.5 : value; // praise of another business
}

function quotedSpan(units: Unit[], from: number, length: number): boolean {
  for (let k = from; k < from + length; k++) if ((units[k] as Word).quoted) return true;
  return false;
}

function isZhWord(token: Unit | undefined): token is Word {
  return token !== undefined && token.kind === 'word' && token.zh;
}

function surface(units: Unit[], from: number, length: number): string {
  const parts: string[] = [];
  for (let k = from; k < from + length && k < units.length; k++) parts.push(units[k].text);
  const zh = units[from].kind === 'word' && (units[from] as Word).zh;
  return parts.join(zh ? '' : ' ');
}

function signed(value: number): string {
  return `(${value > 0 ? '+' : ''}${value.toFixed(1)})`;
}

// ── Chinese ────────────────────────────────────────────────────────────────────────────────────────

function matchZh(units: Unit[], i: number): Match | undefined {
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

function zhWordValue(text: string): number | null {
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
function splitInability(units: Unit[], i: number): Match | undefined {
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
function startsWithDegree(text: string): boolean {
  if (text.length < 3) return false;
  const two = degreeZh.get(text.slice(0, 2));
  if (two !== undefined && two > 1.05) return true;
  const one = degreeZh.get(text[0]);
  return one !== undefined && one > 1.05 && text[0] !== '好' && text[0] !== '多' && text[0] !== '老';
}

function negateZh(value: number, strength: number): number {
  return value > 0 ? -value * strength : -value * NEGATED_NEGATIVE;
}

function softNegate(value: number, strength: number): number {
  return value > 0 ? -value * strength : -value * NEGATED_NEGATIVE * strength;
}

/** Applies the modifiers right before an evaluative word: 很/太 (degree), 不/没 (negation), 不太 (soft). */
function modifyZh(units: Unit[], i: number, floor: number, base: number, intensified = false): number {
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

let zhReachTriggers: Set<string> | undefined;

/** Words that open one of the rules reaching over several words (an aspect, "not as … as", "cannot hear"). */
function reachTriggers(): Set<string> {
  zhReachTriggers ??= new Set([...Object.keys(zhAspects), ...zhJustRightAspects, ...zhNotAsGood, ...zhUnperceived, '不到', '不见']);
  return zhReachTriggers;
}

const aspectsZh = new Map(Object.entries(zhAspects));
const scaleZh = new Map(Object.entries(zhScale));
const zhAspectFillers = new Set(['也', '都', '还', '是', '算', '算是', '还算', '确实', '真的', '实在', '的', '就', '方面', '上', '真是', '倒是', '却']);
const ASPECT_WEIGHT = 1.5;

/** 续航很长 (+), 价格偏低 (+), 噪音很小 (+), 性价比不高 (−): an aspect and how much of it there is. */
function aspectRule(units: Unit[], i: number): Match | undefined {
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

function comparisonRule(units: Unit[], i: number): Match | undefined {
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

function unperceivedRule(units: Unit[], i: number): Match | undefined {
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

// 没有想象中的好, 不像宣传的那么差: the negation reaches over what the product is compared with.
const zhComparisonFrame = new Set([
  '想象', '想象中', '中', '中的', '预期', '预想', '期望', '期望中', '期待中', '宣传', '宣传的', '说的', '描述', '描述的', '图片', '图片上',
  '照片', '网上', '评价', '评论', '传说', '传说中', '所说', '介绍', '介绍的', '那样', '像',
  // 没有什么可以称赞的: modal bridges between the negator and the evaluative verb
  '什么', '啥', '可以', '可', '值得', '能', '能够', '让人', '令人', '使人',
]);

/** 没睡 + 好, 没弄 + 干净: the segmenter fused the negator with the verb. */
function fusedNotDone(text: string): boolean {
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

const patronageVerbs = new Set(['来', '去', '住', '入住', '买', '购买', '光顾', '选择', '选', '订', '预订', '预定', '回购', '复购', '合作', '光临', '消费', '下单', '用', '使用', '回来', '考虑', '住这', '来了', '去了', '住了', '买了', '点', '点了', '叫', '订购', '报名', '续费', '续订']);
const returnIntent = new Set(['再', '还会', '会再', '下次', '以后', '还要', '还想', '一定', '一定会', '还', '再次', '将来', '今后', '还将', '绝对', '肯定']);
const strongRefusal = new Set(['再也不', '再也', '绝不', '决不', '永远不', '坚决不', '不再', '打死也不']);

/** Return intent decides many reviews: 下次还会再来 (+), 以后不会再住 / 再也不买了 (−). */
function patronageRule(units: Unit[], i: number, floor: number): Match | undefined {
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

function timingRule(units: Unit[], i: number): Match | undefined {
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
const zhElsewhere = new Set(['别的', '别家', '其他', '其它', '其他的', '其它的', '另外', '另一家', '别处', '隔壁', '对面']);

// Words starting with 太 that are names and nouns, not "too …".
const zhTaiNouns = new Set([
  '太阳', '太原', '太湖', '太太', '太空', '太极', '太平', '太子', '太后', '太监', '太古', '太白', '太行', '太仓', '太和', '太保', '太公',
  '太医', '太师', '太岁', '太谷', '太康', '太阳能', '太平洋', '太极拳', '太阳镜', '太空舱', '太阳伞', '太妃糖',
]);
// After 没有, words for what the customer did not do or see (没去, 没发现), not something missing.
const zhNotMissing = new Set([
  '去', '吃', '看', '用', '住', '发现', '机会', '注意', '试', '试过', '见', '听', '来', '到', '找', '遇到', '碰到', '体验', '尝试', '其他',
  '其它', '别的', '什么', '啥', '多少', '想象', '在意', '计较', '影响', '去过', '吃过', '住过', '用过', '见过', '看过', '看到', '想到',
  '问题', '毛病', '感觉', '觉得', '想', '怎么', '太', '很', '那么', '这么', '任何', '一点', '多', '几',
]);

/** Excess (太小, 有点远) and absence (没有热水, 无法登录) around words the lexicon does not know. */
function zhPatternRule(units: Unit[], i: number): Match | undefined {
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

// ── English ────────────────────────────────────────────────────────────────────────────────────────

function matchEn(units: Unit[], i: number): Match | undefined {
  const lexicon = enLexicon();
  const first = units[i] as Word;
  if (!enPhrases) enPhrases = phrasesByFirstWord(lexicon);
  const candidates = enPhrases.get(first.text);
  if (candidates) {
    for (const phrase of candidates) {
      let k = 1;
      for (; k < phrase.words.length; k++) {
        const next = units[i + k];
        if (next === undefined || next.kind !== 'word' || next.zh || next.text !== phrase.words[k]) break;
      }
      if (k === phrase.words.length) return { value: phrase.value, length: k };
    }
  }
  if (first.text === 'like') return likeAsVerb(units, i) ? { value: 2, length: 1 } : undefined;
  const scale = enScale.get(first.text);
  if (scale !== undefined) {
    const aspect = enAspectNear(units, i);
    if (aspect !== undefined) return { value: aspect * scale * EN_ASPECT_WEIGHT, length: 1 }; // low price, the wait was long
  }
  if (enAspects.has(first.text) && enScaleNear(units, i)) return undefined; // "noise" in "the noise is low": the amount decides
  if (first.text === 'qq' && (isZhWord(units[i - 1]) || isZhWord(units[i + 1]))) return undefined; // the QQ messenger, not a crying face
  if (enDegreeOf(first.text) !== undefined) return undefined;
  if ((first.text === 'kind' || first.text === 'sort') && isEnWord(units[i + 1], 'of')) return undefined;
  const value = enWordValue(lexicon, first.text);
  return value === null || value === 0 ? undefined : { value, length: 1 };
}

// Per-word values (lexicon, stem, or respelled: sooo → so, goood → good, satifying → satisfying), cached.
const enWordCache = new Map<string, number | null>();
let enTypoIndex: TypoIndex | undefined;

function enWordValue(lexicon: Map<string, number>, word: string): number | null {
  let value = enWordCache.get(word);
  if (value === undefined) {
    value = lexicon.get(word) ?? stemLookup(lexicon, word) ?? respelledValue(lexicon, word);
    if (enWordCache.size > 100_000) enWordCache.clear();
    enWordCache.set(word, value);
  }
  return value;
}

/** Value of an elongated or mistyped word the lexicon knows in its usual spelling. */
function respelledValue(lexicon: Map<string, number>, word: string): number | null {
  for (const spelling of unelongate(word)) {
    if (enDegreeOf(spelling) !== undefined || enNegator.has(spelling)) break;
    const found = lexicon.get(spelling) ?? stemLookup(lexicon, spelling);
    if (found) return found;
  }
  enTypoIndex ??= buildTypoIndex(enTypoTargets());
  return typoValue(lexicon, typoCandidates(word, enTypoIndex));
}

/** One candidate, or several that agree (beautifull: beautiful, beautifully): the mildest value. */
function typoValue(lexicon: Map<string, number>, candidates: string[]): number | null {
  let value: number | null = null;
  for (const candidate of candidates) {
    const found = lexicon.get(candidate)!;
    if (value !== null && Math.sign(found) !== Math.sign(value)) return null;
    if (value === null || Math.abs(found) < Math.abs(value)) value = found;
  }
  return value;
}

/** Degree of an English word, also when elongated ("soooo", "reallyyy"). */
function enDegreeOf(word: string): number | undefined {
  const degree = degreeEn.get(word);
  if (degree !== undefined || word.length < 4 || !hasTripleLetter(word)) return degree;
  for (const spelling of unelongate(word)) {
    const found = degreeEn.get(spelling);
    if (found !== undefined) return found;
  }
  return undefined;
}

function hasTripleLetter(word: string): boolean {
  for (let k = 2; k < word.length; k++) if (word[k] === word[k - 1] && word[k] === word[k - 2]) return true;
  return false;
}

const EN_ASPECT_WEIGHT = 1.5;
const ASPECT_REACH = 3;

function enWordAt(units: Unit[], k: number): string | undefined {
  const token = units[k];
  return token !== undefined && token.kind === 'word' && !token.zh ? token.text : undefined;
}

/** The aspect an amount word is about: right after it (low price) or before it (the price is low). */
function enAspectNear(units: Unit[], i: number): number | undefined {
  for (let k = i + 1; k <= i + 2; k++) {
    const word = enWordAt(units, k);
    if (word === undefined) break;
    const aspect = enAspects.get(word);
    if (aspect !== undefined) return aspect;
  }
  for (let k = i - 1; k >= i - ASPECT_REACH - 1; k--) {
    const word = enWordAt(units, k);
    if (word === undefined) break;
    const aspect = enAspects.get(word);
    if (aspect !== undefined) return aspect;
  }
  return undefined;
}

function enScaleNear(units: Unit[], i: number): boolean {
  for (let k = i - 2; k <= i + ASPECT_REACH + 1; k++) if (k !== i && enScale.has(enWordAt(units, k) ?? '')) return true;
  return false;
}

interface Phrase {
  words: string[];
  value: number;
}

/** Multi-word lexicon entries by their first word, longest first (so the longest match wins). */
function phrasesByFirstWord(lexicon: Map<string, number>): Map<string, Phrase[]> {
  const out = new Map<string, Phrase[]>();
  for (const [key, value] of lexicon) {
    if (!key.includes(' ')) continue;
    const words = key.split(' ');
    if (words.length > enMaxPhraseWords) continue;
    const list = out.get(words[0]) ?? [];
    list.push({ words, value });
    out.set(words[0], list);
  }
  for (const list of out.values()) list.sort((a, b) => b.words.length - a.words.length);
  return out;
}

function likeAsVerb(units: Unit[], i: number): boolean {
  const before = units[i - 1];
  return before !== undefined && before.kind === 'word' && !before.zh && (likeVerbs.has(before.text) || enNegator.has(before.text));
}

function stemLookup(lexicon: Map<string, number>, word: string): number | undefined {
  if (word.length < 4) return undefined;
  const candidates: string[] = [];
  if (word.endsWith("'s")) candidates.push(word.slice(0, -2));
  if (word.endsWith('ies')) candidates.push(word.slice(0, -3) + 'y');
  if (word.endsWith('es')) candidates.push(word.slice(0, -2));
  if (word.endsWith('s')) candidates.push(word.slice(0, -1));
  if (word.endsWith('ed')) candidates.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('ing')) candidates.push(word.slice(0, -3), word.slice(0, -3) + 'e');
  if (word.endsWith('ly')) candidates.push(word.slice(0, -2));
  // Superlatives and comparatives: driest → dry, blandest → bland, slower → slow.
  if (word.endsWith('iest')) candidates.push(word.slice(0, -4) + 'y');
  if (word.endsWith('est')) candidates.push(word.slice(0, -3), word.slice(0, -2));
  if (word.endsWith('ier')) candidates.push(word.slice(0, -3) + 'y');
  if (word.endsWith('er')) candidates.push(word.slice(0, -2), word.slice(0, -1));
  for (const candidate of candidates) {
    if (candidate.length < 3) continue; // bled is not "bl" (VADER's "best love")
    const value = lexicon.get(candidate);
    if (value !== undefined && value !== 0) return value;
  }
  return undefined;
}

/** VADER-style: degree words within three words scale, any negator within three words flips. */
function modifyEn(units: Unit[], i: number, floor: number, base: number): number {
  let value = base;
  let negated = false;
  const current = units[i] as Word;
  for (let j = i - 1, distance = 1; j >= floor && distance <= 3; j--, distance++) {
    const token = units[j];
    if (token.kind !== 'word' || token.zh) break;
    const hedge = token.text === 'of' && (isEnWord(units[j - 1], 'kind') || isEnWord(units[j - 1], 'sort')) ? 0.6 : undefined;
    const degree = hedge ?? enDegreeOf(token.text);
    if (degree !== undefined) {
      const decay = distance === 1 ? 1 : distance === 2 ? 0.95 : 0.9;
      value *= 1 + (degree - 1) * decay;
    } else if (enNegator.has(token.text)) {
      negated = !negated;
    }
  }
  if (negated) value = value > 0 ? -value * EN_NEGATION : -value * NEGATED_NEGATIVE;
  if (current.caps) value *= 1.3;
  return value;
}

function isEnWord(token: Unit | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'word' && !token.zh && token.text === text;
}

const waitVerbs = new Set(['took', 'take', 'takes', 'taking', 'waited', 'wait', 'waiting', 'sat']);
const waitFillers = new Set(['over', 'about', 'almost', 'nearly', 'close', 'to', 'more', 'than', 'at', 'least', 'another', 'for', 'a', 'an', 'us', 'me', 'them', 'him', 'her', 'there', 'around', 'like']);
const minutesPerUnit: Record<string, number> = { min: 1, mins: 1, minute: 1, minutes: 1, hour: 60, hours: 60, hr: 60, hrs: 60, day: 1440, days: 1440, week: 10080, weeks: 10080, month: 43200, months: 43200 };
const numberWords: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, ten: 10, fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty-five': 45, fifty: 50 };

/** "took 40 minutes", "waited an hour", "took three weeks": a long wait is a complaint in any service. */
function waitRule(units: Unit[], i: number): Match | undefined {
  if (!waitVerbs.has((units[i] as Word).text)) return undefined;
  let amount: number | undefined;
  for (let k = i + 1; k < units.length && k <= i + 6; k++) {
    const token = units[k];
    if (token.kind !== 'word' || token.zh) return undefined;
    const unit = minutesPerUnit[token.text];
    if (unit !== undefined && amount !== undefined) {
      const minutes = amount * unit;
      return minutes >= 20 && !(unit >= 1440 && minutes < 2 * 1440) ? { value: -1.5, length: k - i + 1 } : undefined;
    }
    const n = /^\d+(\.\d+)?\+?$/.test(token.text) ? Number.parseFloat(token.text) : numberWords[token.text];
    if (n !== undefined && (amount === undefined || token.text !== 'a')) amount = n;
    else if (!waitFillers.has(token.text)) return undefined;
  }
  return undefined;
}

const EN_EXCESS = -1;
// What follows these was wasted or spoilt: its praise adds to the complaint.
const enLoss = new Set(['waste of', 'wasted', 'wastes', 'wasting', 'squandered', 'squanders', 'ruined', 'ruins', 'ruin', 'spoiled', 'spoilt', 'spoils']);
const ENGLISH_LOSS_REACH = 4;
// Praise that "too" only intensifies: "too good to pass up", "you're too kind".
const enPraiseAfterToo = new Set([
  'good', 'great', 'cute', 'adorable', 'funny', 'kind', 'nice', 'beautiful', 'perfect', 'amazing', 'awesome', 'delicious', 'lovely',
  'gorgeous', 'excellent', 'wonderful', 'fantastic', 'happy', 'tasty', 'yummy', 'fun', 'precious', 'hilarious', 'generous', 'helpful',
  'friendly', 'pleased', 'glad', 'excited', 'impressed', 'satisfied', 'thankful', 'grateful', 'pretty', 'beautifully', 'well',
]);

/** "too salty", "too long": excess is a complaint even when the adjective is not in the lexicon ("not too big": praise). */
function enPatternRule(units: Unit[], i: number): Match | undefined {
  const word = units[i] as Word;
  if (word.text !== 'too') return waitRule(units, i);
  const next = units[i + 1];
  if (!next || next.kind !== 'word' || next.zh || enFunctionWords.has(next.text) || !/^[a-z]{3,}$/.test(next.text)) return undefined;
  if (matchEn(units, i + 1)) return undefined;
  const before = units[i - 1];
  const negated = before !== undefined && before.kind === 'word' && !before.zh && enNegator.has(before.text);
  return { value: negated ? -EN_EXCESS * NEGATED_NEGATIVE : EN_EXCESS, length: 2 };
}
