// Sentences and clauses of a comment, and the discourse markers that weight each clause.
import { enConcession, enContrast, enSummary, enWish } from '../lexicon/en.js';
import { zhCaveat, zhConcession, zhContrast, zhExpectation, zhSummary, zhWish } from '../lexicon/zh.js';
import type { Token } from '../tokens.js';
import type { Unit, Word } from './shared.js';

export type Marker = 'none' | 'contrast' | 'caveat' | 'concession' | 'expectation' | 'summary';

export interface Clause {
  units: Unit[];
  marker: Marker;
  wish: boolean;
  /** Value of the last evaluative unit scored in the clause (tie-break for balanced comments). */
  lastValue: number;
}

export interface Sentence {
  clauses: Clause[];
  bangs: number;
  question: boolean;
}

// An expectation clause (本以为很好) says what the customer did not find: weakly the opposite.
const markerWeight: Record<Marker, number> = { none: 1, contrast: 1.5, caveat: 0.8, concession: 0.5, expectation: -0.4, summary: 2 };

/** Groups tokens into sentences of clauses; discourse markers open a new clause. */
export function toSentences(tokens: Token[]): Sentence[] {
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
export function applyMarkers(sentence: Sentence, values: number[], previous: number[] | undefined): void {
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
