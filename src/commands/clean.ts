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
    kinds: result.kinds.map((k) => ({ kind: k.kind, full: k.full, processed: k.processed, normalised: k.normalised, updated: k.updated, fixes: k.fixesApplied })),
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

/**
 * The problem in the reader's language with its specifics, read from the stored English message:
 * the parser's reason code ("… (impossible_date)"), the rule's bound, pattern or allowed list.
 */
export function problemDetail(lang: Lang, problem: string, message: string | null | undefined): string {
  const base = t(lang, `problem.${problem}`);
  if (!message) return base;
  let m = /\(([a-z_]+)\)$/.exec(message);
  if (m?.[1] === 'unparseable') return base;
  if (m && t(lang, `reason.${m[1]}`) !== `reason.${m[1]}`) return `${base}${lang === 'zh' ? '：' : ': '}${t(lang, `reason.${m[1]}`)}`;
  let specific: string | undefined;
  if ((m = /^(below the minimum|above the maximum) (.+)$/.exec(message))) specific = t(lang, m[1].startsWith('below') ? 'detail.min' : 'detail.max', { bound: m[2] });
  else if ((m = /^does not match the pattern (.+)$/.exec(message))) specific = t(lang, 'detail.pattern', { pattern: m[1] });
  else if ((m = /^not one of: (.+)$/.exec(message))) specific = t(lang, 'detail.allowed', { list: m[1] });
  else if ((m = /^city (.+) is in (.+), not in (.+)$/.exec(message))) specific = t(lang, 'detail.region', { city: m[1], cityProvince: m[2], province: m[3] });
  return specific === undefined ? base : `${base}${lang === 'zh' ? '：' : ': '}${specific}`;
}

function* issueRows(lang: Lang, issues: Iterable<IssueRow>): Generator<Record<string, unknown>> {
  for (const issue of issues) {
    yield {
      ...issue,
      detail: problemDetail(lang, issue.problem, issue.message),
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
    const fields = k.score.fields.map((f) => ({ ...f, field: fieldLabel(lang, f.field) }));
    print(ctx, tableText(ctx, fields, scoreColumns(lang, false), t(lang, 'clean.scorecard', { kind: k.kind })));
    if (k.score.top.length === 0) print(ctx, t(lang, 'clean.noIssues', { kind: k.kind }));
    else print(ctx, tableText(ctx, topRows(lang, k), topColumns(lang), t(lang, 'clean.top', { kind: k.kind })));
    print(ctx, summaryLine(lang, k) + '\n\n');
    typos += k.score.top.filter((p) => p.problem === 'email_typo').reduce((n, p) => n + p.count - p.fixed, 0);
  }
  if (typos > 0) note(ctx, t(lang, 'clean.hintFix', { n: typos }));
  if (!ctx.output && result.kinds.some((k) => k.score.errors + k.score.warnings > 0)) note(ctx, t(lang, 'clean.hintOutput'));
}

function summaryLine(lang: Lang, k: KindRun): string {
  return t(lang, 'clean.summary', {
    kind: k.kind,
    processed: k.processed,
    normalised: k.normalised,
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
  ];
}

/** As many whole examples as fit the table's cell width (the first always). */
function fitting(examples: string[], separator: string, width = 56): string {
  let text = examples[0] ?? '';
  for (const e of examples.slice(1)) {
    if (text.length + separator.length + e.length > width) break;
    text += separator + e;
  }
  return text;
}

function bracket(lang: Lang, text: string): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}

/** "电话 phone" in Chinese (the canonical name is what custops.yaml rules use); the canonical name in English. */
function fieldLabel(lang: Lang, field: string): string {
  if (lang !== 'zh') return field;
  const label = field.split('|').map((f) => t(lang, `field.${f}`)).join('|');
  return label.includes('field.') ? field : `${label} ${field}`;
}

function topRows(lang: Lang, k: KindRun): Record<string, unknown>[] {
  return k.score.top.map((p) => ({
    field: fieldLabel(lang, p.field),
    // The detail (a rule's bound, the parser's reason) when all issues of the row share it.
    detail:
      problemDetail(lang, p.problem, p.message) +
      (p.severity === 'warning' ? bracket(lang, t(lang, 'severity.warning')) : '') +
      (p.fixed ? bracket(lang, `${t(lang, 'col.fixed')} ${p.fixed}`) : ''),
    count: p.count,
    examples: p.problem === 'required_missing' ? t(lang, 'clean.records', { list: fitting(p.examples, ', ') }) : fitting(p.examples, ' | '),
  }));
}
