import { describe, expect, it } from 'vitest';
import { defaultNormaliseOptions } from '../../src/clean/index.js';
import { RecordBuilder } from '../../src/ingest/build.js';
import { footerOf } from '../../src/ingest/footer.js';
import type { Kind } from '../../src/ingest/fields.js';
import { mapHeaders } from '../../src/ingest/mapping.js';

describe('footerOf', () => {
  it.each([
    [['合计', '', '', '1234'], 'summary', 0, '合计'],
    [['', '', '合计：', '300.00'], 'summary', 2, '合计：'],
    [['总计：300.00元', '', ''], 'summary', 0, '总计：300.00元'],
    [['小计', '3人'], 'summary', 0, '小计'],
    [['合 计', '', '88'], 'summary', 0, '合 计'],
    [['合計', '', '88'], 'summary', 0, '合計'],
    [['共 120 条记录', '', ''], 'summary', 0, '共 120 条记录'],
    [['Total', '', '4,567.00'], 'summary', 0, 'Total'],
    [['TOTAL:', '', '4,567.00'], 'summary', 0, 'TOTAL:'],
    [['Grand Total', '', '1'], 'summary', 0, 'Grand Total'],
    [['Subtotal 1,234', '', ''], 'summary', 0, 'Subtotal 1,234'],
    [['制表人：张三  日期：2024-05-01', '', '', ''], 'note', 0, '制表人：张三  日期：2024-05-01'],
    [['注：金额含税', '', '', ''], 'note', 0, '注：金额含税'],
    [[' 备注: 仅供内部使用', '', '', ''], 'note', 0, '备注: 仅供内部使用'],
    [['制表人：', '张三', '审核：', '李四', '', '', '', ''], 'note', 0, '制表人：'],
    [['Prepared by: Ann', '', ''], 'note', 0, 'Prepared by: Ann'],
  ])('%j is a %s row', (cells, kind, column, text) => {
    expect(footerOf(cells)).toEqual({ kind, column, text });
  });

  it.each([
    [['C001', '张三', '13812345678']],
    [['合计科技有限公司', '张三', '13812345678']],
    [['Total Wine & More', 'Ann', 'ann@example.com']],
    [['Totally Fresh Ltd', 'Ann', '']],
    [['Sum Yee', 'HK', '']],
    [['T001', 'Tom', '']],
    [['总经理', '王五', '']],
    // a record whose first cell reads like a note, but fills the row
    [['备注：老客户', '张三', '13812345678', 'a@qq.com']],
    [['', '', '']],
    [[]],
  ])('%j is a record', (cells) => {
    expect(footerOf(cells)).toBeNull();
  });
});

function builder(kind: Kind, headers: string[]) {
  return new RecordBuilder({ headers, format: 'xlsx' }, mapHeaders(headers, kind), defaultNormaliseOptions);
}

describe('RecordBuilder and rows that are not records', () => {
  it('rejects sum rows and notes below a customer list, with the column and a clear reason', () => {
    const b = builder('customers', ['客户编号', '姓名', '手机']);
    const built = [
      ['C001', '张三', '13812345678'],
      ['合计', '3人', ''],
      ['注：本表仅供内部使用'],
      ['2024-05-01'], // a lone cell after a note: part of it
    ].map((cells, i) => b.build({ line: i + 5, cells }));
    expect(built[0].record?.raw).toEqual({ customer_code: 'C001', name: '张三', phone: '13812345678' });
    expect(built.slice(1).map((r) => [r.reject?.column, r.reject?.reason])).toEqual([
      ['客户编号', 'summary row "合计", not a record'],
      ['客户编号', 'note below the table "注：本表仅供内部使用", not a record'],
      ['客户编号', 'note below the table "2024-05-01", not a record'],
    ]);
    expect(JSON.parse(built[1].reject!.original)).toEqual({ 客户编号: '合计', 姓名: '3人', 手机: '' });
  });

  it('keeps a one-cell row after a mid-table subtotal: only a note ends the table', () => {
    const b = builder('customers', ['区域', '姓名', '手机']);
    expect(b.build({ line: 2, cells: ['小计', '', ''] }).reject?.reason).toBe('summary row "小计", not a record');
    expect(b.build({ line: 3, cells: ['', '李四', ''] }).record?.raw.name).toBe('李四');
  });

  it('reads a placeholder amount or date as missing, not unreadable', () => {
    const b = builder('orders', ['订单号', '下单时间', '金额']);
    const reason = (cells: string[]) => b.build({ line: 2, cells }).reject?.reason;
    expect(reason(['SO1', '2024-05-06', '-'])).toBe('amount is missing');
    expect(reason(['SO1', '2024-05-06', '—'])).toBe('amount is missing');
    expect(reason(['SO1', '2024-05-06', '¥ -'])).toBe('amount is missing');
    expect(reason(['SO1', '无', '100'])).toBe('order date is missing');
    expect(reason(['SO1', '2024-05-06', '面议'])).toBe('cannot read the amount "面议"');
    expect(reason(['SO1', '2024-05-06', '¥(1,234.00)'])).toBeUndefined();
  });
});
