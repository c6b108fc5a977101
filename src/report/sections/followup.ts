import { change, type AlertsSection, type TasksSection } from '../model.js';
import { addDays } from '../weeks.js';
import { listAlerts } from '../../feedback/alerts.js';
import { listTasks } from '../../rules/tasks.js';
import { actionLabel, explainTask } from '../../rules/explain.js';
import { tableExists } from '../../store/exportables.js';
import { createTranslator } from '../../output/i18n.js';
import { messages } from '../../output/messages/report.js';
import type { SectionInput } from './input.js';
import { tierSets } from '../../segment/config.js';

const t = createTranslator(messages);

/** A tier name as stored (the Chinese name) in the report language, from the tier sets in custops.yaml. */
function tierLabeller(input: SectionInput): (tier: string | null) => string | null {
  if (input.lang === 'zh') return (tier) => tier;
  const english = new Map<string, string>();
  for (const set of Object.values(tierSets(input.settings.segment))) for (const rule of set.rules) if (rule.en) english.set(rule.name, rule.en);
  return (tier) => (tier === null ? null : (english.get(tier) ?? tier));
}

/** The report's "now": the end of the as-of day (store timestamps are local wall-clock time). */
export function endOfDay(day: string): string {
  return `${day}T23:59:59`;
}

/**
 * Feedback alerts open and overdue at the end of each week, from the alert timestamps (an alert is
 * open from raised_at until closed_at; its deadline is respond_due until resolved, then followup_due).
 */
export function alertsSection(input: SectionInput): AlertsSection {
  const { db } = input;
  const none = change(null, null);
  if (!tableExists(db, 'feedback_alerts')) {
    input.note('alerts', t(input.lang, 'note.noAlerts'));
    return { available: false, open: none, overdue: none, raised: none, rows: [], source: 'feedback.listAlerts' };
  }
  const countsAt = db.prepare(
    `SELECT COALESCE(SUM(1), 0) AS open,
            COALESCE(SUM(CASE WHEN resolved_at IS NULL OR resolved_at > @at THEN respond_due < @at ELSE followup_due IS NOT NULL AND followup_due < @at END), 0) AS overdue
       FROM feedback_alerts
      WHERE raised_at <= @at AND (closed_at IS NULL OR closed_at > @at)`,
  );
  const raisedIn = db.prepare('SELECT COUNT(*) AS n FROM feedback_alerts WHERE raised_at BETWEEN @from AND @to');
  const nowAt = endOfDay(input.week.end);
  const beforeAt = endOfDay(input.previousWeek.end);
  const now = countsAt.get({ at: nowAt }) as { open: number; overdue: number };
  const before = countsAt.get({ at: beforeAt }) as { open: number; overdue: number };
  const raised = (from: string, to: string): number => (raisedIn.get({ from: `${from}T00:00:00`, to: endOfDay(to) }) as { n: number }).n;
  const tierLabel = tierLabeller(input);
  const items = listAlerts(db, { asOf: nowAt, filter: 'open' })
    .filter((a) => a.raised_at <= nowAt)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || String(a.due).localeCompare(String(b.due)) || a.id - b.id)
    .slice(0, input.settings.report.alert_rows);
  return {
    available: true,
    open: change(now.open, before.open),
    overdue: change(now.overdue, before.overdue),
    raised: change(raised(input.week.start, input.week.end), raised(input.previousWeek.start, input.previousWeek.end)),
    rows: items.map((a) => ({
      id: a.id,
      customer: a.customer,
      code: a.customer_code,
      tier: tierLabel(a.tier),
      reasons: a.reasons.map((r) => t(input.lang, `reason.${r}`)),
      score: [a.nps !== null ? `NPS ${a.nps}` : '', a.csat !== null ? `CSAT ${a.csat}` : ''].filter(Boolean).join(' · '),
      comment: a.comment,
      due: a.due,
      overdue: a.overdue,
      status: t(input.lang, `status.${a.status}`),
    })),
    source: 'feedback.listAlerts',
  };
}

/** Open follow-up tasks (rules stage) due within report.task_horizon_days after the as-of day, and overdue ones. */
export function tasksSection(input: SectionInput): TasksSection {
  const horizonDays = input.settings.report.task_horizon_days;
  if (!tableExists(input.db, 'tasks')) {
    input.note('tasks', t(input.lang, 'note.noTasks'));
    return { available: false, open: 0, overdue: 0, horizonDays, rows: [], source: 'rules.listTasks' };
  }
  const now = endOfDay(input.asOf);
  const open = listTasks(input.db, { status: 'open' });
  const horizon = endOfDay(addDays(input.asOf, horizonDays));
  const tierLabel = tierLabeller(input);
  const due = open.filter((task) => task.due_ts <= horizon);
  return {
    available: true,
    open: open.length,
    overdue: open.filter((task) => task.due_ts < now).length,
    horizonDays,
    rows: due.slice(0, input.settings.report.task_rows).map((task) => ({
      id: task.id,
      due: task.due_ts,
      overdue: task.due_ts < now,
      action: actionLabel(input.lang, task.action),
      customer: task.subject ?? task.customer_code,
      tier: tierLabel(task.tier),
      owner: task.owner,
      reason: explainTask(input.lang, task),
    })),
    source: 'rules.listTasks',
  };
}
