import { tokenize, type Token } from './tokens.js';
import { scoreClause } from './sentiment/clause.js';
import { applyMarkers, toSentences } from './sentiment/structure.js';

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
// The parts live in sentiment/: structure.ts (sentences, clauses, markers), clause.ts (one clause's value),
// zh-words.ts, zh-context.ts, zh-reach.ts and zh-rules.ts (Chinese), en-words.ts, en-match.ts and en-rules.ts
// (English), shared.ts (types and helpers).

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

const NORMALISER = 15; // VADER's alpha: total / sqrt(total² + alpha)
const FIRST_OPINION_WEIGHT = 1.5;
// Reviews open with their overall impression and close on their verdict.
const FIRST_SENTENCE_WEIGHT = 1.5;
const LAST_SENTENCE_WEIGHT = 1.2;

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
