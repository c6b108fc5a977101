import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

// Chinese word segmentation. Primary: @node-rs/jieba (jieba-rs, prebuilt native binary shipped in the npm
// package, dictionary bundled, no network). Measured on this machine over 3,000 real hotel reviews
// (~106 characters each): jieba 11,700 texts/s vs Intl.Segmenter 4,200–4,900 texts/s, and jieba keeps
// feedback vocabulary whole (服务态度, 客服, 性价比, 差强人意) where ICU splits it (客/服, 性/价/比,
// 差/强/人/意). The dictionary loads in ~0.3 s, once, only when text analysis runs. If the native module
// cannot load on a platform, Intl.Segmenter (ICU, built into Node) is the fallback.

export interface Segmenter {
  readonly name: 'jieba' | 'intl';
  /** Splits a run of Han characters into words. */
  cut(text: string): string[];
  /** Adds words (product names, lexicon entries) that must stay whole. */
  addWords(words: Iterable<string>, frequency?: number): void;
}

let shared: Segmenter | undefined;
/** Every word registered so far, applied to a segmenter when it is created. */
const registeredWords = new Set<string>();

/** The process-wide segmenter, created on first use. */
export function segmenter(): Segmenter {
  if (!shared) {
    shared = createJiebaSegmenter() ?? createIntlSegmenter();
    if (registeredWords.size > 0) shared.addWords(registeredWords);
  }
  return shared;
}

/** Registers words before or after the segmenter exists (cheap when text analysis never runs). */
export function addSegmenterWords(words: Iterable<string>): void {
  const fresh: string[] = [];
  for (const word of words) {
    if (!registeredWords.has(word)) {
      registeredWords.add(word);
      fresh.push(word);
    }
  }
  if (shared && fresh.length > 0) shared.addWords(fresh);
}

/** Replaces the shared segmenter (tests use this to exercise the fallback); undefined recreates it. */
export function useSegmenter(next: Segmenter | undefined): void {
  shared = next;
  if (next && registeredWords.size > 0) next.addWords(registeredWords);
}

function createJiebaSegmenter(): Segmenter | undefined {
  let jieba: Jieba;
  try {
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    jieba = JiebaClass.withDict(dict);
  } catch {
    return undefined;
  }
  return {
    name: 'jieba',
    cut: (text) => jieba.cut(text, true),
    addWords(words, frequency = 20000) {
      const lines: string[] = [];
      for (const word of words) {
        const clean = word.trim();
        if (clean && !/\s/.test(clean)) lines.push(`${clean} ${frequency}`);
      }
      if (lines.length > 0) jieba.loadDict(Buffer.from(lines.join('\n') + '\n'));
    },
  };
}

export function createIntlSegmenter(): Segmenter {
  const icu = new Intl.Segmenter('zh', { granularity: 'word' });
  // ICU has no user dictionary: words added here are re-joined after segmentation by longest match.
  const extra = new Set<string>();
  let longest = 0;
  return {
    name: 'intl',
    cut(text) {
      const pieces: string[] = [];
      for (const part of icu.segment(text)) pieces.push(part.segment);
      if (extra.size === 0) return pieces;
      const out: string[] = [];
      for (let i = 0; i < pieces.length; ) {
        let joined = pieces[i];
        let taken = 1;
        let candidate = joined;
        for (let j = i + 1; j < pieces.length && candidate.length < longest; j++) {
          candidate += pieces[j];
          if (extra.has(candidate)) {
            joined = candidate;
            taken = j - i + 1;
          }
        }
        out.push(joined);
        i += taken;
      }
      return out;
    },
    addWords(words) {
      for (const word of words) {
        extra.add(word);
        if (word.length > longest) longest = word.length;
      }
    },
  };
}
