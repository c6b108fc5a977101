import type { Db } from '../../store/db.js';
import type { Config } from '../../config.js';
import type { Lang } from '../../output/i18n.js';
import { exportables as coreExportables, NotComputedYet, tableExists, type Exportable } from '../../store/exportables.js';
import { UsageError } from '../../errors.js';
import { entitiesExport } from '../../dedupe/entities.js';
import { segmentExportables } from '../../segment/exports.js';
import { defaultSegmentConfig, type SegmentConfig } from '../../segment/config.js';
import { exportTasks } from '../../rules/tasks.js';
import { listAlerts } from '../../feedback/alerts.js';

/** What a stage export needs besides the store. */
export interface ExportEnv {
  lang: Lang;
  config: Config | undefined;
  /** Segment exports are computed as of this day. */
  asOf: string;
}

type StageMaker = (db: Db, env: ExportEnv) => Exportable;

function segmentConfigOf(config: Config | undefined): SegmentConfig {
  return (config as Partial<{ segment: SegmentConfig }> | undefined)?.segment ?? defaultSegmentConfig();
}

function segment(model: 'rfm' | 'tiers' | 'lifecycle' | 'clv'): StageMaker {
  return (db, env) => segmentExportables({ config: segmentConfigOf(env.config), asOf: env.asOf, lang: env.lang })[model](db);
}

/** Every follow-up item (open, awaiting follow-up and closed) with its deadline as of now. */
function alertsExport(db: Db, env: ExportEnv): Exportable {
  if (!tableExists(db, 'feedback_alerts') || db.prepare('SELECT 1 FROM feedback_alerts LIMIT 1').get() === undefined) {
    throw new NotComputedYet('alerts', 'custops feedback alerts');
  }
  const now = `${env.asOf}T23:59:59`;
  const keys: [string, 'int' | 'number' | undefined][] = [
    ['id', 'int'], ['status', undefined], ['due', undefined], ['overdue', undefined], ['hours_left', 'number'], ['customer', undefined], ['customer_code', undefined],
    ['phone', undefined], ['tier', undefined], ['nps', 'int'], ['csat', 'number'], ['sentiment_score', 'number'], ['reasons', undefined], ['topics', undefined],
    ['complaint', undefined], ['comment', undefined], ['raised_at', undefined], ['resolved_at', undefined], ['feedback_id', 'int'], ['feedback_code', undefined],
  ];
  return {
    columns: keys.map(([key, type]) => ({ key, header: key, ...(type ? { type } : {}) })),
    rows: listAlerts(db, { asOf: now, filter: 'all' }).map((a) => ({ ...a, reasons: a.reasons.join(','), topics: a.topics.join(','), overdue: a.overdue ? 1 : 0, complaint: a.complaint ? 1 : 0 })),
  };
}

function tasksExport(db: Db, env: ExportEnv): Exportable {
  if (!tableExists(db, 'tasks') || db.prepare('SELECT 1 FROM tasks LIMIT 1').get() === undefined) throw new NotComputedYet('tasks', 'custops rules run');
  return exportTasks(db, env.lang);
}

/**
 * Every name `custops export` knows: the core record lists plus the stages' results. A stage result
 * that has not been computed in this store yet gets a one-line message naming the command to run.
 */
const stageExports: Record<string, StageMaker> = {
  entities: (db) => entitiesExport(db),
  rfm: segment('rfm'),
  tiers: segment('tiers'),
  lifecycle: segment('lifecycle'),
  clv: segment('clv'),
  alerts: alertsExport,
  tasks: tasksExport,
};

export function exportNames(): string[] {
  const core = Object.keys(coreExportables).filter((k) => k !== 'rejects');
  return [...core.slice(0, 1), 'entities', ...core.slice(1), ...Object.keys(stageExports).filter((k) => k !== 'entities'), 'rejects'];
}

export function findExportable(db: Db, what: string, env: ExportEnv): Exportable {
  const core = coreExportables[what];
  if (core) return core(db);
  const stage = stageExports[what];
  if (!stage) throw UsageError.of('export.unknown', { what, choices: exportNames().join(', ') });
  try {
    return stage(db, env);
  } catch (err) {
    if (err instanceof NotComputedYet) throw UsageError.of('export.notYet', { what, reason: err.message, command: err.command });
    throw err;
  }
}
