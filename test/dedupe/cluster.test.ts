import { describe, expect, it } from 'vitest';
import { EdgeList, clusterEdges, crossCohesion, type Edge } from '../../src/dedupe/cluster.js';

const edges = (list: Edge[]): EdgeList => EdgeList.from(list);
const prob = (table: Record<string, number>) => (i: number, j: number): number => table[i < j ? `${i}-${j}` : `${j}-${i}`] ?? 0;

describe('clustering', () => {
  it('builds connected components from strong links', () => {
    const p = prob({ '0-1': 0.99, '1-2': 0.99, '0-2': 0.98 });
    const r = clusterEdges(4, edges([{ i: 0, j: 1, weight: 10 }, { i: 1, j: 2, weight: 9 }]), p, { cohesion: 0.5, maxCrossPairs: 100 });
    expect(r.root[0]).toBe(r.root[1]);
    expect(r.root[1]).toBe(r.root[2]);
    expect(r.root[3]).not.toBe(r.root[0]);
  });

  it('refuses to chain two people through a sparse record (王芳 北京 — 王芳 no city — 王芳 上海)', () => {
    // 0: 王芳 北京 phone A, 1: 王芳 with nothing else, 2: 王芳 上海 phone B
    const p = prob({ '0-1': 0.97, '1-2': 0.96, '0-2': 0.0001 });
    const r = clusterEdges(3, edges([{ i: 0, j: 1, weight: 5 }, { i: 1, j: 2, weight: 4.6 }]), p, { cohesion: 0.5, maxCrossPairs: 100 });
    expect(r.root[0]).toBe(r.root[1]);
    expect(r.root[2]).not.toBe(r.root[0]);
    expect(r.refused).toHaveLength(1);
    expect(r.refused[0].reason).toBe('cohesion');
  });

  it('lets a person’s decisions force or forbid a link', () => {
    const p = prob({ '0-1': 0.99 });
    const forbidden = clusterEdges(2, edges([{ i: 0, j: 1, weight: 10 }]), p, { cohesion: 0.5, maxCrossPairs: 10 }, { same: [], different: [[0, 1]] });
    expect(forbidden.root[0]).not.toBe(forbidden.root[1]);
    const forced = clusterEdges(3, edges([]), p, { cohesion: 0.5, maxCrossPairs: 10 }, { same: [[0, 2]], different: [] });
    expect(forced.root[0]).toBe(forced.root[2]);
  });

  it('averages the cross pairs of two groups', () => {
    const p = prob({ '0-2': 1, '1-2': 0 });
    expect(crossCohesion([0, 1], [2], p, 100)).toBe(0.5);
  });
});
