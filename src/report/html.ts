import type { ChartSpec, KpiRow, PresentedReport, PresentedSection, ReportTable } from './present.js';
import { arrow, formatDelta, formatValue, tone, type ValueFormat } from './format.js';
import { barChart, escapeXml, heatMap, lineChart, migrationMatrix, paretoChart } from './svg.js';
import { formatCellText } from './cells.js';

/**
 * The weekly report as one self-contained HTML page: inline CSS, inline SVG charts, no script and
 * no network. Cards reflow into one column on a phone; tables scroll sideways inside their box;
 * printing drops the shadows and keeps sections and charts whole on a page where possible.
 */
const esc = escapeXml;

const CSS = `
:root { --ink:#0f172a; --muted:#64748b; --line:#e2e8f0; --card:#ffffff; --bg:#f1f5f9; --good:#15803d; --bad:#b91c1c; --accent:#2563eb; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 16px; }
header.top { padding: 8px 0 4px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
.period { color: var(--muted); margin: 0; }
nav.toc { margin: 12px 0; display: flex; flex-wrap: wrap; gap: 6px 12px; font-size: .9rem; }
nav.toc a { color: var(--accent); text-decoration: none; }
section { background: var(--card); border-radius: 10px; box-shadow: 0 1px 3px rgba(15,23,42,.08); padding: 16px; margin: 16px 0; }
section h2 { font-size: 1.2rem; margin: 0 0 12px; }
h3 { font-size: 1rem; margin: 16px 0 8px; color: var(--muted); font-weight: 600; }
.kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; }
.kpi { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.kpi .label { color: var(--muted); font-size: .85rem; }
.kpi .value { font-size: 1.5rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.kpi .delta { font-size: .85rem; font-variant-numeric: tabular-nums; }
.kpi .prev, .kpi .hint { color: var(--muted); font-size: .78rem; }
.good { color: var(--good); } .bad { color: var(--bad); } .flat { color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); gap: 12px; margin-top: 12px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 8px; }
figcaption { font-size: .85rem; color: var(--muted); margin-bottom: 4px; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin-top: 8px; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #f8fafc; font-weight: 600; white-space: nowrap; position: sticky; top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.comment { min-width: 14em; }
tr.overdue td { background: #fef2f2; }
.unavailable, .line { color: var(--muted); }
.notes li { color: var(--muted); }
footer { color: var(--muted); font-size: .8rem; text-align: center; padding: 12px 0 24px; }
@media (max-width: 600px) {
  main { padding: 8px; }
  section { padding: 12px; margin: 10px 0; border-radius: 8px; }
  h1 { font-size: 1.3rem; }
  .kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; }
  .kpi .value { font-size: 1.2rem; }
  table { font-size: .8rem; }
}
@media print {
  @page { size: A4; margin: 12mm; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  section { box-shadow: none; border: 1px solid var(--line); break-inside: avoid-page; page-break-inside: avoid; margin: 8px 0; }
  figure, tr { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  th { position: static; }
  a { color: inherit; text-decoration: none; }
}
`;

function kpiCard(k: KpiRow, lang: 'zh' | 'en'): string {
  const cls = tone(k.change, k.better);
  const delta = k.change.delta === null ? '' : `<div class="delta ${cls}">${esc(`${arrow(k.change)} ${formatDelta(k.change, k.format)}`.trim())}</div>`;
  const prev = k.change.previous === null ? '' : `<div class="prev">${esc(`${lang === 'zh' ? '上周' : 'last week'} ${formatValue(k.change.previous, k.format)}`)}</div>`;
  const hint = k.hint ? `<div class="hint">${esc(k.hint)}</div>` : '';
  return `<div class="kpi" data-kpi="${esc(k.key)}"><div class="label">${esc(k.label)}</div><div class="value">${esc(formatValue(k.change.current, k.format))}</div>${delta}${prev}${hint}</div>`;
}

function tableHtml(table: ReportTable, lang: 'zh' | 'en', showTitle: boolean): string {
  const numeric = (f: string): boolean => ['int', 'money', 'percent', 'score', 'decimal', 'minutes'].includes(f);
  const head = table.columns.map((c) => `<th scope="col">${esc(c.header)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = table.columns
        .map((c) => {
          const cls = numeric(c.format) ? ' class="num"' : c.key === 'comment' || c.key === 'reason' ? ' class="comment"' : '';
          return `<td${cls}>${esc(formatCellText(row[c.key], c.format, lang))}</td>`;
        })
        .join('');
      return `<tr${row.overdue === true ? ' class="overdue"' : ''}>${cells}</tr>`;
    })
    .join('');
  const title = showTitle ? `<h3>${esc(table.title)}</h3>` : '';
  const empty = table.rows.length === 0 ? `<tr><td colspan="${table.columns.length}" class="unavailable">—</td></tr>` : '';
  return `${title}<div class="table-wrap"><table data-table="${esc(table.id)}"><thead><tr>${head}</tr></thead><tbody>${body}${empty}</tbody></table></div>`;
}

export function chartSvg(chart: ChartSpec): string {
  const fmt = (format: ValueFormat) => (v: number) => formatValue(v, format);
  switch (chart.type) {
    case 'bar':
      return barChart(chart.labels, chart.values, { title: chart.title, format: chart.format === 'money' ? compactMoney : fmt(chart.format) });
    case 'line':
      // 100% rather than 100.0% on the axis: the longer label does not fit left of the plot.
      return lineChart(chart.labels, chart.series, { title: chart.title, format: chart.format === 'percent' ? (v) => `${Number((v * 100).toFixed(1))}%` : fmt(chart.format) });
    case 'pareto':
      return paretoChart(chart.points, { title: chart.title });
    case 'heatmap':
      return heatMap(chart.rowLabels, chart.columnLabels, chart.values, { title: chart.title, format: chart.format === 'percent' ? (v) => `${Math.round(v * 100)}%` : fmt(chart.format) });
    case 'matrix':
      return migrationMatrix(chart.rowLabels, chart.columnLabels, chart.values, { title: chart.title, corner: chart.corner, format: fmt('int') });
  }
}

/** ¥12.3k / ¥1.2M on axes, where full amounts would not fit. */
function compactMoney(cents: number): string {
  const yuan = cents / 100;
  const abs = Math.abs(yuan);
  if (abs >= 1e6) return `¥${(yuan / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `¥${(yuan / 1e3).toFixed(abs >= 1e4 ? 0 : 1)}k`;
  return `¥${Math.round(yuan)}`;
}

function sectionHtml(s: PresentedSection, lang: 'zh' | 'en'): string {
  const parts: string[] = [`<h2>${esc(s.title)}</h2>`];
  if (s.unavailable) {
    parts.push(`<p class="unavailable">${esc(s.unavailable)}</p>`);
  } else {
    for (const line of s.lines) parts.push(`<p class="line">${esc(line)}</p>`);
    if (s.kpis.length > 0) parts.push(`<div class="kpis">${s.kpis.map((k) => kpiCard(k, lang)).join('')}</div>`);
    if (s.charts.length > 0) parts.push(`<div class="charts">${s.charts.map((c) => `<figure data-chart="${esc(c.id)}"><figcaption>${esc(c.title)}</figcaption>${chartSvg(c)}</figure>`).join('')}</div>`);
    for (const table of s.tables) parts.push(tableHtml(table, lang, s.tables.length > 1 || table.title !== s.title));
  }
  return `<section id="${esc(s.id)}">${parts.join('')}</section>`;
}

export function renderHtml(p: PresentedReport): string {
  const toc = p.sections.map((s) => `<a href="#${esc(s.id)}">${esc(s.title)}</a>`).join('');
  const notes =
    p.notes.length === 0
      ? ''
      : `<section id="notes"><h2>${esc(p.lang === 'zh' ? '说明' : 'Notes')}</h2><ul class="notes">${p.notes.map((n) => `<li><strong>${esc(n.section)}</strong>: ${esc(n.message)}</li>`).join('')}</ul></section>`;
  return `<!DOCTYPE html>
<html lang="${p.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="custops">
<title>${esc(`${p.title} · ${p.period}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header class="top"><h1>${esc(p.title)}</h1><p class="period">${esc(p.period)}</p><p class="period">${esc(p.versus)}</p></header>
<nav class="toc" aria-label="${esc(p.lang === 'zh' ? '目录' : 'Contents')}">${toc}</nav>
${p.sections.map((s) => sectionHtml(s, p.lang)).join('\n')}
${notes}
<footer>${esc(p.generated)}</footer>
</main>
</body>
</html>
`;
}
