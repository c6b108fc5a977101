// Builds src/feedback/model/zh-backoff.ts, the back-off Chinese polarity lexicon used for words the
// hand-written lexicon (src/feedback/lexicon/zh.ts) does not know. Source: the npm package
// @cycjimmy/chinese-sentiment (MIT), which bundles the BosonNLP sentiment dictionary (word scores
// learned by BosonNLP from labelled microblog, news and forum text) and the HowNet (知网) evaluation
// word lists. Neither list was built from custops' benchmark corpora, and nothing here reads them.
//
// Selection (fixed rules, no tuning against any benchmark): Han words of 2–4 characters that jieba's
// own dictionary (@node-rs/jieba, already a dependency) tags as an adjective, verb, idiom or set phrase
// and that are not among its very frequent words (those are mostly neutral: 可能, 提供, 需要, 知道; the
// evaluative ones among them are hand-curated already). Nouns are left out: a noun's correlation with
// sentiment is topical (隔音, 早餐), not evaluative. A word that HowNet lists as positive or negative is
// kept when BosonNLP scores it with the same sign (strength from BosonNLP); a word HowNet does not list
// is kept when BosonNLP scores it strongly (|score| ≥ MIN_BOSON). Values are scaled to custops' VADER-like scale and capped below the
// hand-written lexicon's clear entries, so the back-off can tip an otherwise undecided clause but
// never outvote a hand-curated word.
//
// Usage: node scripts/build-zh-backoff.mjs [path/to/extracted/package]
//   Without a path, `npm pack` fetches the pinned version into a temporary folder (registry only).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const PACKAGE = '@cycjimmy/chinese-sentiment@2.0.2';
const MIN_BOSON = Number(process.env.MIN_BOSON ?? 2);
const SCALE = Number(process.env.SCALE ?? 0.5);
const CAP = Number(process.env.CAP ?? 1.5);
const HOWNET_ONLY = Number(process.env.HOWNET_ONLY ?? 0.8);
const OUT = new URL('../src/feedback/model/zh-backoff.ts', import.meta.url);

function packageDir() {
  if (process.argv[2]) return { dir: process.argv[2], cleanup: () => {} };
  const temp = mkdtempSync(join(tmpdir(), 'custops-zh-'));
  const file = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', temp], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', join(temp, file), '-C', temp]);
  return { dir: join(temp, 'package'), cleanup: () => rmSync(temp, { recursive: true, force: true }) };
}

const { dir, cleanup } = packageDir();
const boson = JSON.parse(readFileSync(join(dir, 'src/dictionary/BosonNLP.json'), 'utf8')).BosonNLP;
const hownet = JSON.parse(readFileSync(join(dir, 'src/dictionary/HOWNET.json'), 'utf8')).HOWNET;
const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
cleanup();

const MAX_FREQUENCY = 3000;
const evaluativeTags = new Set(['a', 'ad', 'an', 'i', 'l', 'v', 'vd', 'vi', 'z']);
const jiebaDict = new Map();
const require = createRequire(import.meta.url);
for (const line of readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8').split('\n')) {
  const [word, frequency, tag] = line.split(' ');
  if (word) jiebaDict.set(word, { frequency: Number(frequency), tag });
}
/** Unknown to jieba (rare or newer words) or an evaluative part of speech that is not very frequent. */
function evaluativeShape(word) {
  const entry = jiebaDict.get(word);
  return entry === undefined || (evaluativeTags.has(entry.tag) && entry.frequency <= MAX_FREQUENCY);
}

const han = /^[\u4e00-\u9fff]{2,4}$/;
const hownetSign = new Map();
for (const word of hownet.pos) if (han.test(word)) hownetSign.set(word, 1);
for (const word of hownet.neg) if (han.test(word)) hownetSign.set(word, hownetSign.get(word) === 1 ? 0 : -1);

const round = (x) => Math.round(x * 10) / 10;
const entries = new Map();
for (const [word, sign] of hownetSign) {
  if (sign === 0 || !evaluativeShape(word)) continue; // listed as both (ambiguous), or not evaluative in form
  const score = boson[word];
  if (score === undefined || Math.sign(score) !== sign) continue; // the sources must agree
  const strength = Math.min(CAP, Math.max(HOWNET_ONLY, Math.abs(score) * SCALE));
  entries.set(word, round(sign * strength));
}
const verbTags = new Set(['v', 'vd', 'vi']);
/** BosonNLP scores verbs by the company they keep (预定 +, 维修 −): a verb needs HowNet's agreement. */
function verbOnlyBoson(word) {
  const entry = jiebaDict.get(word);
  return entry !== undefined && verbTags.has(entry.tag);
}
for (const [word, score] of Object.entries(boson)) {
  if (entries.has(word) || hownetSign.has(word) || !han.test(word) || Math.abs(score) < MIN_BOSON || !evaluativeShape(word)) continue;
  if (verbOnlyBoson(word)) continue;
  entries.set(word, round(Math.sign(score) * Math.min(CAP, Math.abs(score) * SCALE)));
}

const lines = [...entries].filter(([, v]) => v !== 0).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([w, v]) => `${w} ${v}`);
const header = `// GENERATED by scripts/build-zh-backoff.mjs — do not edit by hand.
// Back-off Chinese polarity lexicon: ${lines.length} words, consulted only for words the hand-written lexicon
// does not know. Source: npm package @cycjimmy/chinese-sentiment@${version} (MIT licence), which bundles the
// BosonNLP sentiment dictionary and the HowNet (知网) positive/negative evaluation word lists. Selection:
// 2–4 character Han words that jieba tags adjective/verb/idiom/phrase with frequency ≤ ${MAX_FREQUENCY} (or does not know);
// HowNet polarity when BosonNLP agrees in sign, else BosonNLP |score| ≥ ${MIN_BOSON} (verbs only with HowNet);
// value = sign × min(${CAP}, max(${HOWNET_ONLY} for HowNet words, |BosonNLP score| × ${SCALE})).
// Not derived from any custops benchmark corpus.
`;
writeFileSync(OUT, `${header}\n/** One "word value" pair per line. */\nexport const zhBackoffEntries = \`\n${lines.join('\n')}\n\`;\n`);
console.log(`wrote ${lines.length} entries (${(Buffer.byteLength(lines.join('\n')) / 1024).toFixed(0)} KB)`);
