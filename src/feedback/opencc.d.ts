// opencc-js ships no type declarations; this is the part of its API custops uses.
declare module 'opencc-js/t2cn' {
  export function Converter(options: { from: 'tw' | 'twp' | 'hk' | 't'; to: 'cn' }): (text: string) => string;
}
