import { readdirSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { extname, join } from 'node:path';
import type { Db } from '../store/db.js';
import type { Config } from '../config.js';
import { tableExists } from '../store/exportables.js';
import { ingestFiles, type IngestOptions } from '../ingest/import.js';
import { normaliseOptionsFrom } from '../ingest/normalise-options.js';
import { runClean } from '../clean/run.js';
import { section as cleanSection, type CleanConfig } from '../clean/config.js';
import { matchStore, applyDedupe } from '../dedupe/apply.js';
import { defaultDedupeConfig, type DedupeConfig } from '../dedupe/config.js';
import { runRfm } from '../segment/run-rfm.js';
import { runTiers } from '../segment/run-tiers.js';
import { runLifecycle } from '../segment/run-lifecycle.js';
import { rfmRules, tierSets } from '../segment/config.js';
import { saveSnapshot } from '../segment/snapshots.js';
import { lifecycleMembers, rfmMembers, tierMembers } from '../segment/snapshot-members.js';
import { syncFeedback } from '../feedback/sync.js';
import { defaultFeedbackConfig, type FeedbackConfig } from '../feedback/config.js';
import { runRules } from '../rules/engine.js';
import { CustopsError, ExitCode } from '../errors.js';
import { reportSettings } from './config.js';

/**
 * `custops run weekly`: ingest new files from an inbox folder → clean → dedupe → segment snapshots
 * → feedback analysis and alerts → rules and tasks. Every step is one of the stages' own
 * functions, each safe to repeat: files already imported are skipped by content hash, cleaning only
 * touches changed records, dedupe keeps entity ids of unchanged groups, snapshots for the same day
 * are replaced, alerts and tasks are created once. A failing step is recorded and the next steps
 * still run, so the report shows as much as can be known.
 */
export type StepName = 'ingest' | 'clean' | 'dedupe' | 'segment' | 'feedback' | 'rules';

export interface StepResult {
  step: StepName;
  status: 'ok' | 'skipped' | 'failed';
  /** Short facts for people ("3 files, 2 new, 1 already imported"), or why it was skipped / failed. */
  detail: string;
  /** Exit code this step asks for: 2 for a bad input file, 1 for a failure. */
  exitCode: number;
  seconds: number;
}

export interface FileOutcome {
  file: string;
  status: 'imported' | 'already-imported' | 'failed';
  rows?: number;
  error?: string;
}

export interface PipelineOptions {
  asOf: string;
  /** Wall-clock time the follow-up deadlines and task times are counted from ('YYYY-MM-DDTHH:mm:ss'). */
  now: string;
  inbox?: string;
  config: Config;
  runId?: number;
  onStep?: (step: StepName) => void;
}

export interface PipelineResult {
  steps: StepResult[];
  files: FileOutcome[];
}

const INBOX_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.xls']);

/** Data files in the inbox (not in sub-folders), oldest name first; lock and temporary files are ignored. */
export function inboxFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    throw new CustopsError(`--inbox ${dir}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (err as Error).message}`, ExitCode.badInput, 'point --inbox at the folder your exports are saved to');
  }
  return names
    .filter((n) => !n.startsWith('.') && !n.startsWith('~$') && INBOX_EXTENSIONS.has(extname(n).toLowerCase()))
    .map((n) => join(dir, n))
    .filter((p) => statSync(p).isFile())
    .sort((a, b) => a.localeCompare(b));
}

function sectionOf<T>(config: Config, name: string, fallback: () => T): T {
  return ((config as unknown as Record<string, T | undefined>)[name] ?? fallback());
}

export async function runWeeklyPipeline(db: Db, options: PipelineOptions): Promise<PipelineResult> {
  const steps: StepResult[] = [];
  const files: FileOutcome[] = [];
  const { config, asOf, now } = options;
  const runId = options.runId ?? null;

  const step = async (name: StepName, needs: string | undefined, work: () => Promise<string> | string): Promise<void> => {
    options.onStep?.(name);
    const started = performance.now();
    const seconds = (): number => Math.round((performance.now() - started) / 10) / 100;
    if (needs && !tableExists(db, needs)) {
      steps.push({ step: name, status: 'skipped', detail: `store has no ${needs} table (its migration is not installed)`, exitCode: 0, seconds: 0 });
      return;
    }
    try {
      const detail = await work();
      steps.push({ step: name, status: 'ok', detail, exitCode: 0, seconds: seconds() });
    } catch (err) {
      const code = err instanceof CustopsError ? err.exitCode : ExitCode.failure;
      steps.push({ step: name, status: 'failed', detail: (err as Error).message, exitCode: code === ExitCode.badInput ? ExitCode.badInput : ExitCode.failure, seconds: seconds() });
    }
  };

  if (options.inbox !== undefined) {
    const inbox = options.inbox;
    await step('ingest', undefined, async () => {
      const ingest: IngestOptions = {
        synonyms: sectionOf(config, 'ingest', () => ({}) as { synonyms?: Record<string, string[]> }).synonyms,
        linkBy: sectionOf(config, 'ingest', () => ({}) as { link_by?: string[] }).link_by,
        normalise: normaliseOptionsFrom(config),
        runId: runId ?? undefined,
      };
      for (const file of inboxFiles(inbox)) {
        try {
          const reports = await ingestFiles(db, [file], ingest);
          const skipped = reports.every((r) => r.skipped === 'already-imported');
          files.push({ file, status: skipped ? 'already-imported' : 'imported', rows: reports.reduce((n, r) => n + r.inserted + r.updated, 0) });
        } catch (err) {
          files.push({ file, status: 'failed', error: (err as Error).message });
        }
      }
      const failed = files.filter((f) => f.status === 'failed');
      const summary = `${files.length} files: ${files.filter((f) => f.status === 'imported').length} imported, ${files.filter((f) => f.status === 'already-imported').length} already imported, ${failed.length} failed`;
      if (failed.length > 0) throw new CustopsError(`${summary} (${failed.map((f) => `${f.file}: ${f.error}`).join('; ')})`, ExitCode.badInput);
      return summary;
    });
  }

  await step('clean', undefined, () => {
    const clean = sectionOf<CleanConfig>(config, 'clean', () => cleanSection.parse(undefined));
    const result = runClean(db, clean, { runId: runId ?? undefined });
    return `${result.processed} records checked, ${result.errors} open errors`;
  });

  await step('dedupe', 'dedupe_runs', () => {
    const dedupeConfig = sectionOf<DedupeConfig>(config, 'dedupe', defaultDedupeConfig);
    const summary = applyDedupe(db, matchStore(db, dedupeConfig), dedupeConfig, runId);
    return `${summary.records} records, ${summary.clusters} entities, ${summary.mergedRecords} merged, ${summary.reviewPairs} pairs to review`;
  });

  await step('segment', 'segment_snapshots', () => {
    const segment = reportSettings(config).segment;
    const excludeStatuses = segment.exclude_status;
    const saved: string[] = [];
    const save = (model: string, members: Parameters<typeof saveSnapshot>[2]): void => {
      const info = saveSnapshot(db, { model, asOf, runId: runId ?? undefined }, members);
      saved.push(`${model} ${info.entities}`);
    };
    const sets = tierSets(segment);
    // Tier rows stream from the customers table while the snapshot is written: read them on a second,
    // read-only connection (better-sqlite3 cannot write on a connection that is iterating).
    const reader = db.memory ? undefined : new Database(db.name, { readonly: true, fileMustExist: true });
    try {
      const tiers = runTiers(reader ?? db, { asOf, excludeStatuses, sets });
      for (const s of tiers.sets) save(`tiers.${s.name}`, reader ? tierMembers(tiers, s.name) : [...tierMembers(tiers, s.name)]);
    } finally {
      reader?.close();
    }
    const l = segment.lifecycle;
    save('lifecycle', lifecycleMembers(runLifecycle(db, { asOf, excludeStatuses, newDays: l.new_days, activeDays: l.active_days, churnDays: l.churn_days, warningMonths: l.warning_months, warnChurned: l.warn_churned })));
    try {
      save('rfm', rfmMembers(runRfm(db, { asOf, excludeStatuses, rules: rfmRules(segment), minSample: segment.rfm.min_sample })));
    } catch (err) {
      saved.push(`rfm skipped: ${(err as Error).message}`);
    }
    return `snapshots as of ${asOf}: ${saved.join(', ')}`;
  });

  await step('feedback', 'feedback_analysis', () => {
    const feedback = sectionOf<FeedbackConfig>(config, 'feedback', defaultFeedbackConfig);
    const result = syncFeedback(db, feedback, { now, appConfig: config, runId: runId ?? undefined });
    return `${result.analysed} comments analysed, ${result.duplicates} repeated submissions, ${result.raised} new alerts`;
  });

  await step('rules', 'tasks', () => {
    const result = runRules(db, config, asOf, { now, runId });
    return `${result.created.length} new tasks, ${result.existing} already open or done`;
  });

  return { steps, files };
}
