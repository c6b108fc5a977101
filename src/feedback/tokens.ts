import { createRequire } from 'node:module';
import { emojiScores, kaomojiScores, stickerScores } from './lexicon/emoticons.js';
import { zhSegmenterWords } from './lexicon/zh.js';
import { addSegmenterWords, segmenter } from './segment.js';

// The sentiment lexicon's multi-character entries stay whole when segmented (registered lazily).
addSegmenterWords(zhSegmenterWords());

/** One unit of a comment: a word (Chinese or English), an emoticon, or a clause/sentence boundary. */
export type Token =
  | { kind: 'word'; text: string; zh: boolean; caps?: boolean; quoted?: boolean }
  | { kind: 'emoticon'; text: string; score: number }
  | { kind: 'clause' }
  | { kind: 'sentence'; bangs: number; question: boolean };

// Character classes by UTF-16 code unit, so the scanner below dispatches with one table lookup.
const enum Cls {
  other = 0,
  han = 1,
  ascii = 2, // letter or digit
  space = 3,
  sentence = 4, // . ! ? 。 ！ ？ … newline
  clause = 5, // , ; : ， ； ： ~ quotes brackets (not 、, which lists items)
  fullWidth = 6,
  traditional = 7, // a Han character that only traditional Chinese uses
  symbol = 8, // may start an emoji or emoticon
}

// Traditional characters frequent in feedback; their presence switches on conversion to simplified.
const traditionalHint =
  '這來國個說們為時會著過學對裡後麼沒於還發當無開見經頭從動兩長樣現將與進實點種聲話兒問機給幾業間電門東聽氣關並內卻產萬體別處總場師書員華報馬張難數車應計親務臺記邊風戰許覺題統請愛讓認論義術結連遠資隊帶條變聯權該領傳紅決達辦運強區導價質態滿熱淨衛適劃薦歡討厭勁優貴遞貨換環設網絡穩頓閃驚讚錯夠遲誤壞損舊髒亂騙買賣樂極錢較';

const classes = buildClasses();

function buildClasses(): Uint8Array {
  const table = new Uint8Array(65536);
  for (let c = 0x3400; c <= 0x4dbf; c++) table[c] = Cls.han;
  for (let c = 0x4e00; c <= 0x9fff; c++) table[c] = Cls.han;
  for (let c = 0xf900; c <= 0xfaff; c++) table[c] = Cls.han;
  for (const ch of traditionalHint) table[ch.charCodeAt(0)] = Cls.traditional;
  for (let c = 0x30; c <= 0x39; c++) table[c] = Cls.ascii;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = Cls.ascii;
  for (let c = 0x61; c <= 0x7a; c++) table[c] = Cls.ascii;
  for (const ch of ' \t\r\u00a0') table[ch.charCodeAt(0)] = Cls.space;
  for (const ch of '.!?。！？…\n') table[ch.charCodeAt(0)] = Cls.sentence;
  for (const ch of ',;:，；：~～()（）"“”「」【】[]') table[ch.charCodeAt(0)] = Cls.clause;
  for (let c = 0xff01; c <= 0xff5e; c++) if (table[c] === Cls.other) table[c] = Cls.fullWidth;
  table[0x3000] = Cls.fullWidth;
  table[0x2018] = Cls.fullWidth;
  table[0x2019] = Cls.fullWidth;
  for (const ch of '^=;><-*8✌♥❤☺☹✔✅❌⚠⭐✨') if (table[ch.charCodeAt(0)] === Cls.other) table[ch.charCodeAt(0)] = Cls.symbol;
  for (let c = 0xd800; c <= 0xdbff; c++) table[c] = Cls.symbol; // astral plane: emoji
  for (let c = 0x2190; c <= 0x2bff; c++) if (table[c] === Cls.other) table[c] = Cls.symbol;
  return table;
}

let toSimplified: ((text: string) => string) | undefined;

/** Full-width ASCII to half-width, curly quotes to straight, traditional Chinese to simplified. */
export function normaliseText(text: string): string {
  let fullWidth = false;
  let traditional = false;
  for (let i = 0; i < text.length; i++) {
    const cls = classes[text.charCodeAt(i)];
    if (cls === Cls.fullWidth) fullWidth = true;
    else if (cls === Cls.traditional) traditional = true;
  }
  let out = text;
  if (fullWidth) {
    out = out.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
    out = out.replace(/\u3000/g, ' ').replace(/[\u2018\u2019]/g, "'");
  }
  if (traditional) {
    if (!toSimplified) {
      const require = createRequire(import.meta.url);
      const { Converter } = require('opencc-js/t2cn') as typeof import('opencc-js/t2cn');
      toSimplified = Converter({ from: 'tw', to: 'cn' });
    }
    out = toSimplified(out);
  }
  return out;
}

// A merchant's reply appended to a review (商家回复, 掌柜回复, 酒店反馈 …) is not the customer's voice.
const merchantReply = /(?:商家|店家|卖家|掌柜|酒店|宾馆|饭店|客栈|民宿|官方|客服)(?:回复|反馈|回应)\s*(?:[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)?\s*[:：]/;

/** The customer's own words: drops a merchant reply appended to the review. */
export function customerVoice(text: string): string {
  const found = merchantReply.exec(text);
  return found && found.index > 0 ? text.slice(0, found.index) : text;
}

// A star or point rating written in the text (给4分, 打一星, 评价3.5分), on the usual five-point scale.
const ratingPattern =
  /(?:(?<![0-9.])([0-5](?:\.5)?)\s*|(?:(?<=[给打评了个价是得拿只])|(?<![\u4e00-\u9fff]))([零一二两三四五]))(?:分|颗星|星)(?![钟之钱级期店开别享析配手数量布成半货酒宾标水])/g;
const chineseDigits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

function ratingScore(stars: number): number {
  if (stars <= 1) return -3;
  if (stars <= 2) return -2;
  if (stars < 3.5) return -0.5;
  if (stars < 4) return 0.5;
  if (stars < 4.5) return 1.5;
  if (stars < 5) return 2.5;
  return 3;
}

// User dictionary terms that mix scripts or contain spaces (云米净水器X5, Mate 60 Pro): the Han/ASCII
// scanner would split them, so they are found first. Pure Chinese terms go to the segmenter instead.
let userTermPattern: RegExp | undefined;
const userTerms = new Set<string>();

/** Keeps product names and other user dictionary terms whole in every later tokenization. */
export function addUserTerms(words: Iterable<string>): void {
  const han: string[] = [];
  for (const raw of words) {
    const word = normaliseText(raw.trim());
    if (!word) continue;
    if (/^[\u3400-\u9fff]+$/.test(word)) han.push(word);
    else userTerms.add(word.toLowerCase());
  }
  if (han.length > 0) addSegmenterWords(han);
  if (userTerms.size > 0) {
    const alternatives = [...userTerms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    userTermPattern = new RegExp(alternatives.join('|'), 'gi');
  }
}

/** Splits a comment into words (jieba for Han runs), emoticons and clause/sentence boundaries. */
export function tokenize(text: string): Token[] {
  const source = normaliseText(customerVoice(text));
  const tokens: Token[] = [];
  if (!userTermPattern) {
    tokenizeRatings(source, tokens);
    return tokens;
  }
  let last = 0;
  userTermPattern.lastIndex = 0;
  let term: RegExpExecArray | null;
  while ((term = userTermPattern.exec(source)) !== null) {
    tokenizeRatings(source.slice(last, term.index), tokens);
    tokens.push({ kind: 'word', text: term[0].toLowerCase(), zh: /[\u3400-\u9fff]/.test(term[0]) });
    last = term.index + term[0].length;
  }
  tokenizeRatings(last === 0 ? source : source.slice(last), tokens);
  return tokens;
}

function tokenizeRatings(source: string, tokens: Token[]): void {
  if (!source.includes('分') && !source.includes('星')) {
    tokenizeSegment(source, tokens);
    return;
  }
  let last = 0;
  ratingPattern.lastIndex = 0;
  let rating: RegExpExecArray | null;
  while ((rating = ratingPattern.exec(source)) !== null) {
    tokenizeSegment(source.slice(last, rating.index), tokens);
    const stars = rating[1] !== undefined ? Number(rating[1]) : chineseDigits[rating[2]];
    tokens.push({ kind: 'emoticon', text: rating[0], score: ratingScore(stars) });
    last = rating.index + rating[0].length;
  }
  tokenizeSegment(last === 0 ? source : source.slice(last), tokens);
}

const kaomojiByFirst = groupKaomoji();
const emojiAt = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*/uy;

function groupKaomoji(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const face of [...kaomojiScores.keys()].sort((a, b) => b.length - a.length)) {
    const list = map.get(face[0]) ?? [];
    list.push(face);
    map.set(face[0], list);
  }
  return map;
}

function isHan(cls: number): boolean {
  return cls === Cls.han || cls === Cls.traditional;
}

/** Kaomoji or ASCII emoticon starting at i, not glued to a following letter (so "orzo" is a word). */
function kaomojiAt(source: string, i: number): string | undefined {
  const candidates = kaomojiByFirst.get(source[i]);
  if (!candidates) return undefined;
  for (const face of candidates) {
    if (source.startsWith(face, i)) {
      const after = source.charCodeAt(i + face.length);
      const afterCls = classes[after];
      if (!(afterCls === Cls.ascii && ((after >= 0x41 && after <= 0x5a) || (after >= 0x61 && after <= 0x7a)))) return face;
    }
  }
  return undefined;
}

function tokenizeSegment(source: string, tokens: Token[]): void {
  const cut = segmenter();
  const n = source.length;
  let i = 0;
  while (i < n) {
    const code = source.charCodeAt(i);
    const cls = classes[code];
    if (isHan(cls)) {
      let j = i + 1;
      while (j < n && isHan(classes[source.charCodeAt(j)])) j++;
      pushHan(tokens, cut.cut(source.slice(i, j)));
      i = j;
      continue;
    }
    if (code === 0x5b /* [ */) {
      const close = source.indexOf(']', i + 1);
      if (close > i + 1 && close - i <= 5) {
        const inner = source.slice(i + 1, close);
        const score = stickerScores.get(inner);
        if (score !== undefined) {
          tokens.push({ kind: 'emoticon', text: `[${inner}]`, score });
          i = close + 1;
          continue;
        }
      }
    }
    const face = cls === Cls.ascii && !isFaceStart(code) ? undefined : kaomojiAt(source, i);
    if (face !== undefined) {
      tokens.push({ kind: 'emoticon', text: face, score: kaomojiScores.get(face) ?? 0 });
      i += face.length;
      continue;
    }
    if (cls === Cls.ascii) {
      i = pushWord(source, i, tokens);
      continue;
    }
    if (cls === Cls.sentence) {
      let bangs = 0;
      let question = false;
      let j = i;
      for (; j < n && classes[source.charCodeAt(j)] === Cls.sentence; j++) {
        const ch = source[j];
        if (ch === '!' || ch === '！') bangs++;
        else if (ch === '?' || ch === '？') question = true;
      }
      tokens.push({ kind: 'sentence', bangs, question });
      i = j;
      continue;
    }
    if ((cls === Cls.clause || code === 0x27 || code === 0x2018) && openingQuotes.has(source[i])) {
      const close = shortQuoteEnd(source, i);
      if (close > 0) {
        // “豪华房”, ‘好’服务: a short quoted phrase stays in its clause, marked (scare quotes are ironic).
        const start = tokens.length;
        pushHan(tokens, cut.cut(source.slice(i + 1, close)));
        for (let k = start; k < tokens.length; k++) (tokens[k] as { quoted?: boolean }).quoted = true;
        i = close + 1;
        continue;
      }
    }
    if (cls === Cls.clause) {
      let j = i + 1;
      while (j < n && classes[source.charCodeAt(j)] === Cls.clause) j++;
      tokens.push({ kind: 'clause' });
      i = j;
      continue;
    }
    if (cls === Cls.space) {
      let j = i + 1;
      while (j < n && classes[source.charCodeAt(j)] === Cls.space) j++;
      // A space between two Chinese phrases separates clauses ("房间不错 服务好"); between English words it does not.
      if (i > 0 && j < n && isHan(classes[source.charCodeAt(i - 1)]) && isHan(classes[source.charCodeAt(j)])) tokens.push({ kind: 'clause' });
      i = j;
      continue;
    }
    if (cls === Cls.symbol) {
      emojiAt.lastIndex = i;
      const emoji = emojiAt.exec(source);
      if (emoji) {
        const text = emoji[0];
        const score = emojiScores.get(text) ?? emojiScores.get(text.replace(/\uFE0F|[\u{1F3FB}-\u{1F3FF}]/gu, ''));
        if (score !== undefined) tokens.push({ kind: 'emoticon', text, score });
        i += text.length;
        continue;
      }
    }
    i++;
  }
}

const openingQuotes = new Set(['“', '"', '「', "'", '‘']);
const closingQuotes = new Set(['”', '"', '」', "'", '’']);
const MAX_QUOTED = 6;

/** Index of the quote closing a run of 1–6 Han characters opened at i, or −1. */
function shortQuoteEnd(source: string, i: number): number {
  for (let j = i + 1; j < source.length && j <= i + MAX_QUOTED + 1; j++) {
    const ch = source[j];
    if (closingQuotes.has(ch)) return j > i + 1 ? j : -1;
    if (!isHan(classes[source.charCodeAt(j)])) return -1;
  }
  return -1;
}

/** Letters that begin an emoticon (XD, T_T, QAQ, orz): only then is the emoticon table consulted. */
function isFaceStart(code: number): boolean {
  return code === 0x58 || code === 0x78 || code === 0x54 || code === 0x51 || code === 0x6f || code === 0x4f || code === 0x38;
}

/** An English word, a number (3.5, 10/10) or a hyphenated / apostrophe word (don't, well-made). */
function pushWord(source: string, start: number, tokens: Token[]): number {
  const n = source.length;
  let j = start + 1;
  while (j < n) {
    const c = source.charCodeAt(j);
    if (classes[c] === Cls.ascii) j++;
    else if ((c === 0x27 || c === 0x2d) && j + 1 < n && classes[source.charCodeAt(j + 1)] === Cls.ascii) j += 2;
    else if ((c === 0x2e || c === 0x2f) && isDigit(source.charCodeAt(j - 1)) && j + 1 < n && isDigit(source.charCodeAt(j + 1))) j += 2;
    else break;
  }
  const word = source.slice(start, j);
  const lower = word.toLowerCase();
  if (lower !== word && word.length > 1 && word === word.toUpperCase()) tokens.push({ kind: 'word', text: lower, zh: false, caps: true });
  else tokens.push({ kind: 'word', text: lower, zh: false });
  return j;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function pushHan(tokens: Token[], words: string[]): void {
  for (const word of words) {
    if (word.trim()) tokens.push({ kind: 'word', text: word, zh: true });
  }
}


/** Word texts only, for keyword and topic work. */
export function wordsOf(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const token of tokens) if (token.kind === 'word') out.push(token.text);
  return out;
}
