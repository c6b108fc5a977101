import type { RawRow } from './types.js';

/**
 * Rows produced in batches internally (one batch per decoded chunk or sheet slice), exposed both as a
 * plain AsyncIterable<RawRow> and, through rowsInBatches, as batches: one await per batch instead of
 * one per row matters at a million rows.
 */
export class RowSource implements AsyncIterable<RawRow> {
  constructor(private readonly openBatches: () => AsyncIterable<RawRow[]>) {}

  batches(): AsyncIterable<RawRow[]> {
    return this.openBatches();
  }

  [Symbol.asyncIterator](): AsyncIterator<RawRow> {
    const batches = this.openBatches()[Symbol.asyncIterator]();
    let batch: RawRow[] = [];
    let index = 0;
    return {
      async next(): Promise<IteratorResult<RawRow>> {
        while (index >= batch.length) {
          const result = await batches.next();
          if (result.done) return { done: true, value: undefined };
          batch = result.value;
          index = 0;
        }
        return { done: false, value: batch[index++] };
      },
      async return(): Promise<IteratorResult<RawRow>> {
        await batches.return?.();
        return { done: true, value: undefined };
      },
    };
  }
}

/** The rows of a table in batches (about `size` rows each for foreign iterables; natural chunk batches for ours). */
export async function* rowsInBatches(rows: AsyncIterable<RawRow>, size = 1000): AsyncGenerator<RawRow[]> {
  if (rows instanceof RowSource) {
    yield* rows.batches();
    return;
  }
  let batch: RawRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
