import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';
import type { DecisionInput } from './engine.js';

/** A person's saved answers about pairs; every run reuses them. */
export function loadDecisions(db: Db): DecisionInput[] {
  return (db.prepare('SELECT customer_a AS a, customer_b AS b, decision FROM review_decisions').all() as { a: number; b: number; decision: string }[]).map(
    (r) => ({ a: r.a, b: r.b, same: r.decision === 'same' }),
  );
}

export function saveDecision(db: Db, a: number, b: number, same: boolean, score: number | null): void {
  const [x, y] = a < b ? [a, b] : [b, a];
  db.prepare(
    `INSERT INTO review_decisions (customer_a, customer_b, decision, score, decided_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (customer_a, customer_b) DO UPDATE SET decision = excluded.decision, score = excluded.score, decided_at = excluded.decided_at`,
  ).run(x, y, same ? 'same' : 'different', score, nowIso());
}
