import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chooseHeader, normaliseHeaders } from '../../src/ingest/readers/header.js';
import {
  defaultHeaderScore,
  detectEncoding,
  isNumericLike,
  isProbablyBinary,
  parseDelimiterOption,
  sniffDelimiter,
} from '../../src/ingest/readers/index.js';
import { utf16WithoutBom } from '../../src/ingest/readers/encoding.js';
import { formatExcelDate, formatNumber } from '../../src/ingest/readers/xlsx-cells.js';

const rows = (...lines: string[][]) => lines.map((cells, i) => ({ line: i + 1, cells }));

describe('isProbablyBinary', () => {
  it('flags NUL bytes, control characters and container signatures', () => {
    expect(isProbablyBinary(Buffer.from('id,name\n1,a\u0000b\n'))).toBe(true);
    expect(isProbablyBinary(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe(true);
    expect(isProbablyBinary(Buffer.from('%PDF-1.7\n'))).toBe(true);
    expect(isProbablyBinary(Buffer.from('a\u0001b\u0002c\u0003d\u0004'.repeat(10)))).toBe(true);
  });

  it('accepts text in any encoding, including UTF-16 with its zero bytes', () => {
    expect(isProbablyBinary(Buffer.from('id,name\n1,张三\n'))).toBe(false);
    expect(isProbablyBinary(iconv.encode('客户,城市\r\n张三,北京\r\n', 'gbk'))).toBe(false);
    expect(isProbablyBinary(iconv.encode('\ufeffid\tname\r\n1\tAnn\r\n', 'utf16le'))).toBe(false);
    expect(isProbablyBinary(iconv.encode('id\tname\r\n1\tAnn\r\n2\tBen\r\n', 'utf16le'))).toBe(false);
    expect(isProbablyBinary(Buffer.alloc(0))).toBe(false);
  });
});

describe('detectEncoding', () => {
  it('tells UTF-8, GB18030 and Windows-1252 apart', () => {
    expect(detectEncoding(Buffer.from('name\nZoë\n'))).toMatchObject({ label: 'utf8' });
    expect(detectEncoding(Buffer.from('plain ascii\n'))).toEqual({ decoder: 'utf8', label: 'utf8', confidence: 1 });
    expect(detectEncoding(iconv.encode('姓名,城市\n张伟,上海\n王芳,广州\n', 'gbk'))).toMatchObject({ label: 'gb18030' });
    expect(detectEncoding(iconv.encode('name;city\nRené Müller;Köln\nJosé Núñez;Málaga\nFrançois;Besançon\n', 'win1252'))).toMatchObject({
      label: 'windows-1252',
    });
  });

  it('keeps a UTF-8 file with one broken byte as UTF-8', () => {
    const text = Buffer.from('名字,城市\n' + '张伟,上海\n'.repeat(30));
    const broken = Buffer.concat([text, Buffer.from([0xe5, 0x0a])]);
    expect(detectEncoding(broken)).toMatchObject({ decoder: 'utf8' });
  });

  it('sees UTF-16LE without a BOM', () => {
    expect(utf16WithoutBom(iconv.encode('id,name\r\n1,Ann\r\n', 'utf16le'))).toMatchObject({ label: 'utf16le' });
    expect(utf16WithoutBom(Buffer.from('id,name\r\n1,Ann\r\n'))).toBeUndefined();
  });
});

describe('delimiters', () => {
  it('picks the most consistent delimiter, ignoring quoted parts', () => {
    expect(sniffDelimiter('a,b,c\n1,"x;y;z",3\n2,q,4\n', true)).toBe(',');
    expect(sniffDelimiter('a;b;c\n1;"x,y,z";3\n2;q;4\n', true)).toBe(';');
    expect(sniffDelimiter('a|b\n1|2\n', true)).toBe('|');
    expect(sniffDelimiter('just one column\nper line\n', true)).toBe(',');
    expect(sniffDelimiter('  1  2  3\n  4  5  6\n  7  8  9\n', true)).toBe('whitespace');
  });

  it('reads --delimiter values', () => {
    expect(parseDelimiterOption('tab')).toBe('\t');
    expect(parseDelimiterOption('\\t')).toBe('\t');
    expect(parseDelimiterOption('\t')).toBe('\t');
    expect(parseDelimiterOption(';')).toBe(';');
    expect(parseDelimiterOption('space')).toBe('whitespace');
    expect(() => parseDelimiterOption('"')).toThrow(/unknown delimiter/);
  });
});

describe('headers', () => {
  it('counts non-empty, non-numeric cells', () => {
    expect(defaultHeaderScore(['客户编号', '金额', '', '2024-01-05', '¥1,234.50', '13800138000', '12.5万'])).toBe(2);
    expect(['1', '-3.5', '45%', '2025年3月5日', '09:30', '+86 138 0013 8000'].every(isNumericLike)).toBe(true);
    expect(['C001', '1月', 'Q1 2024', '张三'].some(isNumericLike)).toBe(false);
  });

  it('skips title rows and ragged data rows when choosing the header', () => {
    const title = rows(['Sales report'], ['id', 'name', 'city'], ['1', 'Ann', 'Paris'], ['2', 'Ben', 'Rome', 'x', 'y']);
    expect(chooseHeader(title, defaultHeaderScore)).toEqual({ index: 1 });
  });

  it('sees a file without a header', () => {
    // text-and-label rows like yelp_labelled.txt, and all-numeric rows like CDNOW_master.txt
    const labelled = rows(['Wow... Loved this place.', '1'], ['Crust is not good.', '0'], ['Not tasty.', '0']);
    expect(chooseHeader(labelled, defaultHeaderScore)).toEqual({ index: -1 });
    expect(chooseHeader(rows(['00001', '19970101', '1', '11.77'], ['00002', '19970112', '5', '77.00']), defaultHeaderScore)).toEqual({ index: -1 });
  });

  it('keeps a header whose labels are years', () => {
    expect(chooseHeader(rows(['region', '2023', '2024'], ['East', '5', '6'], ['West', '7', '8']), defaultHeaderScore)).toEqual({ index: 0 });
  });

  it('names empty headers col_<n> and numbers duplicates', () => {
    expect(normaliseHeaders(['\ufeff 客户\n名称 ', '', 'phone', 'phone', 'col_2', 'phone'], 8)).toEqual([
      '客户 名称',
      'col_2',
      'phone',
      'phone_2',
      'col_2_2',
      'phone_3',
      'col_7',
      'col_8',
    ]);
  });
});

describe('excel values', () => {
  it('writes numbers as plain decimals with at most 15 significant digits', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(-1.5e-8)).toBe('-0.000000015');
    expect(formatNumber(123456789012)).toBe('123456789012');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1234567890123456)).toBe('1234567890123460');
    expect(formatNumber(-1234.5678)).toBe('-1234.5678');
  });

  it('writes dates from their UTC fields, rounded to the second', () => {
    expect(formatExcelDate(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
    expect(formatExcelDate(new Date(Date.UTC(2024, 2, 5, 23, 59, 59, 700)))).toBe('2024-03-06');
    expect(formatExcelDate(new Date(Date.UTC(2024, 2, 5, 8, 5, 9)))).toBe('2024-03-05T08:05:09');
    expect(formatExcelDate(new Date(Date.UTC(1899, 11, 30, 13, 30)))).toBe('13:30:00');
  });
});
