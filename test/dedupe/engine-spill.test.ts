import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { section, type DedupeConfig } from '../../src/dedupe/config.js';
import { dedupe, scoreRecords, type DedupeResult } from '../../src/dedupe/engine.js';
import { generateMessyCustomers } from '../../src/dedupe/generate.js';
import { IdIndex } from '../../src/dedupe/id-index.js';

const fast = section.parse({ training: { random_pairs: 20_000, pairs_per_rule: 10_000 } });
const dir = mkdtempSync(join(tmpdir(), 'custops-engine-spill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything a run decides, in plain values. */
function outcome(r: DedupeResult): unknown {
  return {
    clusters: r.clusters,
    root: Array.from(r.root),
    links: r.links,
    review: r.review,
    matchEdges: [Array.from(r.matchEdges.i.subarray(0, r.matchEdges.length)), Array.from(r.matchEdges.j.subarray(0, r.matchEdges.length)), Array.from(r.matchEdges.weight.subarray(0, r.matchEdges.length))],
    uncertain: [Array.from(r.uncertain.i.subarray(0, r.uncertain.length)), Array.from(r.uncertain.j.subarray(0, r.uncertain.length)), Array.from(r.uncertain.weight.subarray(0, r.uncertain.length))],
    candidatePairs: r.stats.candidatePairs,
    blocking: r.stats.blocking,
    lambda: r.model.lambda,
    weights: r.model.weights,
  };
}

describe('dedupe engine with candidate pairs spilled to disk', () => {
  const { records } = generateMessyCustomers({ people: 700, seed: 5 });

  it('finds exactly what it finds with all pairs in memory', () => {
    const inMemory = dedupe(records, fast, [], { pairChunk: 1 << 22, tempDir: dir });
    const spilled = dedupe(records, fast, [], { pairChunk: 500, tempDir: dir });
    // several chunks went through the file
    expect(spilled.stats.candidatePairs).toBeGreaterThan(10 * 500);
    expect(spilled.clusters.length).toBeGreaterThan(100);
    expect(spilled.review.length).toBeGreaterThan(0);
    expect(outcome(spilled)).toEqual(outcome(inMemory));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes the temporary file when a run fails after spilling', () => {
    const broken = { ...fast } as DedupeConfig;
    Object.defineProperty(broken, 'review', {
      get: () => {
        throw new Error('no review threshold');
      },
    });
    expect(() => scoreRecords(records, broken, { pairChunk: 500, tempDir: dir })).toThrow('no review threshold');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('record id index', () => {
  it('finds positions by binary search when ids ascend, and by map otherwise', () => {
    const ascending = new IdIndex([3, 8, 20, 21, 400]);
    expect([3, 8, 20, 21, 400].map((id) => ascending.get(id))).toEqual([0, 1, 2, 3, 4]);
    expect([0, 4, 22, 401].map((id) => ascending.get(id))).toEqual([undefined, undefined, undefined, undefined]);
    const shuffled = new IdIndex([20, 3, 400, 8]);
    expect([3, 8, 20, 400, 5].map((id) => shuffled.get(id))).toEqual([1, 3, 0, 2, undefined]);
    expect(new IdIndex([]).get(1)).toBeUndefined();
  });
});
