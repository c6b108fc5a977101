import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import type { WeeklyReport } from './model.js';
import { presentReport } from './present.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderXlsx } from './xlsx.js';

export type ReportFormat = 'html' | 'md' | 'xlsx' | 'json';

export function reportFormatOf(path: string): ReportFormat | undefined {
  const ext = extname(path).slice(1).toLowerCase();
  if (ext === 'htm' || ext === 'html') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'json') return 'json';
  return undefined;
}

/** `reports/weekly-{week}.html` → `reports/weekly-2025-W47.html`: one file per week from a fixed cron line. */
export function expandOutputPath(path: string, report: Pick<WeeklyReport, 'week' | 'asOf'>): string {
  return path.replace(/\{week\}/g, report.week.label).replace(/\{date\}|\{as-of\}/g, report.asOf);
}

/**
 * Writes the report in the given format. The file appears whole or not at all (written beside it,
 * then renamed), so whoever picks it up from a cron job never reads half a report.
 */
export async function writeReport(report: WeeklyReport, path: string, format: ReportFormat): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial-${process.pid}`;
  try {
    if (format === 'json') writeFileSync(partial, `${JSON.stringify(report, null, 2)}\n`);
    else {
      const presented = presentReport(report);
      if (format === 'xlsx') await renderXlsx(presented, partial);
      else writeFileSync(partial, format === 'html' ? renderHtml(presented) : renderMarkdown(presented));
    }
    renameSync(partial, path);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}
