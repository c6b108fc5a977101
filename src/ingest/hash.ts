import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Identity of a record's content, to recognise the same row in a newer export: a 106-bit hash (two
 * 53-bit cyrb53 lanes with different seeds) computed in JavaScript, several times cheaper per row than
 * a call into node:crypto, with a chance of two different rows colliding far below 1 in 10^18 per
 * million rows.
 */
export function rowHash(values: (string | null)[]): string {
  let text = values[0] ?? '';
  for (let i = 1; i < values.length; i++) text += '\u0001' + (values[i] ?? '');
  return cyrb53(text, 0x9e3779b9).toString(36) + '.' + cyrb53(text, 0x85ebca6b).toString(36);
}

function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
