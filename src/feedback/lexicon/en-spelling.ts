// Spelling as customers type it: elongated words ("sooo goood", "disapppointed") and the common typos of
// long words ("satifying", "recomend", "dissapointed"). A word is respelled only onto a word the caller
// knows, and a typo only when every known word that fits agrees: a wrong guess costs more than a miss.

const MIN_TYPO_LENGTH = 8;
// A doubled or undoubled letter (terible, usefull) is the safest typo: it may be fixed in shorter words.
const MIN_DOUBLING_TYPO_LENGTH = 7;
const MAX_RUN_COMBINATIONS = 32;

// English words one edit away from a word that typos are corrected to (starting/startling, hopping/hoping),
// found by running the rules below over a 275,000-word English word list (an-array-of-english-words,
// not shipped): never respelled. The list's other hits were spelling variants with the same polarity.
const realWords = new Set([
  'apologies', 'averseness', 'batlers', 'campaign', 'campaigns', 'causally', 'chucking', 'darring', 'deadlocks',
  'derivation', 'derivations', 'deriving', 'escapee', 'escapees', 'felling', 'firring', 'griping', 'hatters',
  'hatting', 'heatless', 'hooping', 'hopping', 'hurrying', 'interess', 'invitee', 'kenning', 'mooping', 'mopping',
  'numerable', 'pacemaker', 'pacemakers', 'pickling', 'prefects', 'ragging', 'rappers', 'rapping', 'reigning',
  'restring', 'robbing', 'scarring', 'sealable', 'shammed', 'shiitake', 'shiitakes', 'simulate', 'simulated',
  'simulates', 'simulating', 'smoothers', 'sparking', 'spitted', 'staining', 'staling', 'starling', 'starters',
  'starting', 'stollen', 'stooped', 'stooping', 'tickling', 'treating', 'trebling', 'trilling', 'wakening',
]);

/** Runs of one letter three or more times long: the mark of an elongated word. */
const elongated = /([a-z])\1\1/;

/**
 * Spellings of an elongated word, most likely first: each run of a repeated letter shortened to two
 * letters or to one ("gooodd" → goodd, good, godd, god). Empty when the word has no run of three.
 */
export function unelongate(word: string): string[] {
  if (!elongated.test(word)) return [];
  const runs: string[] = [];
  for (let i = 0; i < word.length; ) {
    let j = i + 1;
    while (j < word.length && word[j] === word[i]) j++;
    runs.push(word.slice(i, j));
    i = j;
  }
  const repeated = runs.map((run, k) => (run.length >= 2 ? k : -1)).filter((k) => k >= 0);
  const out: string[] = [];
  // Fewer runs cut to one letter first: "goood" is "good" before it is "god".
  const combinations = Math.min(1 << repeated.length, MAX_RUN_COMBINATIONS);
  const order = [...Array(combinations).keys()].sort((a, b) => bitCount(a) - bitCount(b) || a - b);
  for (const mask of order) {
    let text = '';
    for (let k = 0, r = 0; k < runs.length; k++) {
      const run = runs[k];
      if (run.length < 2) text += run;
      else text += run[0].repeat((mask >> r++) & 1 ? 1 : 2);
    }
    out.push(text);
  }
  return out;
}

function bitCount(n: number): number {
  let count = 0;
  for (let m = n; m > 0; m >>= 1) count += m & 1;
  return count;
}

/** The word with every doubled letter single: "dissapointed" and "disappointed" share "disapointed". */
function hasDoubledLetter(word: string): boolean {
  for (let i = 1; i < word.length; i++) if (word[i] === word[i - 1]) return true;
  return false;
}

function skeleton(word: string): string {
  return word.replace(doubled, '$1');
}

const doubled = /(.)\1+/g;

export interface TypoIndex {
  /** Known words by first letter and length ("s10"), to compare a typo with its few possible sources. */
  byStart: Map<string, string[]>;
  /** Known words with a doubled letter, by their skeleton (doubled letters made single). */
  skeletons: Map<string, string[]>;
  known: ReadonlySet<string>;
}

/** Indexes the known single words (lower-case letters, hyphen or apostrophe) for typo lookups. */
export function buildTypoIndex(words: Iterable<string>): TypoIndex {
  const byStart = new Map<string, string[]>();
  const skeletons = new Map<string, string[]>();
  const known = new Set<string>();
  const add = (map: Map<string, string[]>, key: string, word: string): void => {
    const list = map.get(key);
    if (!list) map.set(key, [word]);
    else list.push(word);
  };
  for (const word of words) {
    if (!/^[a-z][a-z'-]+$/.test(word) || known.has(word)) continue;
    known.add(word);
    // A word without a doubled letter is its own skeleton: the known set finds it.
    if (word.length >= MIN_DOUBLING_TYPO_LENGTH - 1 && hasDoubledLetter(word)) add(skeletons, skeleton(word), word);
    if (word.length >= MIN_TYPO_LENGTH) add(byStart, word[0] + word.length, word);
  }
  return { byStart, skeletons, known };
}

/**
 * The known words that a long unknown word may be a typo of: a letter left out (satifying), two
 * neighbouring letters swapped (frustarting), or a letter doubled or undoubled (dissapointed, terible).
 * Same first letter, never a mere ending added (phenomena is not a typo of phenomenal). Empty when the
 * word is not such a typo; the caller decides what to do with several candidates.
 */
export function typoCandidates(word: string, index: TypoIndex): string[] {
  if (word.length < MIN_DOUBLING_TYPO_LENGTH || !/^[a-z]+$/.test(word) || index.known.has(word) || realWords.has(word)) return [];
  const found = new Set<string>();
  const bare = skeleton(word);
  if (bare !== word && bare.length >= MIN_DOUBLING_TYPO_LENGTH - 1 && index.known.has(bare)) found.add(bare);
  for (const candidate of index.skeletons.get(bare) ?? []) if (candidate !== word) found.add(candidate);
  if (word.length >= MIN_TYPO_LENGTH) {
    for (const candidate of index.byStart.get(word[0] + (word.length + 1)) ?? []) if (oneLetterLeftOut(word, candidate)) found.add(candidate);
    for (const candidate of index.byStart.get(word[0] + word.length) ?? []) if (neighboursSwapped(word, candidate)) found.add(candidate);
  }
  return [...found].filter((candidate) => candidate[0] === word[0] && !candidate.startsWith(word));
}

/** `typo` is `word` with one letter (not the first) left out. */
function oneLetterLeftOut(typo: string, word: string): boolean {
  let i = 0;
  while (i < typo.length && typo[i] === word[i]) i++;
  if (i === 0) return false;
  for (let j = i; j < typo.length; j++) if (typo[j] !== word[j + 1]) return false;
  return true;
}

/** `typo` is `word` with two neighbouring letters (not the first) swapped. */
function neighboursSwapped(typo: string, word: string): boolean {
  let i = 0;
  while (i < typo.length && typo[i] === word[i]) i++;
  if (i === 0 || i + 1 >= typo.length || typo[i] !== word[i + 1] || typo[i + 1] !== word[i]) return false;
  for (let j = i + 2; j < typo.length; j++) if (typo[j] !== word[j]) return false;
  return true;
}
