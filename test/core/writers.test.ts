import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { formatFromPath, neutraliseFormula, openTabularWriter } from '../../src/output/writers.js';
import type { Column } from '../../src/output/columns.js';

const dir = mkdtempSync(join(tmpdir(), 'custops-writers-'));
const columns: Column[] = [
  { key: 'name', header: '姓名' },
  { key: 'amount', header: '金额', type: 'money' },
  { key: 'day', header: '日期', type: 'date' },
];
const rows = [
  { name: '张伟', amount: 123450, day: '2025-03-05' },
  { name: '=HYPERLINK("http://x")', amount: -500, day: null },
];

async function write(path: string, options: Parameters<typeof openTabularWriter>[2]): Promise<void> {
  const w = await openTabularWriter(path, columns, options);
  for (const r of rows) await w.write(r);
  await w.close();
}

describe('tabular writers', () => {
  it('neutralises spreadsheet formulas', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('+86 138')).toBe("'+86 138");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('张伟')).toBe('张伟');
  });

  it('writes CSV in UTF-8 with a BOM, money in yuan, formulas escaped', async () => {
    const path = join(dir, 'a.csv');
    await write(path, { format: 'csv' });
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')).toEqual(['姓名,金额,日期', '张伟,1234.5,2025-03-05', `"'=HYPERLINK(""http://x"")",-5,`, '']);
  });

  it('writes GBK CSV without a BOM when asked', async () => {
    const path = join(dir, 'gbk.csv');
    await write(path, { format: 'csv', encoding: 'gbk' });
    expect(iconv.decode(readFileSync(path), 'gbk').split('\r\n')[1]).toBe('张伟,1234.5,2025-03-05');
  });

  it('writes typed XLSX with a frozen, filtered header row', async () => {
    const path = join(dir, 'a.xlsx');
    await write(path, { format: 'xlsx', sheetName: 'customers' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('customers')!;
    expect(ws.getRow(1).values).toEqual([undefined, '姓名', '金额', '日期']);
    expect(ws.getCell('B2').value).toBe(1234.5);
    expect(ws.getCell('C2').value).toEqual(new Date('2025-03-05T00:00:00Z'));
    expect(ws.getCell('A3').value).toBe(`'=HYPERLINK("http://x")`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
  });

  it('writes JSON arrays and JSON lines keeping money as exact integer cents', async () => {
    await write(join(dir, 'a.json'), { format: 'json' });
    expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'))[0]).toEqual({ name: '张伟', amount: 123450, day: '2025-03-05' });
    await write(join(dir, 'a.jsonl'), { format: 'jsonl' });
    expect(readFileSync(join(dir, 'a.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('takes the format from the file extension', () => {
    expect(formatFromPath('x.XLSX')).toBe('xlsx');
    expect(formatFromPath('x.ndjson')).toBe('jsonl');
    expect(() => formatFromPath('x.doc')).toThrow(/output format/);
  });
});
