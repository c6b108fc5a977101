import { createRequire } from 'node:module';
import type { pinyin as PinyinFn } from 'pinyin-pro';

// pinyin-pro carries a large dictionary. Matching is synchronous and several commands import the
// engine without matching anything (`custops --help`, `custops run --help`), so the dictionary is
// loaded on the first romanisation instead of at import time.
let loaded: typeof PinyinFn | undefined;

/** Toneless pinyin syllables of a Chinese text; surnames read as surnames (单 → shan) when asked. */
export function pinyinSyllables(text: string, options: { surname?: boolean; v?: boolean } = {}): string[] {
  loaded ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: typeof PinyinFn }).pinyin;
  return loaded(text, { toneType: 'none', type: 'array', surname: options.surname ? 'all' : 'off', v: options.v ?? false });
}
