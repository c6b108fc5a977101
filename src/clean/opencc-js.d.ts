// opencc-js ships no type declarations; this is the part of its API custops uses (clean, dedupe, feedback).
// The full build converts both ways; 'opencc-js/t2cn' and 'opencc-js/cn2t' are the smaller one-way builds.
declare module 'opencc-js' {
  export type Locale = 'cn' | 'tw' | 'twp' | 'hk' | 'jp' | 't';
  export function Converter(options: { from: Locale; to: Locale }): (text: string) => string;
}

declare module 'opencc-js/t2cn' {
  export function Converter(options: { from: 'tw' | 'twp' | 'hk' | 'jp' | 't'; to: 'cn' }): (text: string) => string;
}

declare module 'opencc-js/cn2t' {
  export function Converter(options: { from: 'cn'; to: 'tw' | 'twp' | 'hk' | 'jp' | 't' }): (text: string) => string;
}
