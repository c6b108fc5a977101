import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// English: the VADER lexicon (Hutto & Gilbert 2014, ~7,500 rated words, slang and emoticons; shipped in
// the vader-sentiment package, Apache-2.0), Hu & Liu's opinion lexicon (KDD 2004, opinion-lexicon package,
// free with attribution) for unrated review words, and a hand-written supplement of customer-feedback words that
// VADER lacks (service speed, food, delivery, product quality, apps, price, return intent). Same scale.

const supplement: Array<[number, string]> = [
  [3, `phenomenal exquisite outstanding flawless impeccable superb stellar divine delectable scrumptious
       mouthwatering top-notch spotless immaculate life-saver lifesaver gamechanger game-changer`],
  [2, `tasty flavorful flavourful delish yummy tender juicy moist crispy crisp fluffy succulent savory
       prompt promptly attentive courteous knowledgeable accommodating efficient responsive quick quickly
       speedy swift fast reliable sturdy durable solid well-made intuitive seamless smooth spacious roomy
       cozy cosy comfy affordable reasonable reasonably inexpensive bargain recommend recommended recommending
       must-have must-try worth worthwhile accurate authentic fresh homemade generous hearty filling
       welcoming polite professional helpful on-time punctual hassle-free painless user-friendly handy
       convenient clean tidy neat quiet peaceful bright stylish elegant gorgeous pristine unbeatable
       reasonably-priced well-priced well-packed well-packaged resolved refunded fixed`],
  [1, `decent fine okay ok solid works working worked functional adequate satisfactory acceptable
       sufficient plentiful cheap inexpensively reasonably improved upgrade upgraded`],
  [-1, `meh average ordinary so-so mediocre lukewarm pricey expensive costly wait waited waiting queue
       late slow slowly small tiny cramped noisy loud dim dark cold salty sweetish oily greasy dry
       chewy tough rubbery soggy mushy bland plain basic dated outdated old worn confusing complicated
       cluttered crowded busy hard difficult tricky unclear missing lacking lacks lacked refund exchange replacement replace complain complaint complaints issue issues problem
       problems glitch glitches lag laggy delay delayed overcharged extra fee fees charge charged`],
  [-2, `overpriced overcooked undercooked burnt burned raw stale inedible flavorless flavourless tasteless
       watery soggy greasy unsanitary unhygienic filthy grimy sticky smelly stinky moldy mouldy rotten
       spoiled expired defective faulty broken cracked damaged dented scratched leaking leaky torn ripped
       flimsy cheaply shoddy unreliable unresponsive unhelpful inattentive incompetent unprofessional
       impolite disrespectful dismissive condescending rude slowest slower sluggish buggy crashes crashed
       crashing freezes froze freezing unusable useless pointless misleading inaccurate wrong incorrect
       mistake mistakes error errors lost stolen scam scammed ripoff rip-off overrated underwhelming
       disappointment disappointing letdown let-down subpar sub-par unacceptable unprofessionally lousy
       cancelled canceled uninspired uninspiring lacklustre lackluster unfriendly`],
  [-3, `worst horrible horrendous atrocious abysmal appalling dreadful disgusting revolting nauseating
       inexcusable unbearable unacceptable nightmare fraud fraudulent ripped`],
  // Products, apps, books and films as online shoppers and viewers write about them.
  [2, `gripping riveting absorbing compelling engrossing masterful must-see must-read page-turner
       comfy well-made well-written well-acted well-crafted well-packed`],
  [1.5, `legit`],
  [-1, `predictable faded fades fading pilling bled`],
  [-1.5, `snapped peeling peeled peels`],
  [-2, `chalky oxidized oxidizes oxidised formulaic plodding meandering overlong muddled forgettable unmemorable
       misfire uninstalled uninstalling uninstall cringey cringy cringeworthy overhyped over-hyped knockoff
       yuck eww laughable unwatchable unreadable`],
  [-2.5, `counterfeit`],
  // Chinese internet slang written in Latin letters and digits (the English path reads them).
  [3, `yyds`],
  [2, `666 awsl`],
  [1.5, `xswl`],
  [-1.5, `emo bug bugs`],
];

/** Multi-word units: matched before single words; negation and degree still apply to them. */
const phrases: Array<[number, string]> = [
  [3, `highly recommend|highly recommended|strongly recommend|will be back|will definitely be back|be back
       |will come back|will return|would return|coming back|come back again|go back again|five stars|5 stars
       |buy again|will buy again|would buy again|buying again|order again|will order again|would order again|purchase again
       |top notch|out of this world|to die for|cannot wait to go back|can't wait to go back|can't wait to come back
       |worth every penny|worth the wait|worth the money|worth the price|blew me away|blown away|a must|second to none
       |10/10|thumbs up|two thumbs up|2 thumbs up|hit the spot|above and beyond|went above and beyond|exceeded my expectations
       |exceeded expectations|love this place|love it|loved it|keep up the good work|must visit|must try|check it out`],
  [1.5, `go again|come again|coming again|eat here again|eat there again|eating here again|eating there again|go here again
       |go there again|visit again|be revisiting|revisit|revisiting|hit up again|order from them again|use them again`],
  [2, `come back|go back|coming back|going back|would recommend|will recommend|good value|great value|no complaints
       |no problems|no problem|no issues|works great|works well|worked great|worked perfectly|as described|as advertised
       |on time|well done|good job|great job|nice touch|fair price|fair prices|value for money|great deal|good deal
       |friendly staff|fast delivery|fast shipping|quick delivery|arrived early|arrived quickly|well packaged|can't beat
       |cannot beat|can't go wrong|couldn't be happier|could not be happier|made my day|feel at home|felt at home|not bad at all|not bad
       |never looked back|does the job|did the job|does what it says|does exactly what it says|does what it promises
       |works as expected|worked as expected|exactly what i needed|exactly what i wanted|well packed|days early|day early
       |ahead of schedule|true to size|nothing to complain about|can't complain|cannot complain|can't fault|cannot fault`],
  [3, `works like a charm|worked like a charm|holy grail|hands down|never looked better|never felt better|never been better
       |couldn't be better|could not be better|can't say enough good|cannot say enough good|couldn't put it down
       |could not put it down|can't put it down|stays with you|stay with you|10 out of 10|ten out of ten|5/5|5 out of 5`],
  [-2, `never again|never coming back|never going back|won't be back|will not be back|won't be returning|not coming back
       |not going back|waste of money|waste of time|waste of|rip off|ripped off|thumbs down|zero stars|0 stars|one star
       |1 star|no stars|stay away|look elsewhere|save your money|fell apart|falling apart|stopped working|doesn't work
       |does not work|didn't work|did not work|not working|won't work|broke down|broken down|took forever|takes forever
       |waited forever|way too long|too long|far too long|sent back|send back|not worth|wasn't worth|isn't worth
       |not as described|not as advertised|wrong order|wrong item|got it wrong|never arrived|never received|never showed
       |never came|didn't arrive|did not arrive|didn't receive|not received|no one answered|nobody answered|hung up
       |on hold|run around|runaround|went downhill|gone downhill|goes downhill|off night|bad experience|poor service
       |customer service sucks|money back|want a refund|asked for a refund|would not recommend|wouldn't recommend
       |do not recommend|don't recommend|not recommend|can't recommend|cannot recommend|avoid this|avoid at all costs
       |not impressed|not happy|not good|not great|not fresh|not tasty|nothing special|nothing to write home about
       |needs improvement|could be better|could have been better|much to be desired|left a lot to be desired|not up to par
       |under par|below average|not the best|had better|have had better|i've had better|to be desired|won't return
       |wouldn't return|will not return|would not return|never return|not return|had to return|return it|returned it
       |returning it|sent it back|over rated|barely edible|don't waste|do not waste|better than this|better than that|better at home|done better
       |do better|could do better|much better elsewhere|go elsewhere|went elsewhere|go else where|take my business elsewhere`],
  [-1, `at best|at least|only okay|just okay|just ok|only ok|runs small|run small|ran small|runs large|runs big|two stars|2 stars`],
  [2, `no questions asked|no question asked`],
  [-1.5, `gave up on|give up on|giving up on|snapped off|snapped in half`],
  [-2, `not even close|nowhere near|came apart|comes apart|coming apart|fall flat|falls flat|fell flat|fell asleep|falling asleep|fall asleep|walked out
       |checking my watch|checked my watch|cash grab|paper thin|paper-thin|no substance|never get back|won't get back
       |want my money back|want my time back|dead on arrival|won't turn on|wouldn't turn on|doesn't turn on|didn't turn on
       |won't charge|wouldn't charge|stopped charging|won't answer|doesn't answer|never answered|nobody answers|no one answers
       |no one could help|nobody could help|dropped calls|dropped call|don't bother|do not bother|dont bother|not my thing
       |done with them|first and last|expect better|expected better|deserve better|would not buy|would never buy|do not buy
       |don't buy|dont buy|piece of junk|piece of crap|piece of garbage|piece of trash|too many ads|constant ads|full of ads
       |forgot my|forgot our|forgot half|forgot to include|forgot to send|forgot to put|they forgot|arrived melted|was melted
       |were melted|all melted|like cardboard|looks nothing like|nothing like the picture|nothing like the photo|not as pictured
       |broke me out|gave me a rash`],
];

/** Entries in VADER that mislead on customer feedback. */
const overrides: Record<string, number> = {
  like: 0, // a preposition far more often than a verb in reviews ("tasted like cardboard"); see likeVerbs
  pretty: 0, // a degree adverb in "pretty good/bad"
  ok: 0.6, okay: 0.6, fine: 0.8, no: 0, yes: 0.5, please: 0, joke: -1.5, kind: 0.8, super: 0, free: 0.8,
  cheap: 0, hot: 0, cool: 1, well: 0, hard: -0.5, lol: 0.8, 'back': 0, least: 0, dear: 0, care: 0.5, pay: 0,
  cut: 0, fire: 0, kill: -1, killed: -1, sweet: 1.5, sure: 0.3, want: 0, wanted: 0, block: 0, strong: 0.8,
  company: 0, chance: 0, united: 0, party: 0, play: 0, god: 0, true: 0.5, lost: -1.5, miss: -0.5, serious: -0.3,
  lover: 0, lovers: 0, honest: 0.5, friend: 0, friends: 0, "friend's": 0, luck: 0.5, work: 0, right: 0, gold: 0,
  paradise: 1, focused: 0.5, definitely: 0, certainly: 0, fairly: 0, quickly: 1, warmer: 0, upgrading: 0,
  lemon: 0, cold: -1, packed: 0, hooked: 1.5, immediately: 1, theft: -2, elsewhere: -1,
  enough: 0.3, // "big enough" is faint praise, "loud enough to wake the house" none; "not enough" is negated
  promised: 0, promise: 0, // a claim, not the customer's judgement ("not what was promised")
};

export const enDegree: Record<string, number> = {
  very: 1.3, really: 1.3, so: 1.3, too: 1.3, extremely: 1.8, incredibly: 1.8, absolutely: 1.7, totally: 1.5,
  completely: 1.6, utterly: 1.8, truly: 1.4, super: 1.5, highly: 1.5, especially: 1.3, exceptionally: 1.7,
  remarkably: 1.5, particularly: 1.3, quite: 1.1, pretty: 1.1, rather: 1.05, most: 1.5, more: 1.2, much: 1.2,
  way: 1.4, amazingly: 1.6, insanely: 1.7, ridiculously: 1.6, terribly: 1.6, awfully: 1.5, seriously: 1.4,
  hella: 1.5, damn: 1.4, freaking: 1.5, fucking: 1.6, soo: 1.4, sooo: 1.5, soooo: 1.6, real: 1.2, such: 1.3,
  deeply: 1.5, thoroughly: 1.5, perfectly: 1.3, consistently: 1.2, always: 1.1, definitely: 1.3, certainly: 1.2,
  slightly: 0.6, somewhat: 0.6, bit: 0.6, little: 0.7, kinda: 0.6, sorta: 0.6, fairly: 0.8, marginally: 0.5,
  partly: 0.6, almost: 0.7, barely: 0.5, mildly: 0.6, moderately: 0.8, reasonably: 0.9, relatively: 0.85,
};

/** Words that negate what follows (VADER's list, plus apostrophe-less spellings seen in feedback). */
export const enNegator = new Set([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'nowhere', 'without', 'cannot', 'cant',
  "can't", "don't", 'dont', "didn't", 'didnt', "doesn't", 'doesnt', "isn't", 'isnt', "wasn't", 'wasnt',
  "aren't", 'arent', "weren't", 'werent', "won't", 'wont', "wouldn't", 'wouldnt', "couldn't", 'couldnt',
  "shouldn't", 'shouldnt', "haven't", 'havent', "hasn't", 'hasnt', "hadn't", 'hadnt', "ain't", 'aint',
  "mightn't", "mustn't", "needn't", 'hardly', 'rarely', 'seldom', 'lack', 'lacks', 'lacked', 'uh-uh', 'nope',
]);

/** Negations of belief or habit that reach over the whole rest of the sentence, not three words. */
export const enWideNegator = new Set(['never', 'doubt', 'refrained', 'refuse', 'refuses']);
export const enWideNegatorPairs = new Set(["don't think", 'not think', "didn't think", 'not sure', "i'm not sure", 'no way', "won't ever"]);

export const enContrast = new Set(['but', 'however', 'yet', 'nevertheless', 'nonetheless', 'unfortunately', 'except', 'though']);
export const enConcession = new Set(['although', 'despite', 'while', 'whilst', 'albeit', 'even though']);
export const enSummary = new Set(['overall', 'all in all', 'in short', 'in summary', 'in conclusion', 'bottom line', 'to sum up', 'all told']);
export const enWish = new Set(['hope', 'hoping', 'wish', 'should', 'if', 'suggest', 'suggestion', 'please', 'would have', 'could have', 'should have', 'would be nice']);
/** "like" is a verb of liking after these words. */
export const likeVerbs = new Set(['i', 'we', 'they', 'you', 'really', 'truly', 'did', 'do', "don't", 'dont', "didn't", 'didnt', 'would', "i'd", "we'd", 'definitely', 'also', 'just', 'kids', 'wife', 'husband']);

let cached: Map<string, number> | undefined;
let rated: Set<string> | undefined;

export function enLexicon(): Map<string, number> {
  if (cached) return cached;
  const map = new Map<string, number>();
  for (const line of readVaderLexicon().split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const value = Number.parseFloat(line.slice(tab + 1));
    if (Number.isFinite(value)) map.set(line.slice(0, tab), value);
  }
  const ratedWords = new Set(map.keys());
  // Hu & Liu's opinion lexicon (6,800 words mined from customer reviews; opinion-lexicon package) fills
  // VADER's gaps in review vocabulary (incredible, overrated, bland, stale). It is unrated, so ±1.5.
  const require = createRequire(import.meta.url);
  for (const [file, weight] of [['positiveWords.js', 1.5], ['negativeWords.js', -1.5]] as const) {
    for (const word of require(`opinion-lexicon/lib/${file}`) as string[]) if (!map.has(word)) map.set(word, weight);
  }
  for (const [weight, words] of supplement) {
    for (const word of words.split(/\s+/)) {
      if (!word) continue;
      ratedWords.add(word);
      if (!(map.get(word) && Math.sign(map.get(word)!) === Math.sign(weight) && Math.abs(map.get(word)!) >= Math.abs(weight))) map.set(word, weight);
    }
  }
  for (const [weight, list] of phrases) {
    for (const phrase of list.split('|')) {
      const key = phrase.trim().replace(/\s+/g, ' ');
      if (key) map.set(key, weight);
    }
  }
  for (const [word, weight] of Object.entries(overrides)) map.set(word, weight);
  cached = map;
  rated = new Set([...ratedWords].filter((word) => map.get(word) !== 0 && !Object.hasOwn(enDegree, word)));
  return map;
}

/**
 * Words a misspelling may be corrected to: VADER's rated words and the supplement, in use in reviews.
 * Not Hu & Liu's long tail (champaign, threating), whose near neighbours are ordinary words.
 */
export function enTypoTargets(): ReadonlySet<string> {
  enLexicon();
  return rated!;
}

/**
 * Aspects whose amount is what the customer judges (high quality, long battery life: good; high price,
 * long wait: bad). +1: more is better; −1: more is worse. Read with enScale.
 */
export const enAspects = new Map<string, 1 | -1>([
  ...`quality battery life capacity storage signal coverage resolution durability portion portions selection variety
      performance efficiency accuracy suction ratings value speed speeds`
    .split(/\s+/).filter(Boolean).map((word): [string, 1] => [word, 1]),
  ...`price prices pricing cost costs fee fees bill bills noise wait waits waiting delay delays latency lag interest risk
      errors defects`
    .split(/\s+/).filter(Boolean).map((word): [string, -1] => [word, -1]),
]);

/** Amount words around an aspect: high/long/large (more), low/short/small (less). */
export const enScale = new Map<string, 1 | -1>([
  ...'high higher highest long longer longest large larger big bigger huge plenty ample'.split(' ').map((word): [string, 1] => [word, 1]),
  ...'low lower lowest short shorter small smaller tiny limited minimal'.split(' ').map((word): [string, -1] => [word, -1]),
]);

/** Longest phrase length in words, so the matcher knows how far to look ahead. */
export const enMaxPhraseWords = 7;

function readVaderLexicon(): string {
  const require = createRequire(import.meta.url);
  const path = require.resolve('vader-sentiment/vader_lexicon.txt');
  return readFileSync(path, 'utf8');
}
