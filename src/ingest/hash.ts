import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

// The cyrb53 multipliers as int32 (2654435761, 1597334677, …): V8 keeps the loop in integer registers
// only when Math.imul gets small integers, several times faster than with the same values as doubles.
const PRIME_1 = -1640531535;
const PRIME_2 = 1597334677;
const SEED_A = 0x9e3779b9 | 0;
const SEED_B = 0x85ebca6b | 0;

/**
 * Identity of a record's content, to recognise the same row in a newer export: a 106-bit hash (two
 * 53-bit cyrb53 lanes with different seeds) of the values joined by U+0001, computed in JavaScript,
 * several times cheaper per row than a call into node:crypto, with a chance of two different rows
 * colliding far below 1 in 10^18 per million rows. Both lanes run in one pass over the values as they
 * are: joining them first would build a string per row only to read it back.
 */
export function rowHash(values: readonly (string | null)[]): string {
  let a1 = 0xdeadbeef ^ SEED_A;
  let a2 = 0x41c6ce57 ^ SEED_A;
  let b1 = 0xdeadbeef ^ SEED_B;
  let b2 = 0x41c6ce57 ^ SEED_B;
  for (let v = 0; v < values.length; v++) {
    if (v > 0) {
      a1 = Math.imul(a1 ^ 1, PRIME_1);
      a2 = Math.imul(a2 ^ 1, PRIME_2);
      b1 = Math.imul(b1 ^ 1, PRIME_1);
      b2 = Math.imul(b2 ^ 1, PRIME_2);
    }
    const text = values[v];
    if (text === null) continue;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      a1 = Math.imul(a1 ^ ch, PRIME_1);
      a2 = Math.imul(a2 ^ ch, PRIME_2);
      b1 = Math.imul(b1 ^ ch, PRIME_1);
      b2 = Math.imul(b2 ^ ch, PRIME_2);
    }
  }
  return base36(lane(a1, a2)) + '.' + base36(lane(b1, b2));
}

function lane(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), -2048144789) ^ Math.imul(h2 ^ (h2 >>> 13), -1028477387);
  h2 = Math.imul(h2 ^ (h2 >>> 16), -2048144789) ^ Math.imul(h1 ^ (h1 >>> 13), -1028477387);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** n.toString(36) for a whole number below 2^53, five times faster (V8 formats large numbers digit by digit in floating point). */
function base36(n: number): string {
  let s = '';
  do {
    let q = Math.floor(n / 36);
    let r = n - q * 36;
    // n / 36 is rounded: correct the quotient when the rounding crossed a whole number
    if (r < 0) {
      q--;
      r += 36;
    } else if (r >= 36) {
      q++;
      r -= 36;
    }
    s = DIGITS[r] + s;
    n = q;
  } while (n > 0);
  return s;
}
