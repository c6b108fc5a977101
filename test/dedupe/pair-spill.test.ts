import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PairSpill, type PairChunk } from '../../src/dedupe/pair-spill.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'custops-spill-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function readAll(spill: PairSpill): number[][] {
  const out: number[][] = [];
  spill.forEachChunk((c: PairChunk) => {
    for (let k = 0; k < c.length; k++) out.push([c.left[k], c.right[k], c.pattern[k], c.bonus[k]]);
  });
  return out;
}

describe('temporary pair file', () => {
  it('gives back every pair in order, across chunks on disk and the one in memory, as often as asked', () => {
    const dir = tempDir();
    const spill = new PairSpill(7, dir);
    const expected: number[][] = [];
    try {
      for (let k = 0; k < 53; k++) {
        const pair = [k, 4_000_000_000 - k, 8_640_000 - k * 3, Math.fround(k / 3 - 5)];
        spill.push(pair[0], pair[1], pair[2], pair[3]);
        expected.push(pair);
      }
      expect(spill.length).toBe(53);
      expect(spill.chunksOnDisk).toBe(7); // 7 full chunks of 7 written, the last 4 pairs kept in memory
      expect(readAll(spill)).toEqual(expected);
      expect(readAll(spill)).toEqual(expected);
    } finally {
      spill.close();
    }
    expect(readdirSync(dir)).toEqual([]);
    spill.close();
  });

  it('keeps a run that fits in one chunk in memory and touches no disk', () => {
    const dir = tempDir();
    const spill = new PairSpill(100, dir);
    spill.push(1, 2, 3, 0.5);
    spill.push(4, 5, 6, -1.25);
    expect(spill.chunksOnDisk).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
    expect(readAll(spill)).toEqual([
      [1, 2, 3, 0.5],
      [4, 5, 6, -1.25],
    ]);
    spill.close();
  });

  it('removes the file when reading fails half way', () => {
    const dir = tempDir();
    const spill = new PairSpill(2, dir);
    for (let k = 0; k < 9; k++) spill.push(k, k + 1, k, 0);
    expect(() => {
      try {
        spill.forEachChunk(() => {
          throw new Error('scoring failed');
        });
      } finally {
        spill.close();
      }
    }).toThrow('scoring failed');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a chunk size that is not a positive integer', () => {
    expect(() => new PairSpill(0)).toThrow(/positive integer/);
  });
});
