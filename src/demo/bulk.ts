import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Random } from './random.js';
import { makePerson, messyPhone } from './people.js';

const header = '客户编号,客户名称,手机号码,电子邮箱,公司名称,省份,城市,行业,注册日期,客户来源,客户等级,备注';

function cell(value: string | null): string {
  if (value === null) return '';
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Streams an n-row messy customer CSV (for benchmarks: memory stays flat however large n is). */
export async function writeCustomerCsv(path: string, n: number, seed = 1): Promise<void> {
  const r = new Random(seed);
  const start = new Date('2022-01-01T00:00:00Z');
  const out = createWriteStream(path);
  let buffer = `${header}\n`;
  for (let i = 0; i < n; i++) {
    const p = makePerson(r, i, start);
    const line = [p.code, p.name, messyPhone(r, p.phone), p.email, p.company, p.province, p.city, p.industry, p.registered, p.channel, r.pick(['A', 'B', 'C']), r.chance(0.1) ? '重点跟进, 每月回访' : null];
    buffer += line.map(cell).join(',') + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.write(buffer);
  out.end();
  await once(out, 'finish');
}
