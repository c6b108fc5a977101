import {
  enConcession,
  enContrast,
  enDegree,
  enLexicon,
  enMaxPhraseWords,
  enNegator,
  enSummary,
  enWideNegator,
  enWideNegatorPairs,
  enWish,
  likeVerbs,
} from './lexicon/en.js';
import {
  zhCaveat,
  zhConcession,
  zhContrast,
  zhDegree,
  zhLexicon,
  zhNegator,
  zhNeutral,
  zhSoftNegator,
  zhSuffixDegree,
  zhSummary,
  zhWish,
} from './lexicon/zh.js';
import { zhBackoffEntries } from './model/zh-backoff.js';
import { tokenize, type Token } from './tokens.js';

// Lexicon-and-rules sentiment for Chinese, English and mixed feedback. Each evaluative word or phrase
// gets its lexicon weight, changed by the modifiers before it (negators, degree words, "not very"),
// inside clauses weighted by discourse markers (after 但是/but dominates, 虽然/although recedes,
// 总之/overall counts double, wishes and rhetorical questions weaken praise), sentences weighted by
// exclamation marks, and the opening and closing sentences counting more (impression and verdict).
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
type Marker = 'none' | 'contrast' | 'caveat' | 'concession' | 'summary';

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
// Reviews open with their overall impression and close on their verdict.
const FIRST_SENTENCE_WEIGHT = 1.5;
const LAST_SENTENCE_WEIGHT = 1.2;

const markerWeight: Record<Marker, number> = { none: 1, contrast: 1.5, caveat: 0.8, concession: 0.5, summary: 2 };
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
  for (const token of tokens) {
    if (token.kind === 'clause') closeClause();
    else if (token.kind === 'sentence') closeSentence(token.bangs, token.question);
    else if (token.kind === 'emoticon') clause.units.push(token);
    else {
      const marker = markerOf(token);
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
    if (clause.marker === 'contrast') {
      if (c === 0 && previous && previous.length > 0) previous[previous.length - 1] *= 0.6;
      for (let b = 0; b < c; b++) if (clauses[b].marker !== 'concession') values[b] *= 0.5;
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
  for (let i = 0; i < units.length; ) {
    const unit = units[i];
    if (unit.kind === 'word' && !unit.zh && opensWideNegation(units, i)) wideNegation = true;
    if (unit.kind === 'emoticon') {
      sum += unit.score;
      clause.lastValue = unit.score;
      count++;
      reasons?.push(`${unit.text}${signed(unit.score)}`);
      lastUnitEnd = ++i;
      continue;
    }
    const match = unit.zh ? matchZh(units, i) : matchEn(units, i);
    if (!match) {
      const rule = unit.zh ? (patronageRule(units, i, lastUnitEnd) ?? zhPatternRule(units, i)) : enPatternRule(units, i);
      if (rule) {
        if (clause.wish) rule.value *= rule.value > 0 ? 0.2 : 0.6;
        sum += rule.value;
        clause.lastValue = rule.value;
        count++;
        reasons?.push(`${surface(units, i, rule.length)}${signed(rule.value)}`);
        i += rule.length;
        lastUnitEnd = i;
        lastWasNegated = false;
      } else i++;
      continue;
    }
    // 好/真/超 before another evaluative word are degree adverbs (好脏, 真好吃), not praise of their own.
    if (match.length === 1 && unit.zh && degreeZh.get(unit.text) && i + 1 < units.length && isZhWord(units[i + 1]) && matchZh(units, i + 1)) {
      i++;
      continue;
    }
    let value = unit.zh ? modifyZh(units, i, lastUnitEnd, match.value) : modifyEn(units, i, lastUnitEnd, match.value);
    let negatedHere = Math.sign(value) !== Math.sign(match.value);
    if (!unit.zh && wideNegation && !negatedHere && value > 0) {
      value = -value * EN_NEGATION; // "I don't think we'll be going back", "will never, ever go back"
      negatedHere = true;
    }
    // "不够专业、热情和礼貌", "wasn't helpful or friendly": a negation carries across a coordinated list.
    if (!negatedHere && lastWasNegated && count > 0 && onlyCoordinators(units, lastUnitEnd, i) && match.value > 0) {
      value = unit.zh ? negateZh(value, 0.85) : -value * EN_NEGATION;
    }
    lastWasNegated = Math.sign(value) !== Math.sign(match.value);
    const after = units[i + match.length];
    const suffix = after && after.kind === 'word' && after.zh ? suffixDegreeZh.get(after.text) : undefined;
    if (suffix !== undefined) value *= suffix;
    if (clause.wish) value *= value > 0 ? 0.2 : 0.6;
    if (value !== 0) {
      sum += value;
      clause.lastValue = value;
      count++;
      reasons?.push(`${surface(units, i, match.length)}${signed(value)}`);
    }
    i += match.length;
    lastUnitEnd = i;
  }
  return { value: sum, units: count, opensNegation: wideNegation && count === 0 };
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

function onlyCoordinators(units: Unit[], from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let k = from; k < to; k++) {
    const token = units[k];
    if (token.kind !== 'word' || !coordinators.has(token.text)) return false;
  }
  return true;
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
  else value = zhLexicon.get(text) ?? decomposeZh(text) ?? backoffValue(text) ?? null;
  if (zhWordCache.size > 100_000) zhWordCache.clear();
  zhWordCache.set(text, value);
  return value;
}

let zhBackoff: Map<string, number> | undefined;

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

/** Words the segmenter fused with a modifier: 不满/很脏/太慢了/不太方便. */
function decomposeZh(text: string): number | undefined {
  if (text.length < 2) return undefined;
  const last = text[text.length - 1];
  if ('了的啊呀哦啦吧呢嘛哈'.includes(last)) {
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
  }
  return undefined;
}

function negateZh(value: number, strength: number): number {
  return value > 0 ? -value * strength : -value * NEGATED_NEGATIVE;
}

function softNegate(value: number, strength: number): number {
  return value > 0 ? -value * strength : -value * NEGATED_NEGATIVE * strength;
}

/** Applies the modifiers right before an evaluative word: 很/太 (degree), 不/没 (negation), 不太 (soft). */
function modifyZh(units: Unit[], i: number, floor: number, base: number): number {
  let value = base;
  let degree = 1;
  let negated = false;
  for (let j = i - 1, steps = 0; j >= floor && steps < 4; j--, steps++) {
    const token = units[j];
    if (!isZhWord(token)) break;
    const text = token.text;
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
    } else if (!zhSkippable.has(text)) break;
  }
  return value;
}

const patronageVerbs = new Set(['来', '去', '住', '入住', '买', '购买', '光顾', '选择', '选', '订', '预订', '预定', '回购', '复购', '合作', '光临', '消费', '下单', '用', '使用', '回来', '考虑', '住这', '来了', '去了', '住了', '买了']);
const returnIntent = new Set(['再', '还会', '会再', '下次', '以后', '还要', '还想', '一定', '一定会', '还', '再次', '将来', '今后', '还将']);
const strongRefusal = new Set(['再也不', '再也', '绝不', '决不', '永远不', '坚决不']);

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
    else if (!zhSkippable.has(token.text) && token.text !== '会' && token.text !== '要' && token.text !== '能' && token.text !== '还能') break;
  }
  if (!intent) return undefined;
  return { value: negated ? -2.5 : 2, length: 1 };
}

/** Excess (太小, 有点远) and absence (没有热水, 无法登录) around words the lexicon does not know. */
function zhPatternRule(units: Unit[], i: number): Match | undefined {
  const word = units[i] as Word;
  const text = word.text;
  const excess = excessZh.get(text);
  const absence = zhAbsence.has(text);
  if (excess === undefined && !absence) {
    // Fused by the segmenter: 太小, 太远 (the rest unknown to the lexicon, else it matched already).
    if (text.length >= 2 && text.length <= 3 && text[0] === '太' && !zhFunctionWords.has(text.slice(1))) {
      return { value: EXCESS, length: 1 };
    }
    return undefined;
  }
  const next = units[i + 1];
  if (!isZhWord(next) || zhFunctionWords.has(next.text)) return undefined;
  if (degreeZh.has(next.text) || negatorZh.has(next.text) || softNegatorZh.has(next.text)) return undefined;
  if (matchZh(units, i + 1)) return undefined;
  if (excess !== undefined && next.text.length <= 2) return { value: excess, length: 2 };
  if (absence) return { value: -0.6, length: 2 };
  return undefined;
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
  if (degreeEn.has(first.text)) return undefined;
  if ((first.text === 'kind' || first.text === 'sort') && isEnWord(units[i + 1], 'of')) return undefined;
  const value = lexicon.get(first.text) ?? stemLookup(lexicon, first.text);
  return value === undefined || value === 0 ? undefined : { value, length: 1 };
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
    const degree = hedge ?? degreeEn.get(token.text);
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

/** "too salty", "too long": excess is a complaint even when the adjective is not in the lexicon. */
function enPatternRule(units: Unit[], i: number): Match | undefined {
  const word = units[i] as Word;
  if (word.text !== 'too') return waitRule(units, i);
  const next = units[i + 1];
  if (!next || next.kind !== 'word' || next.zh || enFunctionWords.has(next.text) || !/^[a-z]{3,}$/.test(next.text)) return undefined;
  if (matchEn(units, i + 1)) return undefined;
  return { value: -1, length: 2 };
}
