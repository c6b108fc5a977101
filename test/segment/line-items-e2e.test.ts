import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBin, tempDir } from '../helpers/bin.js';

// A line-item order export as UCI Online Retail ships it: no amount column, one row per product,
// the invoice number repeated, US dates, and a credit note (C-invoice, negative quantity).
function lineItemExport(dir: string): string {
  const rows = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
  let invoice = 536000;
  for (let c = 0; c < 60; c++) {
    for (let k = 0; k < 2; k++) {
      invoice++;
      for (let line = 0; line < 3; line++) rows.push(`${invoice},${85000 + line},ITEM ${line},${line + 1},12/${k + 1}/2010 8:26,${(1.5 * (line + 1)).toFixed(2)},${12000 + c},United Kingdom`);
    }
  }
  rows.push(`C${invoice + 1},D,Discount,-1,12/5/2010 9:41,5.00,12000,United Kingdom`);
  const file = join(dir, 'online_retail.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

describe('line-item order exports through the bin', () => {
  it('prices each line as unit price × quantity, reads the credit note as a refund, and counts invoices not lines', () => {
    const dir = tempDir();
    const db = join(dir, 'custops.db');
    expect(runBin(['--db', db, 'ingest', lineItemExport(dir), '--quiet']).code).toBe(0);
    const lines = JSON.parse(runBin(['--db', db, 'query', "SELECT order_code, amount_cents, status_norm FROM orders WHERE customer_code = '12000' ORDER BY line", '--format', 'json']).stdout);
    expect(lines.map((l: { amount_cents: number }) => l.amount_cents)).toEqual([150, 600, 1350, 150, 600, 1350, -500]);
    expect(lines.at(-1)).toMatchObject({ order_code: 'C536121', status_norm: 'refunded' });
    const sources = JSON.parse(runBin(['--db', db, 'query', 'SELECT kind, line_items FROM sources', '--format', 'json']).stdout);
    expect(sources).toEqual([{ kind: 'orders', line_items: 1 }]);
    const rfm = JSON.parse(runBin(['--db', db, 'segment', 'rfm', '--as-of', '2010-12-31', '--format', 'json']).stdout);
    expect(rfm.customers).toBe(60);
    expect(rfm.means).toMatchObject({ frequency: 2, monetaryCents: 4200 });
  });

  it('does not mark an export with one row per order', () => {
    const dir = tempDir();
    const db = join(dir, 'custops.db');
    const file = join(dir, 'orders.csv');
    writeFileSync(file, '订单号,客户编号,下单时间,实付金额\nA1,C1,2024-05-01,10\nA2,C1,2024-05-02,20\nA3,C2,2024-05-02,30\n');
    expect(runBin(['--db', db, 'ingest', file, '--quiet']).code).toBe(0);
    expect(JSON.parse(runBin(['--db', db, 'query', 'SELECT line_items FROM sources', '--format', 'json']).stdout)).toEqual([{ line_items: 0 }]);
  });
});
