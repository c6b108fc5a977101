import { describe, expect, it } from 'vitest';
import { comparisonIndex } from '../../src/dedupe/comparisons.js';
import { section } from '../../src/dedupe/config.js';
import { mulberry32 } from '../../src/dedupe/blocking.js';
import { dedupe } from '../../src/dedupe/engine.js';
import { explainPair } from '../../src/dedupe/explain.js';
import { nearContactOverlap } from '../../src/dedupe/scoring.js';
import { prepareRecords } from '../../src/dedupe/prepare.js';
import { termFrequencies } from '../../src/dedupe/term-frequency.js';
import type { MatchRecord } from '../../src/dedupe/types.js';

const fast = section.parse({ training: { random_pairs: 20_000, pairs_per_rule: 10_000 } });

const FAMILY = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵'];
const GIVEN = ['芳', '伟', '娜', '敏', '静', '丽', '强', '磊', '军', '洋'];
const FAMILY_PINYIN = ['wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao'];
const GIVEN_PINYIN = ['fang', 'wei', 'na', 'min', 'jing', 'li', 'qiang', 'lei', 'jun', 'yang'];
const CITIES = ['深圳', '广州', '杭州', '成都'];

type EmailStyle = 'from-name' | 'numbered' | 'none';

/**
 * A list where namesakes are everywhere: 80 names and 4 cities for 1,500 people, phones handed out
 * in sequence, e-mails either made from the name the way mail providers do (zhangwei@, then
 * zhangwei2@ …) or numbered like the phones. One person in six appears twice, the copy with its
 * phone written another way and sometimes without e-mail. Truth: record id → person.
 */
function namesakeList(style: EmailStyle): { records: MatchRecord[]; person: Map<number, number> } {
  const random = mulberry32(11);
  const records: MatchRecord[] = [];
  const person = new Map<number, number>();
  const taken = new Map<string, number>();
  for (let p = 0; p < 1500; p++) {
    const f = Math.floor(random() * FAMILY.length);
    const g = Math.floor(random() * GIVEN.length);
    const mailbox = FAMILY_PINYIN[f] + GIVEN_PINYIN[g];
    const nth = (taken.get(mailbox) ?? 0) + 1;
    taken.set(mailbox, nth);
    const email = style === 'none' ? null : style === 'numbered' ? `user${p}@example.com` : `${mailbox}${nth === 1 ? '' : nth}@163.com`;
    const phone = `+861380000${String(p).padStart(4, '0')}`;
    const city = CITIES[Math.floor(random() * CITIES.length)];
    const copies = random() < 1 / 6 ? 2 : 1;
    for (let c = 0; c < copies; c++) {
      const id = records.length + 1;
      records.push({ id, name: FAMILY[f] + GIVEN[g], phone, email: c === 1 && random() < 0.5 ? null : email, city });
      person.set(id, p);
    }
  }
  return { records, person };
}

function mergedPairs(clusters: number[][], person: Map<number, number>): { right: number; wrong: number } {
  let right = 0;
  let wrong = 0;
  for (const c of clusters)
    for (let x = 0; x < c.length; x++)
      for (let y = x + 1; y < c.length; y++) {
        if (person.get(c[x]) === person.get(c[y])) right++;
        else wrong++;
      }
  return { right, wrong };
}

describe('dedupe on a list full of namesakes', () => {
  for (const style of ['from-name', 'numbered', 'none'] as const) {
    it(`merges every duplicate and no namesakes (e-mails: ${style})`, () => {
      const { records, person } = namesakeList(style);
      const duplicates = records.length - new Set(person.values()).size;
      const { right, wrong } = mergedPairs(dedupe(records, fast).clusters, person);
      expect(wrong).toBe(0);
      expect(right).toBe(duplicates);
    });
  }

  it('learns m for e-mail from pairs sharing a phone, not from name blocks where namesakes share name-made mailboxes', () => {
    const { records } = namesakeList('from-name');
    const { model } = dedupe(records, fast);
    const email = comparisonIndex.email;
    expect(model.trainedBy[email]).toEqual(['phone']);
    // trained on name blocks, EM put m(near e-mail) at 0.97: namesakes' mailboxes taken for typos
    expect(model.m[email][1]).toBeLessThan(0.05);
  });
});

/**
 * A business list: 300 companies with one to five contacts each; two in five contacts give the
 * company switchboard number, the others a mobile; e-mails are name@company (name2@ for a second
 * colleague of the same name). One contact in six appears twice, the copy with the company name
 * shortened and its mobile written another way.
 */
function colleagueList(): { records: MatchRecord[]; person: Map<number, number> } {
  const random = mulberry32(5);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const records: MatchRecord[] = [];
  const person = new Map<number, number>();
  let p = 0;
  for (let c = 0; c < 300; c++) {
    const company = `${pick(['华星', '蓝海', '东方', '恒通', '瑞丰'])}${pick(['科技', '贸易', '物流'])}${c}有限公司`;
    const city = pick(CITIES);
    const switchboard = `+86755${81000000 + c}`;
    const mailboxes = new Map<string, number>();
    const contacts = 1 + Math.floor(random() * 5);
    for (let k = 0; k < contacts; k++, p++) {
      const f = Math.floor(random() * FAMILY.length);
      const g = Math.floor(random() * GIVEN.length);
      const mailbox = FAMILY_PINYIN[f] + GIVEN_PINYIN[g];
      const nth = (mailboxes.get(mailbox) ?? 0) + 1;
      mailboxes.set(mailbox, nth);
      const phone = random() < 0.4 ? switchboard : `+86139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
      const email = `${mailbox}${nth === 1 ? '' : nth}@co${c}.com`;
      const copies = random() < 1 / 6 ? 2 : 1;
      for (let d = 0; d < copies; d++) {
        const id = records.length + 1;
        records.push({ id, name: FAMILY[f] + GIVEN[g], phone, email: d === 1 && random() < 0.5 ? null : email, company: d === 1 ? company.replace('有限公司', '') : company, city });
        person.set(id, p);
      }
    }
  }
  return { records, person };
}

describe('dedupe on a business list where colleagues share the switchboard number', () => {
  it('merges every duplicate contact and no two colleagues', () => {
    const { records, person } = colleagueList();
    const duplicates = records.length - new Set(person.values()).size;
    const result = dedupe(records, fast);
    const { right, wrong } = mergedPairs(result.clusters, person);
    expect(right).toBe(duplicates);
    // colleagues of one name behind one switchboard, told apart only by zhaoli2@ / zhaoli3@, are
    // still merged now and then; colleagues with different names never are
    const differentNames = result.clusters.filter((c) => new Set(c.map((id) => records[id - 1].name)).size > 1);
    expect(differentNames).toEqual([]);
    expect(wrong).toBeLessThanOrEqual(6);
    // a different name is strong evidence against, even among records sharing a phone
    expect(result.model.weights[comparisonIndex.givenName].at(-1)).toBeLessThan(-5);
  });
});

describe('near phone and near e-mail together', () => {
  const weights = [[], [], [], [], [12, 4.8, -12], [13, 5.1, -12]];
  const levels = (phone: number, email: number): number[] => {
    const l = new Array<number>(10).fill(255);
    l[comparisonIndex.phone] = phone;
    l[comparisonIndex.email] = email;
    return l;
  };

  it('count once, as the stronger of the two', () => {
    expect(nearContactOverlap(levels(1, 1), weights)).toBeCloseTo(4.8, 9);
    expect(nearContactOverlap(levels(0, 1), weights)).toBe(0);
    expect(nearContactOverlap(levels(1, 2), weights)).toBe(0);
    expect(nearContactOverlap(levels(1, 1), [[], [], [], [], [12, -1, -12], [13, 5.1, -12]])).toBe(0);
  });

  it('shows in an explanation which one did not count, and the waterfall still adds up', () => {
    const records: MatchRecord[] = [
      { id: 1, name: '张伟', phone: '+8613800000950', email: 'zhang.wei@example.com', city: '武汉' },
      { id: 2, name: '张伟', phone: '+8613800000952', email: 'zhangwei@example.com', city: '武汉' },
      ...namesakeList('numbered').records.map((r) => ({ ...r, id: r.id + 2 })),
    ];
    const result = dedupe(records, fast);
    // a model that learnt near phones and near e-mails as evidence for a match (as EM can on small lists)
    const phone = comparisonIndex.phone;
    const email = comparisonIndex.email;
    result.model.weights[phone][1] = 4.8;
    result.model.weights[email][1] = 5.1;
    const e = explainPair(result, 1, 2, fast, fast.blocking.rules);
    const byName = new Map(e.steps.map((s) => [s.comparison, s]));
    expect(byName.get('email')?.weight).toBeCloseTo(5.1, 9);
    expect(byName.get('phone')?.weight).toBeCloseTo(0, 9);
    expect(byName.get('phone')?.level).toBe('same last 8 digits or 1 edit (counted once with email)');
    expect(e.weight).toBeCloseTo(e.prior + e.steps.reduce((s, x) => s + x.weight, 0), 9);
  });
});


describe('term frequencies of values nearly everyone holds alone', () => {
  it('leave a phone a record shares with its one duplicate whole, and mark down one several records share', () => {
    const records: MatchRecord[] = [
      { id: 1, phone: '+8613800000001', name: '张伟' },
      { id: 2, phone: '+8613800000001', name: '张伟' },
      { id: 3, phone: '+8675581000000', name: '王芳' },
      { id: 4, phone: '+8675581000000', name: '李娜' },
      { id: 5, phone: '+8675581000000', name: '刘洋' },
      ...Array.from({ length: 50 }, (_, k) => ({ id: 10 + k, phone: `+86139000000${String(k).padStart(2, '0')}`, name: '王芳' })),
    ];
    const tf = termFrequencies(prepareRecords(records));
    const phone = tf.adjust[comparisonIndex.phone] as Float32Array;
    expect(phone[0]).toBe(0);
    expect(phone[2]).toBe(-1);
    // names keep the average as reference: 王芳, held by 51, counts for less than 张伟, held by 2
    const given = tf.adjust[comparisonIndex.givenName] as Float32Array;
    expect(given[0]).toBeGreaterThan(0);
    expect(given[2]).toBeLessThan(given[0]);
  });

  it('a list of names and e-mails only: every duplicate with an e-mail merged, no namesakes', () => {
    const { records, person } = namesakeList('from-name');
    const withoutPhones = records.map((r) => ({ ...r, phone: null, city: null }));
    const findable = new Set(withoutPhones.filter((r) => r.email).map((r) => `${person.get(r.id)}|${r.email}`));
    const duplicatesWithEmail = withoutPhones.filter((r) => r.email).length - findable.size;
    const { right, wrong } = mergedPairs(dedupe(withoutPhones, fast).clusters, person);
    expect(wrong).toBe(0);
    expect(right).toBe(duplicatesWithEmail);
  });
});
