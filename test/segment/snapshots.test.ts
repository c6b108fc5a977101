import { describe, expect, it } from 'vitest';
import { diffSnapshots, listSnapshots, saveSnapshot, type SnapshotMember } from '../../src/segment/snapshots.js';
import { memoryStore } from './store-fixture.js';

const m = (entityId: number, label: string | null, rank: number | null, valueCents = 0): SnapshotMember => ({ entityId, label, rank, valueCents });

describe('snapshots and tier migration', () => {
  const db = memoryStore();
  saveSnapshot(db, { model: 'tiers.value', asOf: '2025-03-31' }, [
    m(1, '战略客户', 0, 900),
    m(2, '重点客户', 1, 500),
    m(3, '重点客户', 1, 400),
    m(4, '普通客户', 2, 100),
    m(5, null, null), // matched no rule
    m(6, '普通客户', 2, 50), // gone by June
  ]);
  saveSnapshot(db, { model: 'tiers.value', asOf: '2025-06-30' }, [
    m(1, '重点客户', 1, 800), // down
    m(2, '战略客户', 0, 700), // up
    m(3, '重点客户', 1, 450), // same
    m(4, '重点客户', 1, 300), // up
    m(5, '普通客户', 2, 10), // from unranked: neither
    m(7, '普通客户', 2, 20), // new
  ]);

  it('replaces a snapshot saved again for the same day', () => {
    saveSnapshot(db, { model: 'tiers.value', asOf: '2025-01-31' }, [m(1, '普通客户', 2)]);
    const again = saveSnapshot(db, { model: 'tiers.value', asOf: '2025-01-31' }, [m(1, '普通客户', 2), m(2, '普通客户', 2)]);
    expect(again.entities).toBe(2);
    expect(listSnapshots(db, 'tiers.value').map((s) => [s.as_of, s.entities])).toEqual([['2025-01-31', 2], ['2025-03-31', 6], ['2025-06-30', 6]]);
    expect((db.prepare('SELECT COUNT(*) AS n FROM segment_members').get() as { n: number }).n).toBe(14);
  });

  it('compares the latest two snapshots by default', () => {
    const d = diffSnapshots(db, 'tiers.value');
    expect([d.from.as_of, d.to.as_of]).toEqual(['2025-03-31', '2025-06-30']);
    expect({ up: d.upgraded, down: d.downgraded, same: d.unchanged, entered: d.entered, left: d.left }).toEqual({ up: 2, down: 1, same: 1, entered: 1, left: 1 });
    expect(d.labels).toEqual(['战略客户', '重点客户', '普通客户', null]);
    const cell = (from: string | null, to: string | null, fromPresent = true, toPresent = true): number =>
      d.cells.filter((c) => c.from === from && c.to === to && c.fromPresent === fromPresent && c.toPresent === toPresent).reduce((s, c) => s + c.count, 0);
    expect(cell('战略客户', '重点客户')).toBe(1);
    expect(cell('重点客户', '战略客户')).toBe(1);
    expect(cell('重点客户', '重点客户')).toBe(1);
    expect(cell('普通客户', '重点客户')).toBe(1);
    expect(cell(null, '普通客户')).toBe(1);
    expect(cell('普通客户', null, true, false)).toBe(1);
    expect(cell(null, '普通客户', false, true)).toBe(1);
    expect(d.cells.reduce((s, c) => s + c.count, 0)).toBe(7);
  });

  it('lists upgraded and downgraded entities by value', () => {
    const d = diffSnapshots(db, 'tiers.value');
    expect(d.moves('up').map((x) => [x.entity_id, x.from, x.to, x.value_cents])).toEqual([[2, '重点客户', '战略客户', 700], [4, '普通客户', '重点客户', 300]]);
    expect(d.moves('down').map((x) => x.entity_id)).toEqual([1]);
    expect(d.moves('up', 1)).toHaveLength(1);
  });

  it('takes explicit days and explains what is missing', () => {
    const d = diffSnapshots(db, 'tiers.value', { from: '2025-01-31', to: '2025-06-30' });
    expect(d.upgraded).toBe(2); // entity 2: 普通 → 战略; entity 1: 普通 → 重点
    expect(d.from.as_of).toBe('2025-01-31');
    expect(() => diffSnapshots(db, 'tiers.value', { to: '2025-05-01' })).toThrow(/no tiers.value snapshot for 2025-05-01; saved: 2025-01-31, 2025-03-31, 2025-06-30/);
    expect(() => diffSnapshots(db, 'rfm')).toThrow(/no saved rfm snapshots/);
    expect(() => diffSnapshots(db, 'tiers.value', { to: '2025-01-31' })).toThrow(/only one tiers.value snapshot/);
  });
});
