import chalk from 'chalk';
import { tableText } from '../output/render.js';
import type { Column } from '../output/columns.js';
import type { PresentedReport } from './present.js';
import { arrow, formatDelta, formatValue, tone } from './format.js';
import { formatCellText } from './cells.js';

/**
 * The weekly report for a terminal: per section the headline numbers with their change (green or
 * red when colour is on) and the section's tables, long lists cut to `maxRows`.
 */
export function renderTerminal(p: PresentedReport, options: { color: boolean; maxRows?: number }): string {
  const zh = p.lang === 'zh';
  const maxRows = options.maxRows ?? 10;
  const bold = (s: string): string => (options.color ? chalk.bold(s) : s);
  const dim = (s: string): string => (options.color ? chalk.dim(s) : s);
  const out: string[] = [bold(p.title), `${p.period} · ${p.versus}`, ''];
  for (const s of p.sections) {
    if (s.unavailable) {
      out.push(`${bold(s.title)}: ${dim(s.unavailable)}`, '');
      continue;
    }
    const rows: Record<string, unknown>[] = s.kpis.map((k) => {
      const delta = `${arrow(k.change)} ${formatDelta(k.change, k.format)}`.trim();
      const mood = tone(k.change, k.better);
      return {
        metric: k.label,
        current: formatValue(k.change.current, k.format),
        previous: formatValue(k.change.previous, k.format),
        change: options.color && mood !== 'flat' ? (mood === 'good' ? chalk.green(delta) : chalk.red(delta)) : delta,
      };
    });
    const kpiColumns: Column[] = [
      { key: 'metric', header: zh ? '指标' : 'Metric' },
      { key: 'current', header: zh ? '本周' : 'This week', type: 'number' },
      { key: 'previous', header: zh ? '上周' : 'Last week', type: 'number' },
      { key: 'change', header: zh ? '变化' : 'Change', type: 'number' },
    ];
    out.push(rows.length > 0 ? tableText(options, rows, kpiColumns, s.title) : bold(s.title));
    for (const line of s.lines) out.push(line);
    for (const table of s.tables) {
      if (table.id.endsWith('-trend')) continue; // trends are for charts and files; the headline numbers say it here
      const columns: Column[] = table.columns.map((c) => ({ key: c.key, header: c.header, type: c.format === 'text' || c.format === 'date' || c.format === 'bool' ? undefined : 'number' }));
      const shown = table.rows.slice(0, maxRows).map((row) => Object.fromEntries(table.columns.map((c) => [c.key, formatCellText(row[c.key], c.format, p.lang)])));
      out.push(tableText(options, shown, columns, s.tables.length > 1 || !sameTitle(table.title, s.title) ? table.title : undefined));
      if (table.rows.length > maxRows) out.push(dim(zh ? `……另有 ${table.rows.length - maxRows} 行（--output 写出完整报告）` : `… ${table.rows.length - maxRows} more rows (--output writes the full report)`));
    }
    out.push('');
  }
  for (const n of p.notes) out.push(dim(`• ${n.section}: ${n.message}`));
  return `${out.join('\n')}\n`;
}

/** "Value tier" under "Value tiers" says nothing new: singular and plural of one title count as the same. */
function sameTitle(a: string, b: string): boolean {
  const key = (t: string): string => t.trim().toLowerCase().replace(/s$/, '');
  return key(a) === key(b);
}
