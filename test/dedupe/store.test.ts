import { describe, expect, it } from 'vitest';
import { applyDedupe, matchStore, undoDedupe } from '../../src/dedupe/apply.js';
import { section } from '../../src/dedupe/config.js';
import { saveDecision } from '../../src/dedupe/decisions.js';
import { ensureEntities, entitiesExport, goldenRecords } from '../../src/dedupe/entities.js';
import { mulberry32 } from '../../src/dedupe/blocking.js';
import { generateMessyCustomers } from '../../src/dedupe/generate.js';
import { fixtureCustomers, insertCustomers, openTestStore, snapshot } from './helpers.js';

const config = section.parse({ training: { random_pairs: 20_000, pairs_per_rule: 10_000 } });

function entityGroups(db: ReturnType<typeof openTestStore>): number[][] {
  const rows = db.prepare('SELECT entity_id, group_concat(id) AS ids FROM (SELECT * FROM customers ORDER BY id) GROUP BY entity_id HAVING count(*) > 1').all() as { ids: string }[];
  return rows.map((r) => r.ids.split(',').map(Number)).sort((a, b) => a[0] - b[0]);
}

describe('dedupe on the store', () => {
  it('ensureEntities gives every customer a singleton entity', () => {
    const db = openTestStore();
    insertCustomers(db, fixtureCustomers().slice(0, 3));
    expect(ensureEntities(db)).toBe(3);
    expect(ensureEntities(db)).toBe(0);
    const rows = db.prepare('SELECT c.id, e.name, e.members FROM customers c JOIN entities e ON e.id = c.entity_id ORDER BY c.id').all();
    expect(rows).toEqual([
      { id: 1, name: '张伟', members: 1 },
      { id: 2, name: '張 偉', members: 1 },
      { id: 3, name: 'Wei Zhang', members: 1 },
    ]);
  });

  it('merges the duplicates, writes golden records and evidence, and undoes exactly', () => {
    const db = openTestStore();
    insertCustomers(db, fixtureCustomers());
    ensureEntities(db);
    const before = snapshot(db);
    const summary = applyDedupe(db, matchStore(db, config), config);
    expect(entityGroups(db)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(summary.clusters).toBe(2);
    expect(summary.entitiesDeleted).toBe(4); // two singletons folded into each group
    const golden = db.prepare('SELECT e.* FROM entities e JOIN customers c ON c.entity_id = e.id WHERE c.id = 1').get() as Record<string, unknown>;
    expect(golden.members).toBe(3);
    expect(golden.phone).toBe('+8613812345678');
    expect(golden.email).toBe('zhangwei@qq.com');
    expect(golden.company).toBe('北京华星科技有限公司');
    expect(golden.name).toBe('张伟'); // most frequent (张伟 = 張 偉), spelled as in the most complete record
    const merges = db.prepare('SELECT customer_id, linked_to, score, evidence FROM merges WHERE dedupe_run = ? ORDER BY customer_id').all(summary.dedupeRun) as {
      customer_id: number;
      linked_to: number | null;
      score: number | null;
      evidence: string | null;
    }[];
    expect(merges.map((m) => m.customer_id)).toEqual([1, 2, 3, 4, 5, 6]);
    const linked = merges.filter((m) => m.linked_to !== null);
    expect(linked).toHaveLength(4);
    for (const m of linked) {
      expect(m.score).toBeGreaterThanOrEqual(config.match);
      expect(JSON.parse(m.evidence as string).steps.length).toBeGreaterThan(0);
    }
    // namesakes in different cities stay apart
    const wang = db.prepare("SELECT count(DISTINCT entity_id) AS n FROM customers WHERE name = '王芳'").get() as { n: number };
    expect(wang.n).toBe(20);

    undoDedupe(db, summary.dedupeRun);
    expect(snapshot(db)).toEqual(before);
    expect(() => undoDedupe(db, summary.dedupeRun)).toThrow(/undone/);
  });

  it('undo works from a store that had no entities at all', () => {
    const db = openTestStore();
    insertCustomers(db, fixtureCustomers());
    const before = snapshot(db);
    const summary = applyDedupe(db, matchStore(db, config), config);
    expect((db.prepare('SELECT count(*) AS n FROM customers WHERE entity_id IS NULL').get() as { n: number }).n).toBe(0);
    expect(summary.entitiesCreated).toBe(fixtureCustomers().length - 4);
    undoDedupe(db, summary.dedupeRun);
    expect(snapshot(db)).toEqual(before);
  });

  it('a second run keeps entity ids and changes nothing; undo refuses an older run', () => {
    const db = openTestStore();
    insertCustomers(db, fixtureCustomers());
    const first = applyDedupe(db, matchStore(db, config), config);
    const after = snapshot(db);
    const second = applyDedupe(db, matchStore(db, config), config);
    expect(second.customersChanged).toBe(0);
    expect(second.entitiesCreated + second.entitiesDeleted + second.entitiesUpdated).toBe(0);
    expect(snapshot(db).customers).toEqual(after.customers);
    expect(() => undoDedupe(db, first.dedupeRun)).toThrow(/dedupe run 2 came after run 1/);
  });

  it('reuses a person’s answers: "different" splits a group, "same" joins records', () => {
    const db = openTestStore();
    insertCustomers(db, fixtureCustomers());
    saveDecision(db, 6, 4, false, 0.97);
    saveDecision(db, 6, 5, false, null);
    saveDecision(db, 100, 101, true, 0.01);
    applyDedupe(db, matchStore(db, config), config);
    expect(entityGroups(db)).toEqual([
      [1, 2, 3],
      [4, 5],
      [100, 101],
    ]);
  });

  it('exports golden records with their members', () => {
    const db = openTestStore();
    expect(() => entitiesExport(db)).toThrow(/not been computed/);
    insertCustomers(db, fixtureCustomers());
    applyDedupe(db, matchStore(db, config), config);
    const rows = [...goldenRecords(db)];
    expect(rows).toHaveLength(fixtureCustomers().length - 4);
    const zhang = rows.find((r) => r.member_ids === '1 2 3');
    expect(zhang?.phone).toBe('+8613812345678');
  });

  it('writes groups whose members lie pages apart, in the order their last member is read', () => {
    const db = openTestStore();
    // over 2,000 customers: the golden-record pass reads more than one page
    const { customers } = generateMessyCustomers({ people: 1500, seed: 9 });
    // ids shuffled, so a person's records lie far apart as in a real export
    const random = mulberry32(4);
    const shuffled = customers.map((c) => ({ c, key: random() })).sort((a, b) => a.key - b.key);
    insertCustomers(
      db,
      shuffled.map(({ c }, k) => ({ id: k + 1, name: c.name, phone: c.phone ?? undefined, email: c.email ?? undefined, city: c.city ?? undefined, province: c.province ?? undefined, company: c.company ?? undefined, birth: c.birthDate ?? undefined })),
    );
    const result = matchStore(db, config);
    expect(result.prepared.n).toBeGreaterThan(2000);
    const summary = applyDedupe(db, result, config);
    const spread = result.clusters.filter((c) => Math.max(...c) - Math.min(...c) > 2000);
    expect(spread.length).toBeGreaterThan(0);
    // every cluster became one entity holding exactly its members
    const entityOf = new Map((db.prepare('SELECT id, entity_id FROM customers').all() as { id: number; entity_id: number }[]).map((r) => [r.id, r.entity_id]));
    const members = new Map((db.prepare('SELECT id, members FROM entities').all() as { id: number; members: number }[]).map((r) => [r.id, r.members]));
    for (const c of result.clusters) {
      expect(new Set(c.map((id) => entityOf.get(id))).size).toBe(1);
      expect(members.get(entityOf.get(c[0]) as number)).toBe(c.length);
    }
    // entities are created as each group's last member (by id) is read
    const lastOfEntity = new Map<number, number>();
    for (const [id, e] of entityOf) lastOfEntity.set(e, Math.max(lastOfEntity.get(e) ?? 0, id));
    const byEntity = [...lastOfEntity].sort((a, b) => a[0] - b[0]).map(([, last]) => last);
    expect(byEntity).toEqual([...byEntity].sort((a, b) => a - b));
    expect(summary.entitiesCreated).toBe(lastOfEntity.size);
  });
});
