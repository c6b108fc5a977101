// Writes the small, deliberately messy files the reader tests use. Tests call makeFixtures() on a
// temporary folder; fixtures/readers/ holds a copy made by the same function (see README there).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** A Chinese Windows export: GBK, CRLF, Chinese headers. */
const GBK_CUSTOMERS = [
  '客户编号,客户名称,手机号码,省份,城市,注册日期,备注',
  'C001,张三,13800138000,广东省,深圳市,2024-01-05,老客户',
  'C002,李四,13900139000,浙江省,杭州市,2024-02-11,"地址：西湖区文三路,近学院路"',
  'C003,王五,13700137000,北京市,北京市,2024-03-20,',
  'C004,赵六,13600136000,四川省,成都市,2024-04-01,推荐人：张三',
].join('\r\n') + '\r\n';

/** Traditional Chinese in Big5, as Taiwanese or Hong Kong systems export. */
const BIG5_CUSTOMERS = [
  '客戶編號,姓名,電話,地址',
  'T001,陳大文,0912345678,臺北市中正區',
  'T002,黃美玲,0922333444,高雄市前鎮區',
  'T003,張志明,0933555666,臺中市西屯區',
].join('\r\n') + '\r\n';

const QUOTED = [
  'id,name,comment,amount',
  '1,Alice,"plain",10',
  '2,Bob,"two',
  'lines, with comma",20',
  '3,"Carol ""CJ"" Jones","three\r\nlines\r\nhere",30',
  '4,Dave,,40',
].join('\n') + '\n';

const BLANK_LINES = ['', 'id,name', '', '1,a', ',', '', '2,b', '   ', ',,', '3,c', '', ''].join('\n');

const RAGGED = [
  'id,name,city',
  '1,Ann,Paris',
  '2,Ben',
  '3,Cid,Rome,extra,more',
  '4,Di"ana,Oslo',
  '5,"Eve" x,Bern',
  '6,Fay,"unterminated',
  '7,Gus,Nice',
].join('\n') + '\n';

const TITLE_ROWS = [
  '2024年第一季度客户名单',
  '导出时间：2024-04-01 09:30,,,',
  ',,,',
  '客户编号,姓名,手机,城市',
  'C101,周杰,13511112222,上海',
  'C102,吴敏,13622223333,南京',
].join('\n') + '\n';

/** Space-aligned, headerless, like CDNOW_master.txt without its header line. */
const SPACE_ALIGNED = [' 00001 19970101  1   11.77', ' 00002 19970112  1   12.00', ' 00002 19970112  5   77.00', ' 00003 19970102  2   20.76'].join('\r\n') + '\r\n';

function oleFile(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // 512-byte sectors
  header.writeUInt16LE(6, 0x20); // 64-byte mini sectors
  header.writeUInt32LE(0, 0x30); // first directory sector
  const directory = Buffer.alloc(512);
  ['Root Entry', ...streamNames].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    directory.write(name, at, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    directory[at + 0x42] = i === 0 ? 5 : 2; // root storage, then streams
  });
  return Buffer.concat([header, directory, Buffer.alloc(1024, 0x5a)]);
}

/** A zip with its entries in the given order, stored or deflated: enough to hand-write an .xlsx the way other programs do. */
function handZip(entries: [string, string][], deflate = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const plain = Buffer.from(text, 'utf8');
    const data = deflate ? deflateRawSync(plain) : plain;
    const fileName = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc32(plain), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(plain.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc32(plain), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(plain.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * An .xlsx as Chinese Excel or WPS writes it, not as exceljs does: built-in Chinese date formats
 * (numFmtId 31 = yyyy"年"m"月"d"日", 58 = m"月"d"日") that exceljs does not know, inline strings,
 * no shared strings, and a merged range written after the rows.
 */
function chineseExcelWorkbook(): Buffer {
  const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const number = (ref: string, style: number, value: number) => `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
  const sheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN_NS}"><sheetData>` +
    `<row r="1">${inline('A1', '客户')}${inline('B1', '下单日期')}${inline('C1', '生日')}${inline('D1', '登记时间')}</row>` +
    `<row r="2">${inline('A2', '张三')}${number('B2', 1, 45356)}${number('C2', 2, 45356)}${number('D2', 3, 45356.5)}</row>` +
    `<row r="3">${inline('A3', '李四')}${number('B3', 1, 45292)}${number('C3', 2, 45292)}${number('D3', 3, 45292.25)}</row>` +
    `<row r="4"><c r="A4" s="0"/>${number('B4', 1, 45293)}${number('C4', 2, 45293)}${number('D4', 3, 45293)}</row>` +
    `</sheetData><mergeCells count="1"><mergeCell ref="A3:A4"/></mergeCells></worksheet>`;
  const xf = (numFmtId: number) => `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
  const styles =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${MAIN_NS}">` +
    `<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>` +
    `<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="4">${xf(0)}${xf(31)}${xf(58)}${xf(14)}</cellXfs></styleSheet>`;
  return handZip([
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ],
    ['_rels/.rels', `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="销售" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', styles],
    ['xl/worksheets/sheet1.xml', sheet],
  ]);
}

async function writeWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();

  const customers = workbook.addWorksheet('客户');
  customers.getCell('A1').value = '华东区客户名单（2024年）';
  customers.mergeCells('A1:F1');
  customers.addRow([]); // row 2: blank under the title
  customers.getRow(3).values = ['区域', '客户名称', '注册日期', '年收入', '编号', '官网'];
  const rows: [string, Date, number, number][] = [
    ['上海新元科技有限公司', new Date(Date.UTC(2024, 2, 5)), 1234.5, 123],
    ['杭州云帆贸易有限公司', new Date(Date.UTC(2023, 11, 31)), 0.1 + 0.2, 7],
    ['南京长江物流有限公司', new Date(Date.UTC(2024, 0, 15, 14, 30, 5)), 1e21, 45678],
  ];
  rows.forEach(([name, date, revenue, code], i) => {
    const row = customers.getRow(4 + i);
    row.getCell(2).value = name;
    row.getCell(3).value = date;
    row.getCell(3).numFmt = i === 2 ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy"年"m"月"d"日"';
    row.getCell(4).value = revenue;
    row.getCell(4).numFmt = '#,##0.00';
    row.getCell(5).value = code;
    row.getCell(5).numFmt = '000000';
  });
  customers.getCell('A4').value = '华东';
  customers.mergeCells('A4:A6'); // the region spans the three customers
  customers.getCell('F4').value = { text: '新元官网', hyperlink: 'https://example.com/xinyuan' };
  customers.getCell('F5').value = { richText: [{ text: '云帆', font: { bold: true } }, { text: '贸易' }] };
  customers.getRow(9).values = []; // trailing empty rows and styled cells are ignored
  customers.getCell('H12').numFmt = '0.00';

  const orders = workbook.addWorksheet('Orders');
  orders.addRow(['Order No', 'Order Date', 'Qty', 'Price', 'Total', 'Paid', 'Check']);
  orders.addRow(['A-1', new Date(Date.UTC(2024, 4, 1)), 2, 9.99, { formula: 'C2*D2', result: 19.98 }, true, { error: '#N/A' }]);
  orders.addRow(['A-2', new Date(Date.UTC(2024, 4, 2)), 3, 0.5, { formula: 'C3*D3', result: 1.5 }, false, 'ok']);
  orders.addRow(['A-3', new Date(Date.UTC(2024, 4, 3)), 1, 12, { formula: 'C4*D4', result: 12 }, true, 'ok']);
  orders.getColumn(2).numFmt = 'yyyy-mm-dd';
  orders.getCell('C5').value = 0.25;
  orders.getCell('C5').numFmt = '0%';

  workbook.addWorksheet('空白');

  const notes = workbook.addWorksheet('Notes');
  notes.addRow(['Key', 'Value']);
  notes.addRow(['source', 'crm']);

  await workbook.xlsx.writeFile(path);
}

/** A one-sheet workbook named `sheet` whose xl/workbook.xml comes last, after the sheet and the shared strings (deflated, as real writers do). */
export function workbookLast(path: string, sheet: string, rows: string[][]): void {
  const strings = [...new Set(rows.flat())];
  const col = (i: number): string => String.fromCharCode(65 + i);
  const sheetXml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>${rows
    .map((r, y) => `<row r="${y + 1}">${r.map((v, x) => `<c r="${col(x)}${y + 1}" t="s"><v>${strings.indexOf(v)}</v></c>`).join('')}</row>`)
    .join('')}</sheetData></worksheet>`;
  writeFileSync(path, handZip([
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`],
    ['xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`],
    ['xl/worksheets/sheet1.xml', sheetXml],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
  ], true));
}

/**
 * A two-sheet workbook zipped in the least convenient order: both sheets, then the shared strings, the
 * relationships and xl/workbook.xml last. The tab order (第二 before 第一) differs from the zip order,
 * and one sheet part is addressed by an absolute target, as some writers do.
 */
export function scatteredWorkbook(path: string): void {
  const strings = ['编号', '姓名', 'A1', '张三', 'B1', '李四'];
  const cell = (ref: string, text: string) => `<c r="${ref}" t="s"><v>${strings.indexOf(text)}</v></c>`;
  const sheet = (rows: string[][]) =>
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>${rows
      .map((r, y) => `<row r="${y + 1}">${r.map((v, x) => cell(`${String.fromCharCode(65 + x)}${y + 1}`, v)).join('')}</row>`)
      .join('')}</sheetData></worksheet>`;
  writeFileSync(path, handZip([
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`],
    ['_rels/.rels', `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', sheet([['编号', '姓名'], ['A1', '张三']])],
    ['xl/worksheets/sheet2.xml', sheet([['编号', '姓名'], ['B1', '李四']])],
    ['xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`],
    ['xl/_rels/workbook.xml.rels', `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`],
    ['xl/workbook.xml', `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="第二" sheetId="2" r:id="rId2"/><sheet name="第一" sheetId="1" r:id="rId1"/></sheets></workbook>`],
  ], true));
}

/** Writes every reader fixture into `dir` and returns their paths. */
export async function makeFixtures(dir: string) {
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => join(dir, name);
  const paths = {
    gbk: file('gbk-customers.csv'),
    big5: file('big5-customers.csv'),
    utf8Bom: file('utf8-bom.csv'),
    utf16: file('utf16le-bom.txt'),
    semicolon: file('semicolon.csv'),
    tab: file('tab.tsv'),
    pipe: file('pipe.txt'),
    quoted: file('quoted-newlines.csv'),
    blankLines: file('blank-lines.csv'),
    ragged: file('ragged.csv'),
    titleRows: file('title-rows.csv'),
    spaceAligned: file('space-aligned.txt'),
    lateChinese: file('late-chinese-gbk.csv'),
    binary: file('binary.csv'),
    html: file('html-export.xls'),
    workbook: file('workbook.xlsx'),
    chineseExcel: file('chinese-excel.xlsx'),
    encrypted: file('encrypted.xlsx'),
    oldXls: file('old-format.xls'),
    corrupt: file('corrupt.xlsx'),
  };
  writeFileSync(paths.gbk, iconv.encode(GBK_CUSTOMERS, 'gbk'));
  writeFileSync(paths.big5, iconv.encode(BIG5_CUSTOMERS, 'big5'));
  writeFileSync(paths.utf8Bom, '\ufeffCustomer ID,Name,Email\n1,Zoë Smith,zoe@example.com\n2,José Díaz,jose@example.com\n');
  writeFileSync(paths.utf16, iconv.encode('\ufeff客户编号\t姓名\t城市\r\nC1\t刘洋\t武汉\r\nC2\t陈晨\t西安\r\n', 'utf16le'));
  writeFileSync(paths.semicolon, 'id;name;amount\n1;Anna;1,50\n2;Jörg;2,75\n3;"Li; Wei";3,00\n');
  writeFileSync(paths.tab, 'id\tname\tnote\n1\tAnna\ta, b, c\n2\tBo\td; e\n');
  writeFileSync(paths.pipe, 'id|name|city\n1|Anna|Wien\n2|Bo|Graz\n');
  writeFileSync(paths.quoted, QUOTED);
  writeFileSync(paths.blankLines, BLANK_LINES);
  writeFileSync(paths.ragged, RAGGED);
  writeFileSync(paths.titleRows, TITLE_ROWS);
  writeFileSync(paths.spaceAligned, SPACE_ALIGNED);
  // ASCII for the first 90 KB, Chinese (GBK) only further down: detection must look past the start.
  const asciiRows = Array.from({ length: 2500 }, (_, i) => `${i + 1},customer ${i + 1},13800000000`).join('\n');
  writeFileSync(paths.lateChinese, iconv.encode(`id,name,phone\n${asciiRows}\n2501,欧阳娜娜,13900000000\n2502,司马光,13700000000\n`, 'gbk'));
  writeFileSync(paths.binary, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 37) % 256)));
  writeFileSync(paths.html, '<html><head><meta charset="utf-8"></head><body><table><tr><td>客户</td></tr></table></body></html>');
  await writeWorkbook(paths.workbook);
  writeFileSync(paths.chineseExcel, chineseExcelWorkbook());
  writeFileSync(paths.encrypted, oleFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']));
  writeFileSync(paths.oldXls, oleFile(['Workbook', '\u0005SummaryInformation']));
  writeFileSync(paths.corrupt, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 0x41)]));
  return paths;
}

export type Fixtures = Awaited<ReturnType<typeof makeFixtures>>;
