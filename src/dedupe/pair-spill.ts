import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One chunk of compared pairs: record positions, packed level pattern and term-frequency bonus. */
export interface PairChunk {
  left: Uint32Array;
  right: Uint32Array;
  pattern: Uint32Array;
  bonus: Float32Array;
  length: number;
}

const BYTES_PER_PAIR = 16;

/**
 * Compared candidate pairs, written in fixed-size chunks to a temporary file and read back one
 * chunk at a time: a million records give tens of millions of pairs, and only the few above the
 * review threshold need to stay in memory. The last, partial chunk never leaves memory, so a small
 * run touches no disk. Call close() (in a finally) to remove the file.
 */
export class PairSpill {
  length = 0;
  /** Full chunks written to the file. */
  chunksOnDisk = 0;
  private readonly tail: ArrayBuffer;
  private tailLength = 0;
  private readonly tailViews: PairChunk;
  private readBuffer: ArrayBuffer | null = null;
  private fd: number | null = null;
  /** Set while the file still has a name (where it could not be unlinked right away). */
  private path: string | null = null;

  constructor(
    readonly chunkPairs = 1 << 18,
    private readonly directory = tmpdir(),
  ) {
    if (!Number.isInteger(chunkPairs) || chunkPairs < 1) throw new Error(`chunk size must be a positive integer, got ${chunkPairs}`);
    this.tail = new ArrayBuffer(chunkPairs * BYTES_PER_PAIR);
    this.tailViews = chunkViews(this.tail, chunkPairs);
  }

  push(i: number, j: number, pattern: number, bonus: number): void {
    if (this.tailLength === this.chunkPairs) this.spill();
    const t = this.tailViews;
    const k = this.tailLength++;
    t.left[k] = i;
    t.right[k] = j;
    t.pattern[k] = pattern;
    t.bonus[k] = bonus;
    this.length++;
  }

  /** Calls fn with every chunk in the order the pairs were pushed. Chunk arrays are reused: copy what must outlive the call. */
  forEachChunk(fn: (chunk: PairChunk) => void): void {
    const size = this.chunkPairs * BYTES_PER_PAIR;
    if (this.chunksOnDisk > 0) {
      this.readBuffer ??= new ArrayBuffer(size);
      const bytes = new Uint8Array(this.readBuffer);
      const views = chunkViews(this.readBuffer, this.chunkPairs);
      for (let c = 0; c < this.chunksOnDisk; c++) {
        for (let done = 0; done < size; ) {
          const got = readSync(this.fd as number, bytes, done, size - done, c * size + done);
          if (got === 0) throw new Error('the temporary file of candidate pairs ended early');
          done += got;
        }
        fn(views);
      }
    }
    if (this.tailLength > 0) {
      const t = this.tailViews;
      const n = this.tailLength;
      fn({ left: t.left.subarray(0, n), right: t.right.subarray(0, n), pattern: t.pattern.subarray(0, n), bonus: t.bonus.subarray(0, n), length: n });
    }
  }

  /** Closes and removes the temporary file (safe to call twice, and when nothing was spilled). */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    if (this.path !== null) rmSync(this.path, { force: true });
    this.path = null;
    this.readBuffer = null;
  }

  private spill(): void {
    if (this.fd === null) this.open();
    const bytes = new Uint8Array(this.tail);
    const offset = this.chunksOnDisk * bytes.length;
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd as number, bytes, done, bytes.length - done, offset + done);
    this.chunksOnDisk++;
    this.tailLength = 0;
  }

  private open(): void {
    const path = join(this.directory, `custops-pairs-${process.pid}-${randomUUID()}.bin`);
    this.fd = openSync(path, 'wx+', 0o600);
    this.path = path;
    try {
      // unlinked while open: the space comes back when the file is closed, even if the process is killed
      unlinkSync(path);
      this.path = null;
    } catch {
      // where an open file cannot lose its name, close() removes it
    }
  }
}

/** The four arrays of a chunk, one after another in its buffer. */
function chunkViews(buffer: ArrayBuffer, chunkPairs: number): PairChunk {
  const stride = chunkPairs * 4;
  return {
    left: new Uint32Array(buffer, 0, chunkPairs),
    right: new Uint32Array(buffer, stride, chunkPairs),
    pattern: new Uint32Array(buffer, 2 * stride, chunkPairs),
    bonus: new Float32Array(buffer, 3 * stride, chunkPairs),
    length: chunkPairs,
  };
}
