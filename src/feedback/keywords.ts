import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isStopWord } from './stopwords.js';
import { addUserTerms, tokenize, type Token } from './tokens.js';

// Keywords and frequent phrases over a set of comments. Candidates are segmented words that are not stop
// words: Chinese of two characters or more, English of three letters or more, plus any user dictionary
// word (product names) whatever its length. Two rankings:
//  - tfidf: corpus count × inverse document frequency from jieba's general-Chinese IDF table (a word
//    common everywhere, such as 酒店 in hotel feedback, weighs less than 隔音); English and unseen words
//    get the table's median IDF.
//  - textrank: PageRank over words co-occurring within a window, for a ranking that follows context.
// Phrases are adjacent candidate pairs inside one clause seen at least `minCount` times (物流速度, customer service).

export type KeywordMethod = 'tfidf' | 'textrank';

export interface KeywordOptions {
  /** How many terms to return (default 20). */
  top?: number;
  method?: KeywordMethod;
  /** Drop terms seen fewer times (default 2; 1 for a single text). */
  minCount?: number;
  /** Extra stop words (config). */
  stopWords?: Iterable<string>;
  /** Words to keep whole and always count, such as product names (config). */
  userWords?: Iterable<string>;
  /** Include two-word phrases (default true). */
  phrases?: boolean;
}

export interface Keyword {
  term: string;
  weight: number;
  /** Occurrences over all texts. */
  count: number;
  /** Texts that contain the term. */
  texts: number;
}

interface Tally {
  count: number;
  texts: number;
  zh: boolean;
  lastText: number;
}

/** Accumulates candidate terms text by text, so a command can reuse tokens it already has. */
export class KeywordCollector {
  private readonly terms = new Map<string, Tally>();
  private readonly pairs = new Map<string, Tally>();
  private readonly edges = new Map<string, Map<string, number>>();
  private readonly stop: ReadonlySet<string>;
  private readonly user: ReadonlySet<string>;
  private textCount = 0;

  constructor(private readonly options: KeywordOptions = {}) {
    this.stop = new Set([...(options.stopWords ?? [])].map((w) => w.toLowerCase()));
    this.user = new Set([...(options.userWords ?? [])].map((w) => w.toLowerCase()));
    if (this.user.size > 0) addUserTerms(this.user);
  }

  get texts(): number {
    return this.textCount;
  }

  add(tokens: Token[]): void {
    const id = ++this.textCount;
    const window: string[] = [];
    let previous: { term: string; zh: boolean } | undefined;
    for (const token of tokens) {
      if (token.kind !== 'word') {
        previous = undefined;
        if (token.kind !== 'emoticon') window.length = 0;
        continue;
      }
      const term = token.text;
      if (!this.isCandidate(term, token.zh)) {
        previous = undefined;
        continue;
      }
      bump(this.terms, term, token.zh, id);
      if (previous && this.options.phrases !== false) {
        bump(this.pairs, previous.zh && token.zh ? previous.term + term : `${previous.term} ${term}`, token.zh, id);
      }
      previous = { term, zh: token.zh };
      if (this.options.method === 'textrank') {
        for (const other of window) if (other !== term) link(this.edges, term, other);
        window.push(term);
        if (window.length > 4) window.shift();
      }
    }
  }

  result(): Keyword[] {
    const top = this.options.top ?? 20;
    const minCount = this.options.minCount ?? (this.textCount <= 1 ? 1 : 2);
    const scored: Keyword[] = [];
    const rank = this.options.method === 'textrank' ? textRank(this.edges, this.terms, minCount) : undefined;
    if (!rank) resolveIdf([...this.terms].filter(([, t]) => t.zh && t.count >= minCount).map(([term]) => term));
    for (const [term, tally] of this.terms) {
      if (tally.count < minCount) continue;
      const weight = rank ? (rank.get(term) ?? 0) : tally.count * idfOf(term, tally.zh);
      scored.push({ term, weight: round(weight), count: tally.count, texts: tally.texts });
    }
    if (this.options.phrases !== false) {
      for (const [term, tally] of this.pairs) {
        if (tally.count < Math.max(minCount, 2)) continue;
        // A phrase weighs as its words together, discounted by how often they occur apart.
        const weight = rank ? 0 : tally.count * idfOf(term, tally.zh) * 1.2;
        scored.push({ term, weight: round(weight), count: tally.count, texts: tally.texts });
      }
    }
    scored.sort((a, b) => b.weight - a.weight || b.count - a.count || a.term.localeCompare(b.term));
    return scored.filter((k) => k.weight > 0).slice(0, top);
  }

  private isCandidate(term: string, zh: boolean): boolean {
    if (this.user.has(term)) return true;
    if (isStopWord(term, zh, this.stop)) return false;
    if (zh) return term.length >= 2;
    return term.length >= 3 && /[a-z]/.test(term) && !/^\d/.test(term);
  }
}

/** Keywords of a set of texts (tokenizes each text once). */
export function extractKeywords(texts: string[], options: KeywordOptions = {}): Keyword[] {
  const collector = new KeywordCollector(options);
  for (const text of texts) if (text && text.trim()) collector.add(tokenize(text));
  return collector.result();
}

function bump(map: Map<string, Tally>, term: string, zh: boolean, id: number): void {
  const tally = map.get(term);
  if (!tally) {
    map.set(term, { count: 1, texts: 1, zh, lastText: id });
    return;
  }
  tally.count++;
  if (tally.lastText !== id) {
    tally.texts++;
    tally.lastText = id;
  }
}

function link(edges: Map<string, Map<string, number>>, a: string, b: string): void {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ]) {
    let row = edges.get(from);
    if (!row) edges.set(from, (row = new Map()));
    row.set(to, (row.get(to) ?? 0) + 1);
  }
}

/** Weighted PageRank (damping 0.85, 30 iterations) over the co-occurrence graph of frequent terms. */
function textRank(edges: Map<string, Map<string, number>>, terms: Map<string, Tally>, minCount: number): Map<string, number> {
  const nodes = [...terms].filter(([, t]) => t.count >= minCount).map(([term]) => term);
  const inGraph = new Set(nodes);
  const outWeight = new Map<string, number>();
  for (const node of nodes) {
    let sum = 0;
    for (const [other, w] of edges.get(node) ?? []) if (inGraph.has(other)) sum += w;
    outWeight.set(node, sum);
  }
  let rank = new Map(nodes.map((n) => [n, 1]));
  for (let iteration = 0; iteration < 30; iteration++) {
    const next = new Map<string, number>();
    for (const node of nodes) {
      let sum = 0;
      for (const [other, w] of edges.get(node) ?? []) {
        if (!inGraph.has(other)) continue;
        const out = outWeight.get(other) ?? 0;
        if (out > 0) sum += (w / out) * (rank.get(other) ?? 0);
      }
      next.set(node, 0.15 + 0.85 * sum);
    }
    rank = next;
  }
  return rank;
}

// IDF values of the words asked so far (null: not in the table). The table has 270k lines; scanning
// it for the words a report needs takes a fraction of the time of loading it all into a Map.
const idfCache = new Map<string, number | null>();
/** Median IDF of jieba's table (@node-rs/jieba 2.0.3), for words it does not list and for English. */
const MEDIAN_IDF = 11.9547675029;
let idfText: string | null | undefined;

function idfOf(term: string, zh: boolean): number {
  if (!zh) return MEDIAN_IDF;
  return idfCache.get(term) ?? MEDIAN_IDF;
}

/** Looks up, in one pass over jieba's IDF table, the Chinese words not looked up before. */
function resolveIdf(terms: Iterable<string>): void {
  const needed = new Set<string>();
  for (const term of terms) if (!idfCache.has(term)) needed.add(term);
  if (needed.size === 0) return;
  if (idfText === undefined) {
    try {
      const require = createRequire(import.meta.url);
      idfText = readFileSync(require.resolve('@node-rs/jieba/idf.txt'), 'utf8');
    } catch {
      idfText = null; // without the table every word weighs the same and ranking follows frequency
    }
  }
  for (const term of needed) idfCache.set(term, null);
  if (!idfText) return;
  const text = idfText;
  const n = text.length;
  let found = 0;
  for (let i = 0; i < n && found < needed.size; ) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    const space = text.lastIndexOf(' ', end);
    if (space > i) {
      const word = text.slice(i, space);
      if (needed.has(word)) {
        idfCache.set(word, Number(text.slice(space + 1, end)));
        found++;
      }
    }
    i = end + 1;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
