import type ExcelJS from 'exceljs';
import { neutraliseFormula } from '../output/writers.js';
import type { PresentedReport, CellFormat, ReportTable } from './present.js';

/**
 * The weekly report as a workbook: a Summary sheet with every headline number (this week, last
 * week, change), then one sheet per table and per heat map / matrix. Cells are typed (numbers,
 * money in yuan, percentages, dates, booleans), headers styled, the header row frozen and
 * filterable. Text that a spreadsheet would run as a formula is neutralised.
 */
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

const numFmt: Partial<Record<CellFormat, string>> = {
  int: '#,##0',
  money: '#,##0.00',
  percent: '0.0%',
  score: '0.0',
  decimal: '0.00',
  minutes: '#,##0.0',
  date: 'yyyy-mm-dd',
};

function cellValue(value: unknown, format: CellFormat): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (format === 'money' && typeof value === 'number') return Math.round(value) / 100;
  if (format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  if (format === 'bool') return Boolean(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return neutraliseFormula(String(value));
}

/** Excel sheet names: ≤ 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

function addTableSheet(workbook: ExcelJS.Workbook, name: string, headers: { header: string; format: CellFormat }[], rows: unknown[][]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((h, i) => ({
    header: h.header,
    key: `c${i}`,
    width: Math.min(60, Math.max(10, ...[h.header, ...rows.map((r) => String(r[i] ?? ''))].map(widthOf)) + 2),
    style: numFmt[h.format] ? { numFmt: numFmt[h.format] } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'middle' };
  header.border = { bottom: { style: 'thin', color: { argb: 'FF94A3B8' } } };
  for (const r of rows) sheet.addRow(r.map((v, i) => cellValue(v, headers[i].format)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: Math.max(1, headers.length) } };
}

function widthOf(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return Math.min(w, 58);
}

export async function renderXlsx(p: PresentedReport, path: string): Promise<void> {
  const zh = p.lang === 'zh';
  // Loaded here, not at the top: exceljs takes a while to load and most commands never write a workbook.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'custops';
  workbook.title = `${p.title} ${p.period}`;
  const taken = new Set<string>();

  const summary = workbook.addWorksheet(sheetName(zh ? '摘要' : 'Summary', taken), { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = zh ? ['部分', '指标', '本周', '上周', '变化', '变化率', '说明'] : ['Section', 'Metric', 'This week', 'Last week', 'Change', 'Change %', 'Note'];
  summary.columns = headers.map((h, i) => ({ header: h, key: `c${i}`, width: [22, 26, 16, 16, 16, 12, 50][i] }));
  const head = summary.getRow(1);
  head.font = { bold: true };
  head.fill = HEADER_FILL;
  let summaryRows = 0;
  for (const s of p.sections) {
    for (const k of s.kpis) {
      const row = summary.addRow([s.title, k.label, cellValue(k.change.current, k.format), cellValue(k.change.previous, k.format), cellValue(k.change.delta, k.format), k.change.deltaPct, k.hint ?? null]);
      const fmt = numFmt[k.format];
      if (fmt) for (const c of [3, 4, 5]) row.getCell(c).numFmt = fmt;
      row.getCell(6).numFmt = '0.0%';
      summaryRows++;
    }
    if (s.unavailable) {
      summary.addRow([s.title, null, null, null, null, null, neutraliseFormula(s.unavailable)]);
      summaryRows++;
    }
  }
  summary.autoFilter = { from: { row: 1, column: 1 }, to: { row: summaryRows + 1, column: headers.length } };

  const tableSheet = (table: ReportTable): void => {
    addTableSheet(
      workbook,
      sheetName(table.title, taken),
      table.columns.map((c) => ({ header: c.header, format: c.format })),
      table.rows.map((row) => table.columns.map((c) => row[c.key] ?? null)),
    );
  };
  for (const s of p.sections) {
    if (s.unavailable) continue;
    for (const table of s.tables) tableSheet({ ...table, title: s.tables.length > 1 || table.title !== s.title ? `${s.title} ${table.title}` : s.title });
    for (const chart of s.charts) {
      if (chart.type !== 'heatmap' && chart.type !== 'matrix') continue;
      const format: CellFormat = chart.type === 'heatmap' ? chart.format : 'int';
      addTableSheet(
        workbook,
        sheetName(chart.id === 'rfm-grid' ? 'RFM R×F' : chart.title, taken),
        [{ header: chart.type === 'matrix' ? chart.corner : '', format: 'text' }, ...chart.columnLabels.map((c) => ({ header: c, format }))],
        chart.rowLabels.map((label, i) => [label, ...chart.values[i]]),
      );
    }
  }
  if (p.notes.length > 0) {
    addTableSheet(workbook, sheetName(zh ? '说明' : 'Notes', taken), [{ header: zh ? '部分' : 'Section', format: 'text' }, { header: zh ? '说明' : 'Note', format: 'text' }], p.notes.map((n) => [n.section, n.message]));
  }
  await workbook.xlsx.writeFile(path);
}
