import type { PresentedReport, ReportTable } from './present.js';
import { arrow, formatDelta, formatValue } from './format.js';
import { formatCellText } from './cells.js';

/**
 * The weekly report as Markdown for chat and e-mail: headline numbers as a table per section
 * (this week, last week, change), then the section's tables. Charts are left to the HTML report.
 */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/([*_`<>[\]])/g, '\\$1');
}

function mdTable(headers: string[], rows: string[][], alignRight: boolean[]): string {
  const head = `| ${headers.map(cell).join(' | ')} |`;
  const rule = `|${alignRight.map((r) => (r ? ' ---: ' : ' --- ')).join('|')}|`;
  return [head, rule, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function tableMd(table: ReportTable, lang: 'zh' | 'en'): string {
  const numeric = table.columns.map((c) => ['int', 'money', 'percent', 'score', 'decimal', 'minutes'].includes(c.format));
  const rows = table.rows.map((row) => table.columns.map((c) => formatCellText(row[c.key], c.format, lang)));
  return mdTable(table.columns.map((c) => c.header), rows.length ? rows : [table.columns.map(() => '—')], numeric);
}

export function renderMarkdown(p: PresentedReport): string {
  const zh = p.lang === 'zh';
  const out: string[] = [`# ${cell(p.title)}`, '', `**${cell(p.period)}** · ${cell(p.versus)}`, ''];
  for (const s of p.sections) {
    out.push(`## ${cell(s.title)}`, '');
    if (s.unavailable) {
      out.push(`_${cell(s.unavailable)}_`, '');
      continue;
    }
    for (const line of s.lines) out.push(cell(line), '');
    if (s.kpis.length > 0) {
      const headers = zh ? ['指标', '本周', '上周', '变化'] : ['Metric', 'This week', 'Last week', 'Change'];
      const rows = s.kpis.map((k) => [k.hint ? `${k.label} (${k.hint})` : k.label, formatValue(k.change.current, k.format), formatValue(k.change.previous, k.format), `${arrow(k.change)} ${formatDelta(k.change, k.format)}`.trim()]);
      out.push(mdTable(headers, rows, [false, true, true, true]), '');
    }
    for (const table of s.tables) {
      if (s.tables.length > 1 || table.title !== s.title) out.push(`**${cell(table.title)}**`, '');
      out.push(tableMd(table, p.lang), '');
    }
  }
  if (p.notes.length > 0) {
    out.push(`## ${zh ? '说明' : 'Notes'}`, '');
    for (const n of p.notes) out.push(`- **${cell(n.section)}**: ${cell(n.message)}`);
    out.push('');
  }
  out.push(`_${cell(p.generated)}_`, '');
  return out.join('\n');
}
