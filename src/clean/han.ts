import { Converter } from 'opencc-js/t2cn';

// Traditional → simplified Chinese (OpenCC, Hong Kong + Taiwan + standard traditional forms).
// The converter walks a trie per character; most strings are already simplified, so each character's
// "would it change alone?" answer is memoised and the converter only runs when some character would.
let convert: ((s: string) => string) | undefined;
const changes = new Map<number, boolean>();

function converter(): (s: string) => string {
  convert ??= Converter({ from: 'hk', to: 'cn' });
  return convert;
}

export function toSimplified(s: string): string {
  let needed = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x3400) continue;
    let changed = changes.get(code);
    if (changed === undefined) {
      const ch = String.fromCharCode(code);
      changed = converter()(ch) !== ch;
      changes.set(code, changed);
    }
    if (changed) {
      needed = true;
      break;
    }
  }
  return needed ? converter()(s) : s;
}
