import type { KindRules } from './config.js';
import { centColumns, normalisedColumnOf, type CleanKind } from './fields.js';
import type { Problem, Raw, Values } from './records.js';
import { normaliseValue } from './text.js';

/** Checks one record against its kind's rules: required fields, patterns, allowed values and ranges. */
export type RuleCheck = (raw: Raw, values: Values) => Problem[];

interface Bound {
  value: number | string;
  isDate: boolean;
}

function bound(v: number | string | undefined, today: string): Bound | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') return { value: v, isDate: false };
  return { value: v === 'today' ? today : v, isDate: true };
}

interface RangeBound {
  field: string;
  /** The field's normalised column, when it has one. */
  column: string | undefined;
  b: Bound;
  isMin: boolean;
}

/** Every bound of the range rules, one entry each (min before max for a field). */
function rangeBounds(kind: CleanKind, rules: KindRules, today: string): RangeBound[] {
  const columns = normalisedColumnOf[kind];
  return Object.entries(rules.ranges).flatMap(([field, r]) =>
    (
      [
        [bound(r.min, today), true],
        [bound(r.max, today), false],
      ] as const
    )
      .filter((entry): entry is readonly [Bound, boolean] => entry[0] !== undefined)
      .map(([b, isMin]) => ({ field, column: columns[field], b, isMin })),
  );
}

/** Local calendar date as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Compiles the rules of one kind into a check. Values are taken from the normalised column when the field
 * has one (phone → +86…, amount → yuan, order_date → ISO date) and from the cleaned raw text otherwise.
 * Uniqueness is checked over the whole table by the run, not here.
 */
export function compileRules(kind: CleanKind, rules: KindRules, today = localToday()): RuleCheck {
  const columns = normalisedColumnOf[kind];
  const present = (raw: Raw, values: Values, field: string): boolean => {
    const column = columns[field];
    return normaliseValue(raw[field]) !== null || (column !== undefined && values[column] != null);
  };
  const textValue = (raw: Raw, values: Values, field: string): string | null => {
    const column = columns[field];
    const v = column === undefined ? undefined : values[column];
    return typeof v === 'string' ? v : normaliseValue(raw[field]);
  };
  const required = rules.required.map((entry) => ({ entry, alternatives: entry.split('|').map((f) => f.trim()) }));
  const patterns = Object.entries(rules.patterns).map(([field, source]) => ({ field, re: new RegExp(source, 'u') }));
  const allowed = Object.entries(rules.allowed).map(([field, list]) => ({
    field,
    list: list.map(String),
    set: new Set(list.map((v) => String(v).toLowerCase())),
  }));
  // One entry per bound, so the check allocates nothing per record.
  const bounds = rangeBounds(kind, rules, today);

  return (raw, values) => {
    const problems: Problem[] = [];
    for (const { entry, alternatives } of required) {
      if (!alternatives.some((f) => present(raw, values, f))) {
        problems.push({ field: entry, value: '', problem: 'required_missing', message: `required field ${entry} is empty` });
      }
    }
    for (const { field, re } of patterns) {
      const v = textValue(raw, values, field);
      if (v !== null && !re.test(v)) {
        problems.push({ field, value: raw[field] ?? v, problem: 'pattern_mismatch', message: `does not match the pattern ${re.source}` });
      }
    }
    for (const { field, list, set } of allowed) {
      const v = textValue(raw, values, field);
      if (v !== null && !set.has(v.toLowerCase())) {
        problems.push({ field, value: raw[field] ?? v, problem: 'value_not_allowed', message: `not one of: ${list.join(', ')}` });
      }
    }
    let outOfRange = '';
    for (const { field, column, b, isMin } of bounds) {
      if (field === outOfRange) continue;
      const normalised = column === undefined ? normaliseValue(raw[field]) : values[column];
      if (normalised == null) continue;
      let v: number | string | null;
      if (b.isDate) v = typeof normalised === 'string' && /^\d{4}-\d{2}-\d{2}/.test(normalised) ? normalised.slice(0, 10) : null;
      else if (typeof normalised === 'number') v = column !== undefined && centColumns.has(column) ? normalised / 100 : normalised;
      else v = /^-?\d+(?:\.\d+)?$/.test(normalised) ? Number(normalised) : null;
      if (v === null || !(isMin ? v < b.value : v > b.value)) continue;
      outOfRange = field;
      problems.push({
        field, value: raw[field] ?? String(normalised), problem: 'out_of_range',
        message: `${isMin ? 'below the minimum' : 'above the maximum'} ${b.value}`,
      });
    }
    return problems;
  };
}

const sqlText = (v: string): string => `'${v.replace(/'/g, "''")}'`;

/**
 * A SQL condition true for every row on which the rules could find a problem (and for few others), so a
 * check over rows whose normalised values are current reads only those rows: a required field whose
 * normalised value is there is present, a normalised date or amount inside its bounds is in range.
 * It may select more rows than fail (the check decides); it must never select fewer.
 */
export function rulesPrefilter(kind: CleanKind, rules: KindRules, today = localToday()): string {
  const columns = normalisedColumnOf[kind];
  const hasValue = (field: string): string => (columns[field] ? `(${field} IS NOT NULL OR ${columns[field]} IS NOT NULL)` : `${field} IS NOT NULL`);
  const could: string[] = [];
  for (const entry of rules.required) {
    // without a normalised column only the text tells whether a cell is empty ("N/A", spaces): always check
    const alternatives = entry.split('|').map((f) => f.trim());
    could.push(alternatives.map((f) => (columns[f] ? `${columns[f]} IS NULL` : '1')).join(' AND '));
  }
  for (const field of [...Object.keys(rules.patterns), ...Object.keys(rules.allowed)]) could.push(hasValue(field));
  for (const { field, column, b, isMin } of rangeBounds(kind, rules, today)) {
    if (column === undefined) {
      could.push(`${field} IS NOT NULL`);
      continue;
    }
    if (b.isDate) {
      could.push(`(typeof(${column}) = 'text' AND substr(${column}, 1, 10) ${isMin ? '<' : '>'} ${sqlText(String(b.value))})`);
      continue;
    }
    // a margin of one unit covers rounding between cents and yuan
    const limit = Number(b.value) * (centColumns.has(column) ? 100 : 1);
    const numeric = isMin ? `${column} < ${limit + 1}` : `${column} > ${limit - 1}`;
    could.push(`(typeof(${column}) = 'text' OR (typeof(${column}) IN ('integer', 'real') AND ${numeric}))`);
  }
  return could.length === 0 ? '0' : could.map((c) => `(${c})`).join(' OR ');
}
