import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { errorMessages } from '../../src/output/messages/errors.js';
import { rejectReason } from '../../src/store/rejects.js';
import { runBin, tempDir } from '../helpers/bin.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error catalogue', () => {
  it('has every message in both languages, with the same placeholders', () => {
    expect(Object.keys(errorMessages.zh).sort()).toEqual(Object.keys(errorMessages.en).sort());
    for (const [key, en] of Object.entries(errorMessages.en)) expect([key, placeholders(errorMessages.zh[key])]).toEqual([key, placeholders(en)]);
  });

  it('raises the English text and prints the user language', () => {
    const err = InputError.of('xlsx.noSheet', { path: 'a.xlsx', sheet: '客户', sheets: '"Sheet1"' });
    expect(err.message).toBe('a.xlsx has no sheet named "客户"; its sheets are: "Sheet1"');
    expect(err.hint).toBe('pass one of these names to --sheet');
    expect(err.localised('zh')).toEqual({ message: 'a.xlsx 中没有名为“客户”的工作表；现有工作表："Sheet1"', hint: '用 --sheet 指定其中一个名称' });
    expect(UsageError.of('where.empty').localised('en')).toEqual({ message: '--where is empty', hint: errorMessages.en['where.empty.hint'] });
    // a hint given by the raiser wins over the catalogue's
    expect(InputError.of('snapshots.none', { model: 'rfm' }, 'save one first').localised('zh')).toEqual({ message: '没有已保存的 rfm 快照', hint: 'save one first' });
  });
});

describe('errors from the bin', () => {
  it('speaks Chinese with --lang zh and English with --lang en', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'exports'));
    const zh = runBin(['--lang', 'zh', '--db', join(dir, 's.db'), 'ingest', join(dir, 'exports')]);
    expect(zh.code).toBe(2);
    expect(zh.stderr.trim()).toBe(`custops: 错误: ${join(dir, 'exports')} 是文件夹，不是文件 (提示: 请传入 .csv、.txt 或 .xlsx 文件)`);
    const en = runBin(['--lang', 'en', '--db', join(dir, 's.db'), 'ingest', join(dir, 'exports')]);
    expect(en.code).toBe(2);
    expect(en.stderr.trim()).toBe(`custops: error: ${join(dir, 'exports')} is a folder, not a file (hint: pass a .csv, .txt or .xlsx file)`);
  });
});

describe('rejection reasons', () => {
  it('reads every reason ingest stores in Chinese, and leaves English as stored', () => {
    const cases: [string, string][] = [
      ['row has 3 fields, header has 8', '该行有 3 个字段，表头有 8 个'],
      ['order date is missing', '缺少下单日期'],
      ['amount is missing', '缺少金额'],
      ['cannot read the date "2025-02-30"', '无法识别日期“2025-02-30”'],
      ['cannot read the amount "面议"', '无法识别金额“面议”'],
      ['cannot read the time "yesterday"', '无法识别时间“yesterday”'],
      ['"11" is not a valid NPS score', '“11”不是有效的 NPS 分数'],
      ['no score and no comment', '既无评分也无评论'],
      ['opening time is missing', '缺少开单时间'],
      ['no name, code, phone, e-mail or company', '没有姓名、编号、电话、邮箱或公司'],
      ['summary row "合计", not a record', '汇总行“合计”，不是记录'],
      ['note below the table "制表人：张三", not a record', '表格下方的备注“制表人：张三”，不是记录'],
      ['cannot read the amount from unit price "abc" × quantity "2"', '无法由单价“abc”×数量“2”算出金额'],
    ];
    for (const [en, zh] of cases) {
      expect(rejectReason('zh', en)).toBe(zh);
      expect(rejectReason('en', en)).toBe(en);
    }
    expect(rejectReason('zh', 'something new')).toBe('something new');
  });
});
