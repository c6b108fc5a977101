import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import { createRequire } from 'node:module';
import { UsageError } from '../../errors.js';

/** How to decode a text file, and what to tell the user. */
export interface EncodingChoice {
  /** Decoder name: 'utf8' and 'utf16le' decode natively, anything else through iconv-lite. */
  decoder: string;
  /** Reported name, e.g. 'utf8', 'utf8-bom', 'gb18030', 'utf16le'. */
  label: string;
  /** 0–1. */
  confidence: number;
}

/** Byte-order marks, longest first. */
const BOMS: { bytes: number[]; choice: EncodingChoice }[] = [
  { bytes: [0xef, 0xbb, 0xbf], choice: { decoder: 'utf8', label: 'utf8-bom', confidence: 1 } },
  { bytes: [0xff, 0xfe], choice: { decoder: 'utf16le', label: 'utf16le', confidence: 1 } },
  { bytes: [0xfe, 0xff], choice: { decoder: 'utf16be', label: 'utf16be', confidence: 1 } },
];

export function bomEncoding(head: Buffer): EncodingChoice | undefined {
  return BOMS.find(({ bytes }) => bytes.every((b, i) => head[i] === b))?.choice;
}

/**
 * UTF-16 without a BOM: ASCII-range text then has a zero byte in every other position.
 * Returns undefined unless the pattern is clear over the first 4 KB.
 */
export function utf16WithoutBom(head: Buffer): EncodingChoice | undefined {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 8) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) zeroEven++;
    if (head[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd / pairs > 0.3 && zeroEven / pairs < 0.02) return { decoder: 'utf16le', label: 'utf16le', confidence: 0.9 };
  if (zeroEven / pairs > 0.3 && zeroOdd / pairs < 0.02) return { decoder: 'utf16be', label: 'utf16be', confidence: 0.9 };
  return undefined;
}

function hasNonAscii(buf: Buffer): boolean {
  for (let i = 0; i < buf.length; i++) if (buf[i] >= 0x80) return true;
  return false;
}

/** Drops a multi-byte UTF-8 sequence cut off by the end of a sample. */
function withoutCutUtf8Tail(buf: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back];
    if (b < 0x80) return buf;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? buf.subarray(0, buf.length - back) : buf;
    }
  }
  return buf;
}

/** Share of multi-byte sequences that are well-formed GB18030 (which includes GBK and GB2312). */
function gbWellFormedShare(buf: Buffer): number {
  let valid = 0;
  let invalid = 0;
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b >= 0x81 && b <= 0xfe) {
      if (i + 1 >= n) break; // cut by the end of the sample
      const t = buf[i + 1];
      if (t >= 0x40 && t <= 0xfe && t !== 0x7f) {
        valid++;
        i += 2;
        continue;
      }
      if (t >= 0x30 && t <= 0x39) {
        if (i + 3 >= n) break;
        const b3 = buf[i + 2];
        const b4 = buf[i + 3];
        if (b3 >= 0x81 && b3 <= 0xfe && b4 >= 0x30 && b4 <= 0x39) {
          valid++;
          i += 4;
          continue;
        }
      }
    }
    invalid++;
    i++;
  }
  return valid + invalid === 0 ? 0 : valid / (valid + invalid);
}

/**
 * Characters frequent in Chinese business data, simplified and traditional. A wrong double-byte decoding
 * (Big5 read as GBK or the reverse) yields valid but rare characters, so the share of these tells the
 * right decoding apart.
 */
const COMMON_CHINESE = new Set(
  (
    '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经' +
    '十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全' +
    '表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题程展五果料象员位' +
    '入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必先回则任取据处队南给' +
    '色光门即保治北造百规热领七海口东导器压志世金增争济思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每' +
    '目至达走积示议声报完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须' +
    '际商非验连断深难近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王' +
    '按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞客户编码姓手机邮箱司称份城行注册订单额态评价内容渠道备' +
    '址街楼室广浙苏湖福深圳杭州南京成都武汉安已付款待货取退限责任集团股贸易网络信息服咨询李刘陈杨黄赵吴徐孙朱胡郭林罗郑梁谢宋唐韩冯邓' +
    '曹彭曾肖田董袁潘蒋蔡余杜叶程魏吕丁沈姚卢姜崔钟谭陆汪范廖贾夏韦方邹孟熊秦邱尹薛闫段雷侯陶黎贺顾郝龚邵钱男女先士差意推荐店' +
    '這為個國們時來發動學會產種後對說過經實與關於進電開門問現體機點業兩應還當從樣總長東區縣鄉鎮號樓話郵戶編碼訂單額狀態類別間評價滿務錢' +
    '買賣貨運費臺灣張陳黃劉楊吳趙鄭謝許蘇葉羅見讓場則將給際員門線紅級組織處聯網絡資訊諮詢廣灣義華'
  ).split(''),
);

/** Share of CJK characters in `text` that are common ones; 0 when there are none. */
function commonChineseShare(text: string): number {
  let cjk = 0;
  let common = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x3400 && c <= 0x9fff) {
      cjk++;
      if (COMMON_CHINESE.has(ch)) common++;
    }
  }
  return cjk === 0 ? 0 : common / cjk;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** Share of non-ASCII characters that decode as UTF-8 (a UTF-8 file with a few broken bytes stays UTF-8). */
function utf8DecodableShare(buf: Buffer): number {
  const text = buf.toString('utf8');
  let good = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80) good++;
  }
  return good + bad === 0 ? 1 : good / (good + bad);
}

/** Bytes jschardet looks at (it takes a few ms per KB). */
const HINT_BYTES = 16 * 1024;

/** jschardet's guess, when iconv-lite can decode it; only asked about text that is not UTF-8 or Chinese. */
function hintedEncoding(data: Buffer): { name: string; confidence: number } | undefined {
  const jschardet = createRequire(import.meta.url)('jschardet') as typeof import('jschardet');
  const hint = jschardet.detect(data.subarray(0, HINT_BYTES));
  if (!hint?.encoding || !iconv.encodingExists(hint.encoding)) return undefined;
  return { name: hint.encoding.toLowerCase(), confidence: hint.confidence };
}

/**
 * Share of non-ASCII byte runs that look like accented letters inside Latin words (one or two high
 * bytes next to an ASCII letter, as in "Müller" or "José"). Cyrillic or Greek text has long runs.
 */
function latinAccentShare(buf: Buffer): number {
  let runs = 0;
  let latin = 0;
  let i = 0;
  const isLetter = (b: number | undefined) => b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
  while (i < buf.length) {
    if (buf[i] < 0x80) {
      i++;
      continue;
    }
    const start = i;
    while (i < buf.length && buf[i] >= 0x80) i++;
    runs++;
    if (i - start <= 2 && (isLetter(buf[start - 1]) || isLetter(buf[i]))) latin++;
  }
  return runs === 0 ? 0 : latin / runs;
}

const OTHER_CJK = new Set(['shift_jis', 'euc-jp', 'euc-kr', 'iso-2022-jp']);

/**
 * Guesses the encoding of text bytes that have no BOM and are not UTF-16. `head` is the start of the
 * file cut at a line end (or the whole file); `more` are extra line-aligned windows from further in,
 * consulted when the head is plain ASCII (a file whose Chinese rows start late is still caught).
 */
export function detectEncoding(head: Buffer, more: Buffer[] = []): EncodingChoice {
  const withText = [head, ...more].filter(hasNonAscii);
  if (withText.length === 0) return { decoder: 'utf8', label: 'utf8', confidence: 1 };
  const data = withoutCutUtf8Tail(Buffer.concat(withText));

  if (isUtf8(data)) return { decoder: 'utf8', label: 'utf8', confidence: 0.99 };
  const utf8Share = utf8DecodableShare(data);
  if (utf8Share >= 0.95) return { decoder: 'utf8', label: 'utf8', confidence: round(0.8 * utf8Share) };

  const gbShare = gbWellFormedShare(data);
  if (gbShare >= 0.97) {
    const gbText = decodeBytes(data, 'gb18030');
    const big5Text = decodeBytes(data, 'big5');
    const gbCommon = commonChineseShare(gbText);
    const big5Common = commonChineseShare(big5Text);
    if (Math.max(gbCommon, big5Common) < 0.15) {
      const hint = hintedEncoding(data); // few common Chinese characters either way: Japanese or Korean?
      if (hint && OTHER_CJK.has(hint.name) && hint.confidence >= 0.5) {
        return { decoder: hint.name, label: hint.name, confidence: round(hint.confidence) };
      }
    }
    if (countReplacements(big5Text) === 0 && big5Common > gbCommon) {
      return { decoder: 'big5', label: 'big5', confidence: round(0.6 + 0.39 * Math.min(1, big5Common / 0.3)) };
    }
    return { decoder: 'gb18030', label: 'gb18030', confidence: round(gbShare * (0.6 + 0.39 * Math.min(1, gbCommon / 0.3))) };
  }
  const latinShare = latinAccentShare(data);
  if (latinShare >= 0.7) return { decoder: 'windows-1252', label: 'windows-1252', confidence: round(0.5 + 0.4 * latinShare) };
  const hint = hintedEncoding(data);
  if (hint && !['gb2312', 'gb18030', 'big5', 'utf-8', 'ascii'].includes(hint.name)) {
    return { decoder: hint.name, label: hint.name, confidence: round(hint.confidence) };
  }
  return { decoder: 'windows-1252', label: 'windows-1252', confidence: 0.3 };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

const ALIASES: Record<string, string> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  'utf8-bom': 'utf8',
  'utf-8-bom': 'utf8',
  'utf-8-sig': 'utf8',
  'utf-16': 'utf16le',
  'utf-16le': 'utf16le',
  utf16: 'utf16le',
  utf16le: 'utf16le',
  'utf-16be': 'utf16be',
  utf16be: 'utf16be',
  cp936: 'gbk',
};

/** Reads an --encoding value (utf8, gbk, gb18030, utf16le, big5, anything iconv-lite knows). */
export function resolveEncodingOption(name: string): EncodingChoice {
  const key = name.trim().toLowerCase();
  const decoder = ALIASES[key] ?? key;
  if (!iconv.encodingExists(decoder)) {
    throw UsageError.of('encoding.unknown', { value: JSON.stringify(name) });
  }
  return { decoder, label: key === 'utf8-bom' || key === 'utf-8-bom' ? 'utf8-bom' : decoder, confidence: 1 };
}

const WHATWG_NAMES: Record<string, string> = { utf8: 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be' };

/**
 * The platform's decoder when it knows the encoding (ICU decodes GB18030 about 4× faster than
 * iconv-lite); undefined otherwise, and iconv-lite is used. Both drop a leading BOM.
 */
export function nativeDecoder(name: string): TextDecoder | undefined {
  try {
    return new TextDecoder(WHATWG_NAMES[name] ?? name);
  } catch {
    return undefined;
  }
}

function decodeBytes(buf: Buffer, decoder: string): string {
  return nativeDecoder(decoder)?.decode(buf) ?? iconv.decode(buf, decoder);
}

/** Decodes a sample the way the file will be decoded (BOM removed). */
export function decodeSample(buf: Buffer, choice: EncodingChoice): string {
  const text = decodeBytes(buf, choice.decoder);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
