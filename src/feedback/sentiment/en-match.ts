// English matching: lexicon phrases and words, amounts read with their aspect (low price), and the degree
// words and negators before a match.
import { enAspects, enLexicon, enMaxPhraseWords, enNegator, enScale, likeVerbs } from '../lexicon/en.js';
import { enDegreeOf, enWordValue } from './en-words.js';
import { EN_NEGATION, isEnWord, isZhWord, NEGATED_NEGATIVE, type Match, type Unit, type Word } from './shared.js';

let enPhrases: Map<string, Phrase[]> | undefined;

export function matchEn(units: Unit[], i: number): Match | undefined {
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

/** VADER-style: degree words within three words scale, any negator within three words flips. */
export function modifyEn(units: Unit[], i: number, floor: number, base: number): number {
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
