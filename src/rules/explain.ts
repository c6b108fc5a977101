import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/rules.js';
import { conditionFields, type FieldValue } from '../segment/condition.js';

const t = createTranslator(messages);

/** 'YYYY-MM-DDT00:00:00' → 'YYYY-MM-DD'; other times → 'YYYY-MM-DD HH:mm'. */
export function showTs(ts: string | null | undefined): string {
  if (!ts) return '';
  if (ts.length <= 10 || ts.slice(10) === 'T00:00:00') return ts.slice(0, 10);
  return `${ts.slice(0, 10)} ${ts.slice(11, 16)}`;
}

export function actionLabel(lang: Lang, action: string): string {
  const text = t(lang, `action.${action}`);
  return text === `action.${action}` ? action : text;
}

function number(v: unknown): string {
  return typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v);
}

/** One sentence saying why a rule fired, from the detail it recorded. */
export function explain(lang: Lang, kind: string, detail: Record<string, unknown>): string {
  if (detail.follow_up) return t(lang, 'why.followUp', { parent: String(detail.parent), resolved: showTs(detail.resolved as string) });
  switch (kind) {
    case 'contract_end': {
      const days = Number(detail.days_left);
      return days >= 0 ? t(lang, 'why.contract', { date: String(detail.contract_end), days }) : t(lang, 'why.contractEnded', { date: String(detail.contract_end), days: -days });
    }
    case 'no_order':
      return detail.last_paid_order ? t(lang, 'why.noOrder', { date: String(detail.last_paid_order), months: String(detail.months) }) : t(lang, 'why.neverBought');
    case 'activity_drop': {
      const series = (detail.series as number[]).map(number).join(' → ');
      const vars = { measure: t(lang, `measure.${String(detail.measure)}`), n: String(detail.declining_weeks), pct: `${Math.round(Number(detail.min_drop) * 1000) / 10}%`, series, weeks: String(detail.rolling_weeks) };
      if (!detail.declining_weeks) return t(lang, 'why.activityNone', vars);
      return Number(detail.rolling_weeks) > 1 ? t(lang, 'why.activityRolling', vars) : t(lang, 'why.activity', vars);
    }
    case 'complaint': {
      const parts: string[] = [];
      if (detail.nps !== null && detail.nps !== undefined) parts.push(t(lang, 'why.nps', { nps: String(detail.nps) }));
      if (detail.sentiment === 'negative') parts.push(t(lang, 'why.negative'));
      const head = parts.join(lang === 'zh' ? '，' : ', ');
      const comment = detail.comment ? t(lang, 'why.comment', { comment: String(detail.comment) }) : '';
      return [head, comment].filter(Boolean).join(lang === 'zh' ? '：' : ': ');
    }
    case 'tier_change':
      return t(lang, 'why.tier', {
        from: String(lang === 'en' ? detail.previous_tier_en : detail.previous_tier),
        to: String(lang === 'en' ? detail.tier_en : detail.tier),
        baseline: String(detail.baseline),
      });
    default:
      return '';
  }
}

/** The condition's fields with the values they had: "contract_days_left=29". */
export function conditionValues(condition: string, values: Record<string, FieldValue>): string {
  let fields: string[];
  try {
    fields = conditionFields(condition);
  } catch {
    return '';
  }
  return fields
    .filter((f) => f in values)
    .map((f) => `${f}=${values[f] === null || values[f] === undefined ? '∅' : number(values[f])}`)
    .join(' ');
}

/** The task's tier in the interface language (tiers are named in Chinese, with an English name beside). */
export function taskTier(lang: Lang, task: { tier: string | null; facts: string }): string | null {
  if (lang !== 'en' || task.tier === null) return task.tier;
  const facts = JSON.parse(task.facts) as { values?: Record<string, FieldValue> };
  const en = facts.values?.tier_en;
  return typeof en === 'string' ? en : task.tier;
}

/** Explanation of a stored task. */
export function explainTask(lang: Lang, task: { kind: string; facts: string; condition: string }): string {
  const facts = JSON.parse(task.facts) as { values?: Record<string, FieldValue>; detail?: Record<string, unknown> };
  const sentence = explain(lang, task.kind, facts.detail ?? {});
  const values = conditionValues(task.condition, facts.values ?? {});
  return values ? `${sentence} [${values}]` : sentence;
}
