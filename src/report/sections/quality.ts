import { computeScorecard } from '../../clean/scorecard.js';
import { section as cleanSection, type CleanConfig } from '../../clean/config.js';
import { tableExists } from '../../store/exportables.js';
import type { SectionInput } from './input.js';

/**
 * Data-quality score 0–100 of the customer records. After `custops clean` it comes from the clean
 * stage's scorecard: half the mean validity of the fields that have values, half the share of
 * records with every required field. Before any clean, a simpler score from the normalised columns
 * (see fallbackScore).
 */
export function qualityScore(input: SectionInput): { score: number | null; source: string } {
  const { db } = input;
  const cleaned = tableExists(db, 'clean_state') && db.prepare("SELECT 1 FROM clean_state WHERE kind = 'customers'").get() !== undefined;
  if (!cleaned) return { score: fallbackScore(input), source: 'sql: name, reachability, phone/e-mail validity, province' };
  const config = (input.settings.config as Partial<{ clean: CleanConfig }> | undefined)?.clean ?? cleanSection.parse(undefined);
  const card = computeScorecard(db, 'customers', config.rules.customers);
  if (card.records === 0) return { score: null, source: 'clean.computeScorecard' };
  const validities = card.fields.map((f) => f.validity).filter((v): v is number => v !== null);
  const validity = validities.length > 0 ? validities.reduce((a, b) => a + b, 0) / validities.length : 1;
  const complete = 1 - card.incomplete / card.records;
  return { score: Math.round(1000 * (validity + complete) / 2) / 10, source: 'clean.computeScorecard' };
}

/**
 * Before `custops clean`: the mean of five pass rates — a name, a way to reach the customer (valid
 * phone or e-mail), valid phones among those given, valid e-mails among those given, a known
 * province. A rate with nothing to judge (no e-mails at all) is left out.
 */
function fallbackScore(input: SectionInput): number | null {
  const row = input.db
    .prepare(
      `SELECT COUNT(*) AS n,
              SUM(COALESCE(TRIM(name_norm), TRIM(name), '') <> '') AS named,
              SUM(phone_ok = 1 OR email_ok = 1) AS reachable,
              SUM(COALESCE(TRIM(phone), '') <> '') AS phones, SUM(phone_ok = 1) AS phones_ok,
              SUM(COALESCE(TRIM(email), '') <> '') AS emails, SUM(email_ok = 1) AS emails_ok,
              SUM(COALESCE(province_norm, '') <> '') AS located
         FROM customers`,
    )
    .get() as Record<string, number | null>;
  const n = row.n ?? 0;
  if (n === 0) return null;
  const rates = [
    (row.named ?? 0) / n,
    (row.reachable ?? 0) / n,
    row.phones ? (row.phones_ok ?? 0) / row.phones : undefined,
    row.emails ? (row.emails_ok ?? 0) / row.emails : undefined,
    (row.located ?? 0) / n,
  ].filter((r): r is number => r !== undefined);
  return Math.round((1000 * rates.reduce((a, b) => a + b, 0)) / rates.length) / 10;
}
