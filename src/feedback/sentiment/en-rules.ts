// English rules: negation that waits for its object ("will never go back"), long waits, excess ("too salty")
// and praise of what was wasted.
import { enNegator, enWideNegator, enWideNegatorPairs } from '../lexicon/en.js';
import { matchEn } from './en-match.js';
import { NEGATED_NEGATIVE, type Match, type Unit, type Word } from './shared.js';

const enFunctionWords = new Set(['the', 'a', 'an', 'much', 'many', 'bad', 'i', 'me', 'we', 'and', 'to', 'for', 'of', 'in', 'is', 'was', 'it']);

const wideNegationStarts = new Set([...enWideNegatorPairs].map((pair) => pair.split(' ')[0]));

export function opensWideNegation(units: Unit[], i: number): boolean {
  const word = units[i] as Word;
  if (enWideNegator.has(word.text)) return true;
  if (!wideNegationStarts.has(word.text)) return false;
  const next = units[i + 1];
  return next !== undefined && next.kind === 'word' && enWideNegatorPairs.has(`${word.text} ${next.text}`);
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

export const EN_EXCESS = -1;
// What follows these was wasted or spoilt: its praise adds to the complaint.
export const enLoss = new Set(['waste of', 'wasted', 'wastes', 'wasting', 'squandered', 'squanders', 'ruined', 'ruins', 'ruin', 'spoiled', 'spoilt', 'spoils']);
export const ENGLISH_LOSS_REACH = 4;
// Praise that "too" only intensifies: "too good to pass up", "you're too kind".
export const enPraiseAfterToo = new Set([
  'good', 'great', 'cute', 'adorable', 'funny', 'kind', 'nice', 'beautiful', 'perfect', 'amazing', 'awesome', 'delicious', 'lovely',
  'gorgeous', 'excellent', 'wonderful', 'fantastic', 'happy', 'tasty', 'yummy', 'fun', 'precious', 'hilarious', 'generous', 'helpful',
  'friendly', 'pleased', 'glad', 'excited', 'impressed', 'satisfied', 'thankful', 'grateful', 'pretty', 'beautifully', 'well',
]);

/** "too salty", "too long": excess is a complaint even when the adjective is not in the lexicon ("not too big": praise). */
export function enPatternRule(units: Unit[], i: number): Match | undefined {
  const word = units[i] as Word;
  if (word.text !== 'too') return waitRule(units, i);
  const next = units[i + 1];
  if (!next || next.kind !== 'word' || next.zh || enFunctionWords.has(next.text) || !/^[a-z]{3,}$/.test(next.text)) return undefined;
  if (matchEn(units, i + 1)) return undefined;
  const before = units[i - 1];
  const negated = before !== undefined && before.kind === 'word' && !before.zh && enNegator.has(before.text);
  return { value: negated ? -EN_EXCESS * NEGATED_NEGATIVE : EN_EXCESS, length: 2 };
}
