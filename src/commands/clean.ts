import type { Command } from 'commander';
import { section as cleanSection, type CleanConfig } from '../clean/config.js';
import { cleanKinds, type CleanKind } from '../clean/fields.js';
import { listIssues, type IssueRow } from '../clean/issues.js';
import { runClean, type CleanResult, type KindRun } from '../clean/run.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';
import type { Column } from '../output/columns.js';
import { createTranslator, type Lang } from '../output/i18n.js';
import { messages } from '../output/messages/clean.js';
import { createProgress } from '../output/progress.js';
import { note, print, printJson, tableText, writeRowsFile } from '../output/render.js';
import { finishRun, startRun } from '../store/runs.js';
import { withContext } from './action.js';

const t = createTranslator(messages);

interface CleanFlags {
  fix?: boolean;
  strict?: boolean;
  all?: boolean;
  kind?: string;
}

export function register(program: Command, lang: Lang): void {
  program
    .command('clean')
    .description(t(lang, 'clean.desc'))
    .option('--fix', t(lang, 'clean.fix'))
    .option('--strict', t(lang, 'clean.strict'))
    .option('--all', t(lang, 'clean.all'))
    .option('--kind <kind>', t(lang, 'clean.kind'))
    .action(withContext<CleanFlags>(lang, (ctx, flags) => cleanCommand(ctx, flags)));
}

/** The clean section of custops.yaml (parsed again here so the command works whether or not config.ts lists it). */
function cleanConfigOf(config: Config): CleanConfig {
  return cleanSection.parse((config as { clean?: unknown }).clean);
}

export async function cleanCommand(ctx: Context, flags: CleanFlags): Promise<number> {
  const { lang } = ctx;
  if (flags.kind !== undefined && !cleanKinds.includes(flags.kind as CleanKind)) {
    throw new UsageError(t(lang, 'clean.badKind', { kind: flags.kind }));
  }
  const kinds = flags.kind ? [flags.kind as CleanKind] : cleanKinds;
  const config = cleanConfigOf(ctx.config());
  const db = ctx.openDb({ create: false });
  const runId = startRun(db, 'clean', flags);
  const progress = createProgress(ctx);
  let result: CleanResult;
  try {
    result = runClean(db, config, {
      fix: flags.fix, all: flags.all, kinds, runId,
      onProgress: (kind, done, total) => progress.update(`clean ${kind}`, done, total),
    });
  } catch (err) {
    progress.done();
    finishRun(db, runId, 'failed', { error: (err as Error).message });
    throw err;
  }
  progress.done();
  finishRun(db, runId, 'ok', {
    processed: result.processed,
    errors: result.errors,
    kinds: result.kinds.map((k) => ({ kind: k.kind, full: k.full, processed: k.processed, updated: k.updated, fixes: k.fixesApplied })),
  });

  if (ctx.output) {
    await writeRowsFile(ctx, ctx.output, issueRows(lang, listIssues(db, kinds)), issueColumns(lang), 'issues');
  }
  showScorecard(ctx, result);
  if (flags.strict && result.errors > 0) {
    note(ctx, t(lang, 'clean.strictFailed', { errors: result.errors }));
    return ExitCode.checksFailed;
  }
  return 0;
}

function* issueRows(lang: Lang, issues: Iterable<IssueRow>): Generator<Record<string, unknown>> {
  for (const issue of issues) {
    yield {
      ...issue,
      detail: t(lang, `problem.${issue.problem}`),
      severity: t(lang, `severity.${issue.severity}`),
      fixed: issue.fixed ? t(lang, 'col.fixed') : '',
    };
  }
}

export function issueColumns(lang: Lang): Column[] {
  return [
    { key: 'kind', header: t(lang, 'col.kind') },
    { key: 'record_id', header: t(lang, 'col.record'), type: 'int' },
    { key: 'code', header: t(lang, 'col.code') },
    { key: 'source', header: t(lang, 'col.source') },
    { key: 'line', header: t(lang, 'col.line'), type: 'int' },
    { key: 'field', header: t(lang, 'col.field') },
    { key: 'value', header: t(lang, 'col.value') },
    { key: 'problem', header: t(lang, 'col.problem') },
    { key: 'detail', header: t(lang, 'col.detail') },
    { key: 'suggestion', header: t(lang, 'col.suggestion') },
    { key: 'severity', header: t(lang, 'col.severity') },
    { key: 'fixed', header: t(lang, 'col.fixed') },
  ];
}

function scoreColumns(lang: Lang, withKind: boolean): Column[] {
  return [
    ...(withKind ? [{ key: 'kind', header: t(lang, 'col.kind') }] : []),
    { key: 'field', header: t(lang, 'col.field') },
    { key: 'present', header: t(lang, 'col.present'), type: 'int' },
    { key: 'completeness', header: t(lang, 'col.completeness'), type: 'percent' },
    { key: 'validity', header: t(lang, 'col.validity'), type: 'percent' },
    { key: 'uniqueness', header: t(lang, 'col.uniqueness'), type: 'percent' },
    { key: 'errors', header: t(lang, 'col.errors'), type: 'int' },
  ];
}

function showScorecard(ctx: Context, result: CleanResult): void {
  const { lang } = ctx;
  if (ctx.format === 'json') return printJson(ctx, result);
  const shown = result.kinds.filter((k) => k.score.records > 0);
  if (ctx.format === 'csv') {
    const rows = shown.flatMap((k) => k.score.fields.map((f) => ({ kind: k.kind, ...f })));
    const columns = scoreColumns(lang, true);
    const quote = (v: unknown) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    ctx.stdout.write([columns.map((c) => c.header).join(','), ...rows.map((r) => columns.map((c) => quote((r as Record<string, unknown>)[c.key])).join(','))].join('\n') + '\n');
    return;
  }
  if (shown.length === 0) return print(ctx, t(lang, 'clean.empty'));
  let typos = 0;
  for (const k of shown) {
    print(ctx, tableText(ctx, k.score.fields as unknown as Record<string, unknown>[], scoreColumns(lang, false), t(lang, 'clean.scorecard', { kind: k.kind })));
    if (k.score.top.length === 0) print(ctx, t(lang, 'clean.noIssues', { kind: k.kind }));
    else print(ctx, tableText(ctx, topRows(lang, k), topColumns(lang), t(lang, 'clean.top', { kind: k.kind })));
    print(ctx, summaryLine(lang, k) + '\n');
    typos += k.score.top.filter((p) => p.problem === 'email_typo').reduce((n, p) => n + p.count - p.fixed, 0);
  }
  if (typos > 0) note(ctx, t(lang, 'clean.hintFix', { n: typos }));
  if (!ctx.output && result.kinds.some((k) => k.score.errors + k.score.warnings > 0)) note(ctx, t(lang, 'clean.hintOutput'));
}

function summaryLine(lang: Lang, k: KindRun): string {
  return t(lang, 'clean.summary', {
    kind: k.kind,
    processed: k.processed,
    mode: t(lang, k.full ? 'clean.full' : 'clean.incremental'),
    updated: k.updated,
    fixes: k.fixesApplied,
    records: k.score.records,
    errors: k.score.errors,
    warnings: k.score.warnings,
    incomplete: k.score.incomplete,
  });
}

function topColumns(lang: Lang): Column[] {
  return [
    { key: 'field', header: t(lang, 'col.field') },
    { key: 'detail', header: t(lang, 'col.problem') },
    { key: 'count', header: t(lang, 'col.count'), type: 'int' },
    { key: 'examples', header: t(lang, 'col.examples') },
    { key: 'suggestion', header: t(lang, 'col.suggestion') },
  ];
}

function topRows(lang: Lang, k: KindRun): Record<string, unknown>[] {
  return k.score.top.map((p) => ({
    field: p.field,
    detail: t(lang, `problem.${p.problem}`) + (p.severity === 'warning' ? ` (${t(lang, 'severity.warning')})` : '') + (p.fixed ? ` [${t(lang, 'col.fixed')} ${p.fixed}]` : ''),
    count: p.count,
    examples: p.examples.join(' | '),
    suggestion: p.suggestion ?? '',
  }));
}
