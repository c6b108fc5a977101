// English word values: the lexicon, stems (driest → dry), elongated and mistyped spellings, degree words.
import { enDegree, enNegator, enTypoTargets } from '../lexicon/en.js';
import { buildTypoIndex, typoCandidates, unelongate, type TypoIndex } from '../lexicon/en-spelling.js';

// A Map, not an object: lookups with arbitrary words are much faster on a Map.
const degreeEn = new Map(Object.entries(enDegree));

// Per-word values (lexicon, stem, or respelled: sooo → so, goood → good, satifying → satisfying), cached.
const enWordCache = new Map<string, number | null>();
let enTypoIndex: TypoIndex | undefined;

export function enWordValue(lexicon: Map<string, number>, word: string): number | null {
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
export function enDegreeOf(word: string): number | undefined {
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
