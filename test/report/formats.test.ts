import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Db } from '../../src/store/db.js';
import { defaultConfig } from '../../src/config.js';
import { buildWeeklyReport } from '../../src/report/build.js';
import { reportJsonSchema, type WeeklyReport } from '../../src/report/model.js';
import { writeReport } from '../../src/report/render.js';
import { presentReport } from '../../src/report/present.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { syncFeedback } from '../../src/feedback/sync.js';
import { defaultFeedbackConfig } from '../../src/feedback/config.js';
import { runRules } from '../../src/rules/engine.js';
import { AS_OF, fixtureStore } from './fixture.js';
import { validate } from './json-schema.js';

const schemaPath = resolve(import.meta.dirname, '../../docs/report-schema.json');
let db: Db;
let dir: string;
let report: WeeklyReport;

beforeAll(async () => {
  ({ db, dir } = await fixtureStore());
  syncFeedback(db, defaultFeedbackConfig(), { now: `${AS_OF}T23:59:59`, appConfig: defaultConfig() });
  runRules(db, defaultConfig(), AS_OF, { now: `${AS_OF}T23:59:59` });
  report = buildWeeklyReport(db, { asOf: AS_OF, lang: 'en', config: defaultConfig(), now: new Date('2025-03-17T08:00:00Z') });
});
afterAll(() => db.close());

describe('JSON output and its documented schema', () => {
  it('docs/report-schema.json is the schema the code generates', () => {
    const generated = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA) writeFileSync(schemaPath, generated);
    expect(readFileSync(schemaPath, 'utf8'), 'regenerate with UPDATE_SCHEMA=1 npx vitest run test/report/formats.test.ts').toBe(generated);
  });

  it('the written JSON validates against docs/report-schema.json', async () => {
    const path = join(dir, 'report.json');
    await writeReport(report, path, 'json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
    const written = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(validate(schema, written)).toEqual([]);
    expect(written.asOf).toBe(AS_OF);
    expect((written.orders as WeeklyReport['orders']).revenueCents.current).toBe(50000);
  });

  it('the validator rejects a report that breaks the schema', () => {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
    const broken = JSON.parse(JSON.stringify(report)) as { orders: { orders: Record<string, unknown> } };
    broken.orders.orders.current = 'two';
    delete broken.week;
    broken.surprise = true;
    broken.asOf = '16/03/2025';
    const errors = validate(schema, broken);
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringContaining('$.orders.orders.current'),
      '$: missing week',
      '$: unexpected property surprise',
      expect.stringContaining('$.asOf: does not match'),
    ]));
  });
});

describe('XLSX output', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const path = join(dir, 'report.xlsx');
    await writeReport(report, path, 'xlsx');
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
  });

  it('has a summary sheet and one sheet per table, each with a styled, frozen, filterable header', () => {
    const names = workbook.worksheets.map((s) => s.name);
    expect(names[0]).toBe('Summary');
    expect(names).toEqual(expect.arrayContaining(['Orders and revenue last 12 week', 'Value tiers Value tier', 'Tier migration', 'Churn warnings', 'Top pain points', 'Feedback alerts', 'Follow-up tasks', 'Notes']));
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
      expect(sheet.getRow(1).getCell(1).font?.bold, sheet.name).toBe(true);
    }
  });

  it('writes typed cells: numbers, money in yuan, percentages, dates, booleans', () => {
    const summary = workbook.getWorksheet('Summary')!;
    const rows = summary.getSheetValues().filter(Boolean) as unknown[][];
    const revenue = rows.find((r) => r[2] === 'Revenue')!;
    expect(revenue[3]).toBe(500);
    expect(revenue[4]).toBe(130);
    expect(summary.getCell(`C${rows.indexOf(revenue) + 1}`).numFmt).toBe('#,##0.00');
    const nps = rows.find((r) => r[2] === 'NPS')!;
    expect(nps[3]).toBe(25);
    const trend = workbook.getWorksheet('Orders and revenue last 12 week')!;
    const last = trend.getRow(trend.rowCount);
    expect(last.getCell(1).value).toBe('2025-W11');
    expect(last.getCell(2).value).toBeInstanceOf(Date);
    expect((last.getCell(2).value as Date).toISOString().slice(0, 10)).toBe('2025-03-10');
    expect(last.getCell(5).value).toBe(500);
    const alerts = workbook.getWorksheet('Feedback alerts')!;
    const header = (alerts.getRow(1).values as unknown[]).slice(1);
    expect(alerts.getRow(2).getCell(header.indexOf('Overdue') + 1).value).toBe(true);
    // the key figures of status --kpi: rates as fractions formatted as percentages, CLV per tier in yuan
    const repurchase = rows.find((r) => r[2] === 'Repurchase rate')!;
    expect(repurchase.slice(1, 5)).toEqual(['Key figures', 'Repurchase rate', 0.4, 0.25]);
    expect(summary.getCell(`C${rows.indexOf(repurchase) + 1}`).numFmt).toBe('0.0%');
    expect(rows.find((r) => r[2] === 'SLA attainment')![3]).toBeUndefined(); // no tickets: an empty cell, not 0
    const clv = workbook.getWorksheet('Key figures CLV by value tier')!;
    expect((clv.getRow(1).values as unknown[]).slice(1)).toEqual(['Tier', 'Customers', 'CLV', 'Last week']);
    expect(clv.getColumn(1).values.slice(2)).toEqual(['Strategic', 'Key', 'Regular']);
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    const churn = workbook.getWorksheet('Churn warnings')!;
    const header = (churn.getRow(1).values as unknown[]).slice(1);
    const name = churn.getRow(2).getCell(header.indexOf('Customer') + 1);
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe(`'=cmd|' /C calc'!A0`);
  });
});

describe('Markdown, HTML and terminal output', () => {
  it('Markdown has a headline table per section with the change', () => {
    const md = renderMarkdown(presentReport(report));
    expect(md).toMatch(/^# Customer operations weekly report/);
    expect(md).toContain('| Metric | This week | Last week | Change |');
    expect(md).toContain('| Revenue | ¥500.00 | ¥130.00 | ▲ +¥370.00 (+284.6%) |');
    expect(md).toContain('| NPS (n=4');
    // a pipe inside a value does not break the table
    expect(md).toContain("=cmd\\|' /C calc'!A0");
  });

  it('HTML is one self-contained, escaped page with a chart per chart spec', () => {
    const hostile = JSON.parse(JSON.stringify(report)) as WeeklyReport;
    hostile.churn.rows[0].name = '<script>alert(1)</script>';
    hostile.tiers.title = 'A & B "tiers"';
    const html = renderHtml(presentReport(hostile));
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('A &amp; B &quot;tiers&quot;');
    expect(html.match(/<svg /g)?.length).toBe(presentReport(hostile).sections.reduce((n, s) => n + s.charts.length, 0));
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain('@media print');
    expect(html).toContain('<meta name="viewport"');
  });

  it('Chinese report uses Chinese words throughout', () => {
    const zh = buildWeeklyReport(db, { asOf: AS_OF, lang: 'zh', config: defaultConfig() });
    const text = renderTerminal(presentReport(zh), { color: false });
    expect(text).toContain('客户运营周报');
    expect(text).toContain('销售额');
    expect(text).toContain('¥500.00');
    expect(text).not.toContain('This week');
  });

  it('does not repeat a section heading as its only table title', () => {
    const en = buildWeeklyReport(db, { asOf: AS_OF, lang: 'en', config: defaultConfig() });
    const text = renderTerminal(presentReport(en), { color: false });
    expect(text).toContain('Value tiers\n');
    expect(text).not.toMatch(/Value tiers\nValue tier\n/);
  });
});
