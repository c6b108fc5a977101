import { createHash, hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Identity of a record's content, to recognise the same row in a newer export. */
export function rowHash(values: (string | null)[]): string {
  return hash('sha1', values.map((v) => v ?? '').join('\u0001'), 'base64url');
}
