import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import ExcelJS from 'exceljs';
import { openTables, type RawRow, type ReadOptions, type TableSource } from '../../src/ingest/readers/index.js';
import { openStreamed } from '../../src/ingest/readers/xlsx.js';
import { makeFixtures, scatteredWorkbook, workbookLast, type Fixtures } from './make-fixtures.js';


let dir: string;
let fx: Fixtures;
let savedTz: string | undefined;

beforeAll(async () => {
  // Date cells must not shift with the machine's time zone.
  savedTz = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai';
  dir = mkdtempSync(join(tmpdir(), 'custops-readers-xlsx-'));
  fx = await makeFixtures(dir);
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
  rmSync(dir, { recursive: true, force: true });
});

async function all(table: TableSource): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return rows;
}

// Small workbooks are loaded whole, large ones streamed: both paths must read the same values.
const modes: [string, (path: string, options?: ReadOptions) => Promise<TableSource[]>][] = [
  ['loaded', (path, options) => openTables(path, options)],
  ['streamed', (path, options) => openStreamed(path, options ?? {})],
];

describe.each(modes)('xlsx workbook (%s)', (_mode, openTables) => {
  it('gives one table per non-empty sheet, in tab order', async () => {
    const tables = await openTables(fx.workbook);
    expect(tables.map((t) => t.sheet)).toEqual(['客户', 'Orders', 'Notes']);
    expect(tables.every((t) => t.format === 'xlsx' && t.encoding === undefined)).toBe(true);
  });

  it('finds the header under a merged title row and fills merged ranges', async () => {
    const [customers] = await openTables(fx.workbook, { sheet: '客户' });
    expect(customers.headerLine).toBe(3);
    expect(customers.preambleLines).toBe(1);
    expect(customers.headers).toEqual(['区域', '客户名称', '注册日期', '年收入', '编号', '官网']);
    const rows = await all(customers);
    expect(rows.map((r) => r.line)).toEqual([4, 5, 6]);
    // the region merged over A4:A6 is copied into every row
    expect(rows.map((r) => r.cells[0])).toEqual(['华东', '华东', '华东']);
  });

  it('turns dates into ISO text, and numbers into plain decimals', async () => {
    const [customers] = await openTables(fx.workbook, { sheet: '客户' });
    const rows = await all(customers);
    expect(rows[0].cells).toEqual(['华东', '上海新元科技有限公司', '2024-03-05', '1234.5', '000123', '新元官网']);
    expect(rows[1].cells).toEqual(['华东', '杭州云帆贸易有限公司', '2023-12-31', '0.3', '000007', '云帆贸易']);
    expect(rows[2].cells).toEqual(['华东', '南京长江物流有限公司', '2024-01-15T14:30:05', '1000000000000000000000', '045678', '']);
  });

  it('reads formulas as their cached result, booleans and errors as text', async () => {
    const [orders] = await openTables(fx.workbook, { sheet: 'Orders' });
    expect(orders.headerLine).toBe(1);
    expect(orders.preambleLines).toBe(0);
    expect(orders.headers).toEqual(['Order No', 'Order Date', 'Qty', 'Price', 'Total', 'Paid', 'Check']);
    const rows = await all(orders);
    expect(rows[0]).toEqual({ line: 2, cells: ['A-1', '2024-05-01', '2', '9.99', '19.98', 'TRUE', '#N/A'] });
    expect(rows[1].cells).toEqual(['A-2', '2024-05-02', '3', '0.5', '1.5', 'FALSE', 'ok']);
    // a row shorter than the table is padded; a percentage keeps its value
    expect(rows[3]).toEqual({ line: 5, cells: ['', '', '0.25', '', '', '', ''] });
  });

  it('matches --sheet loosely and lists the sheets when it is missing', async () => {
    const [notes] = await openTables(fx.workbook, { sheet: ' notes ' });
    expect(notes.sheet).toBe('Notes');
    expect(await all(notes)).toEqual([{ line: 2, cells: ['source', 'crm'] }]);
    const error = await openTables(fx.workbook, { sheet: '订单' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${fx.workbook} has no sheet named "订单"; its sheets are: "客户", "Orders", "空白", "Notes"`);
  });

  it('reads an Excel/WPS-style file: built-in Chinese date formats, inline strings, merged range', async () => {
    const [sales] = await openTables(fx.chineseExcel);
    expect(sales.sheet).toBe('销售');
    expect(sales.headers).toEqual(['客户', '下单日期', '生日', '登记时间']);
    expect(await all(sales)).toEqual([
      { line: 2, cells: ['张三', '2024-03-05', '2024-03-05', '2024-03-05T12:00:00'] },
      { line: 3, cells: ['李四', '2024-01-01', '2024-01-01', '2024-01-01T06:00:00'] },
      { line: 4, cells: ['李四', '2024-01-02', '2024-01-02', '2024-01-02'] },
    ]);
  });

  it('returns a chosen empty sheet with no headers and no rows', async () => {
    const [empty] = await openTables(fx.workbook, { sheet: '空白' });
    expect(empty.headers).toEqual([]);
    expect(empty.headerLine).toBe(0);
    expect(await all(empty)).toEqual([]);
  });
});

describe('streaming reader', () => {
  it('keeps Chinese text intact across zip chunk boundaries', async () => {
    const path = join(dir, 'many-chinese.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['编号', '客户名称', '地址']);
    for (let i = 1; i <= 1000; i++) sheet.addRow([i, `深圳市前海微众科技有限公司第${i}分部`, `广东省深圳市南山区粤海街道科技园第${i}栋`]);
    await workbook.xlsx.writeFile(path);
    const [streamed] = await openStreamed(path, {});
    const [loaded] = await openTables(path);
    const streamedRows = await all(streamed);
    expect(streamed.sheet).toBe('名单');
    expect(streamedRows).toHaveLength(1000); // unpatched exceljs garbles 3 cells of these
    expect(streamedRows.filter((r) => r.cells.join('').includes('\ufffd'))).toEqual([]);
    expect(streamedRows).toEqual(await all(loaded));
    expect(streamedRows[999]).toEqual({ line: 1001, cells: ['1000', '深圳市前海微众科技有限公司第1000分部', '广东省深圳市南山区粤海街道科技园第1000栋'] });
  });
});

describe('shared strings between the two passes', () => {
  it('reuses a workbook\'s strings only for the same content: a file replaced at the same path is read anew', async () => {
    const path = join(dir, 'replaced.xlsx');
    const write = async (names: string[]): Promise<void> => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('名单');
      sheet.addRow(['客户名称', '城市']);
      for (const name of names) sheet.addRow([name, '深圳']);
      await workbook.xlsx.writeFile(path);
    };
    await write(['张伟', '李娜']);
    const [first] = await openStreamed(path, {});
    expect((await all(first)).map((r) => r.cells[0])).toEqual(['张伟', '李娜']);
    await write(['王芳', '赵磊']);
    const [second] = await openStreamed(path, {});
    expect((await all(second)).map((r) => r.cells[0])).toEqual(['王芳', '赵磊']);
  });
});

describe('files that are not readable spreadsheets', () => {
  it('explains a password-protected xlsx', async () => {
    const error = await openTables(fx.encrypted).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`${fx.encrypted} is password-protected (encrypted) and cannot be read`);
    expect((error as InputError).hint).toMatch(/remove the password/);
  });

  it('explains an old .xls', async () => {
    const error = await openTables(fx.oldXls).catch((e: unknown) => e);
    expect((error as InputError).message).toBe(`${fx.oldXls} is an old Excel 97–2003 .xls file, which custops cannot read`);
    expect((error as InputError).hint).toMatch(/save it as \.xlsx or CSV/);
  });

  it('explains a corrupt xlsx', async () => {
    const error = await openTables(fx.corrupt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(new RegExp(`^${fx.corrupt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a readable \\.xlsx file`));
  });
});

describe('xlsx laid out with the workbook part last', () => {
  // exceljs's streaming reader names sheets from xl/workbook.xml; read before it, a sheet crashed it
  it('reads the sheet, by its name, in both readers', async () => {
    const path = join(dir, 'workbook-last.xlsx');
    const data = Array.from({ length: 5000 }, (_, i) => [`C${i + 1}`, `张伟${i + 1}`]);
    workbookLast(path, '客户名单', [['客户编号', '姓名'], ...data]);
    for (const tables of [await openTables(path, { sheet: '客户名单' }), await openStreamed(path, { sheet: '客户名单' })]) {
      expect(tables.map((t) => t.sheet)).toEqual(['客户名单']);
      expect(tables[0].headers).toEqual(['客户编号', '姓名']);
      const rows = (await all(tables[0])).map((r) => r.cells);
      expect(rows).toHaveLength(5000);
      expect(rows.slice(0, 2)).toEqual([['C1', '张伟1'], ['C2', '张伟2']]);
    }
  });
});

describe('xlsx zipped out of order', () => {
  it('reads every sheet in tab order, by name, parts addressed by any target', async () => {
    const path = join(dir, 'scattered.xlsx');
    scatteredWorkbook(path);
    for (const tables of [await openTables(path), await openStreamed(path, {})]) {
      expect(tables.map((t) => t.sheet)).toEqual(['第二', '第一']);
      expect(await Promise.all(tables.map(async (t) => (await all(t)).map((r) => r.cells)))).toEqual([[['B1', '李四']], [['A1', '张三']]]);
    }
  });
});

describe('streaming reader and a slow disk', () => {
  // exceljs's own streaming reader parks a sheet that comes before the shared strings in a temporary file.
  // While that file was slow to finish, the zip parser ran ahead to the end and signalled 'end' with
  // entries still unread, which exceljs then dropped: xl/workbook.xml (every sheet named Sheet1…) or whole
  // sheets. Parts are now read where they lie in the zip, so such timing cannot matter.
  it('reads every sheet by name while temporary files are slow to finish', async () => {
    const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
    const original = fs.createWriteStream;
    fs.createWriteStream = ((...args: Parameters<typeof original>) => {
      const stream = original(...args);
      const emit = stream.emit.bind(stream);
      stream.emit = ((event: string, ...rest: unknown[]) => {
        if (event !== 'finish') return emit(event, ...rest);
        setTimeout(() => emit(event, ...rest), 30);
        return true;
      }) as typeof stream.emit;
      return stream;
    }) as typeof original;
    try {
      const tables = await openStreamed(fx.workbook, {});
      expect(tables.map((t) => t.sheet)).toEqual(['客户', 'Orders', 'Notes']);
      expect(await all(tables[2])).toEqual([{ line: 2, cells: ['source', 'crm'] }]);
    } finally {
      fs.createWriteStream = original;
    }
  });
});
