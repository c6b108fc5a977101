import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { Random } from './random.js';
import { demoContractEnd, demoLevel, writeDemoTickets } from './tickets.js';
import { emailTypo, makePerson, messyPhone, nameVariant, toFullWidth, type Person } from './people.js';

export interface DemoOptions {
  dir: string;
  /** Distinct real people behind the customer lists. */
  people?: number;
  seed?: number;
  /** Orders and feedback are dated up to this day (YYYY-MM-DD). */
  asOf: string;
}

export interface DemoFiles {
  files: string[];
  /** Ground truth for tests: record code → person code. */
  truth: Record<string, string>;
  people: number;
}

const DAY = 86400000;

function csvLine(cells: (string | number | null)[], sep = ','): string {
  return cells
    .map((c) => {
      const s = c === null ? '' : String(c);
      return /[",\r\n;]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(sep);
}

function day(asOf: Date, daysBefore: number): Date {
  return new Date(asOf.getTime() - daysBefore * DAY);
}

function messyDate(r: Random, d: Date): string {
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + 1, dd = d.getUTCDate();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return r.pick([`${y}-${pad(m)}-${pad(dd)}`, `${y}/${m}/${dd}`, `${y}年${m}月${dd}日`, `${y}.${m}.${dd}`, `${y}-${pad(m)}-${pad(dd)} ${pad(r.int(8, 21))}:${pad(r.int(0, 59))}`]);
}

function messyAmount(r: Random, cents: number): string {
  const yuan = cents / 100;
  const fixed = yuan.toFixed(2);
  const grouped = Number(fixed).toLocaleString('en-US', { minimumFractionDigits: 2 });
  if (cents >= 1000000 && r.chance(0.3)) return `${(yuan / 10000).toFixed(2)}万`;
  return r.pick([fixed, `¥${grouped}`, grouped, `RMB ${fixed}`, `￥${fixed}`, String(Math.round(yuan))]);
}

const commentsPositive = ['物流很快，包装也很好，非常满意', '质量不错，性价比高，会回购', '客服态度很好，耐心解答问题', '东西很好用，推荐给朋友了', 'Great product, fast delivery!', 'Very happy with the service, will buy again', '做工精细，比预期的好', '发货速度快，第二天就到了'];
const commentsNeutral = ['还可以吧，一般般', '价格适中', 'It is ok, nothing special', '收到了'];
const commentsNegative = ['物流太慢了，等了一个多星期', '质量很差，用了两天就坏了', '客服态度差，问题一直没有解决', '价格太贵，不值这个价', '退货流程太麻烦，退款一直没到账', 'Terrible support, nobody answered my emails', 'The item arrived broken and the refund is still pending', '虽然价格便宜，但是质量真的不行', '包装破损，商品有划痕', '希望能增加发票功能，现在很不方便'];
const products = ['智能手环', '蓝牙耳机', '空气净化器', '电动牙刷', '保温杯', '扫地机器人', '咖啡机', '办公椅'];

interface BuyingPlan {
  orders: number;
  minCents: number;
  maxCents: number;
  /** Days since the last order: a few weeks for active buyers, months for lapsed ones. */
  lapsedDays: number;
}

/**
 * How a person buys: 10% never, 5% large business accounts (orders of ¥100,000–¥1,200,000, customers for
 * 3–5 years, so the value tiers have strategic and key accounts), the rest occasional or regular
 * shoppers; a quarter of the buyers have lapsed (no order for 3–13 months).
 */
function planBuying(r: Random, p: Person, asOf: Date): BuyingPlan {
  const kind = r.next();
  const lapsedDays = r.chance(0.25) ? r.int(95, 400) : r.int(0, 40);
  if (kind < 0.1) return { orders: 0, minCents: 0, maxCents: 0, lapsedDays };
  if (kind < 0.15) {
    p.registered = day(asOf, r.int(1100, 1800)).toISOString().slice(0, 10);
    return { orders: r.int(10, 30), minCents: 10_000_000, maxCents: 120_000_000, lapsedDays: r.int(0, 30) };
  }
  if (kind < 0.55) return { orders: r.int(1, 4), minCents: 2900, maxCents: 300000, lapsedDays };
  return { orders: r.int(4, 18), minCents: 2900, maxCents: 300000, lapsedDays };
}

/** Writes a realistic messy demo data set: a GBK CRM export, an XLSX shop export, orders and survey feedback. */
export async function writeDemoDataset(options: DemoOptions): Promise<DemoFiles> {
  const { default: ExcelJS } = await import('exceljs');
  const { dir, people: count = 240, seed = 20251123 } = options;
  const r = new Random(seed);
  const asOf = new Date(`${options.asOf}T00:00:00Z`);
  mkdirSync(dir, { recursive: true });
  const persons: Person[] = [];
  for (let i = 0; i < count; i++) persons.push(makePerson(r, i, day(asOf, 1100)));
  const buyingPlans = persons.map((p) => planBuying(r, p, asOf));
  const truth: Record<string, string> = {};

  // 1. CRM export: GBK, a title row, Chinese headers, duplicates typed by different reps.
  const crm: string[] = ['客户名单（CRM导出）', '', csvLine(['客户编号', '客户名称', '手机号码', '电子邮箱', '公司名称', '省份', '城市', '行业', '注册日期', '客户来源', '备注', '客户等级', '合同到期日'])];
  let dupSeq = 0;
  const crmPeople = persons.filter((_, i) => i % 5 !== 4);
  for (const p of crmPeople) {
    crm.push(csvLine([p.code, p.name, messyPhone(r, p.phone), p.email, p.company, `${p.province}${['北京', '上海', '天津', '重庆'].includes(p.province) ? '市' : '省'}`, `${p.city}市`, p.industry, messyDate(r, new Date(`${p.registered}T00:00:00Z`)), p.channel, r.chance(0.1) ? 'VIP 客户' : '', demoLevel(p), demoContractEnd(p, options.asOf)]));
    truth[p.code] = p.code;
    if (r.chance(0.18)) {
      const code = `D${String(++dupSeq).padStart(4, '0')}`;
      truth[code] = p.code;
      crm.push(csvLine([code, nameVariant(r, p), r.chance(0.7) ? messyPhone(r, p.phone) : '', r.chance(0.5) && p.email ? emailTypo(r, p.email) : '', p.company, p.province, p.city, p.industry, '', '电话销售', '重复录入', '', '']));
    }
  }
  crm.push(csvLine(['C999998', '格式错误的行', '13800000000', 'x@qq.com']));
  crm.push('');
  writeFileSync(join(dir, 'crm_customers.csv'), iconv.encode(crm.join('\r\n') + '\r\n', 'gbk'));

  // 2. Shop member export (another system): XLSX, English headers, a title row, merged province cells.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Members');
  ws.addRow(['Online shop members — export']);
  ws.mergeCells('A1:G1');
  ws.addRow(['Member ID', 'Name', 'Mobile', 'Email', 'Province', 'City', 'Sign Up Date']);
  const shopPeople = persons.filter((_, i) => i % 3 === 0 || i % 5 === 4);
  shopPeople.sort((a, b) => a.province.localeCompare(b.province));
  let rowNo = 3;
  let groupStart = 3;
  shopPeople.forEach((p, i) => {
    const code = `M${String(5000 + i)}`;
    truth[code] = p.code;
    const row = ws.addRow([code, r.chance(0.5) ? nameVariant(r, p) : p.name, r.chance(0.5) ? toFullWidth(p.phone) : `+86-${p.phone}`, r.chance(0.6) ? p.email : null, p.province, p.city, new Date(`${p.registered}T00:00:00Z`)]);
    row.getCell(7).numFmt = 'yyyy-mm-dd';
    const next = shopPeople[i + 1];
    if (!next || next.province !== p.province) {
      if (rowNo > groupStart) ws.mergeCells(groupStart, 5, rowNo, 5);
      groupStart = rowNo + 1;
    }
    rowNo++;
  });
  await wb.xlsx.writeFile(join(dir, 'shop_members.xlsx'));

  // 3. Orders: UTF-8 with BOM; CRM customers by code, shop members by phone only.
  const orders: string[] = [csvLine(['订单号', '客户编号', '手机', '下单时间', '实付金额', '订单状态', '商品', '渠道'])];
  let orderNo = 100000;
  const statuses = ['已完成', '已完成', '已完成', '已付款', '交易成功', '已退款', '已取消', 'completed'];
  persons.forEach((p, i) => {
    const plan = buyingPlans[i];
    const customerDays = Math.round((asOf.getTime() - Date.parse(`${p.registered}T00:00:00Z`)) / DAY);
    const firstDay = Math.min(customerDays, 730);
    const lastDay = Math.min(plan.lapsedDays, firstDay);
    for (let k = 0; k < plan.orders; k++) {
      const d = day(asOf, r.int(lastDay, firstDay));
      const cents = r.int(plan.minCents, plan.maxCents);
      const byCode = i % 5 !== 4;
      orders.push(csvLine([`SO${++orderNo}`, byCode ? p.code : '', byCode && r.chance(0.5) ? '' : messyPhone(r, p.phone), messyDate(r, d), messyAmount(r, cents), r.pick(statuses), r.pick(products), p.channel]));
    }
  });
  orders.push(csvLine([`SO${++orderNo}`, persons[0].code, '', messyDate(r, asOf), '一千元', '已完成', '咖啡机', '官网']));
  writeFileSync(join(dir, 'orders.csv'), '\uFEFF' + orders.join('\n') + '\n');

  // 4. Survey feedback: XLSX with a title row, date cells, Chinese and English comments.
  const fb = new ExcelJS.Workbook();
  const fs = fb.addWorksheet('问卷结果');
  fs.addRow(['客户满意度调查']);
  fs.addRow(['提交时间', '手机号', '您向朋友推荐我们的可能性（0-10分）', '满意度（1-5）', '省力度（1-7）', '评价内容', '反馈渠道']);
  for (const p of persons) {
    if (!r.chance(0.6)) continue;
    const answers = r.int(1, 2);
    for (let k = 0; k < answers; k++) {
      const mood = r.next();
      const [nps, csat, text] = mood < 0.55 ? [r.int(9, 10), r.int(4, 5), r.pick(commentsPositive)] : mood < 0.75 ? [r.int(7, 8), r.int(3, 4), r.pick(commentsNeutral)] : [r.int(0, 6), r.int(1, 3), r.pick(commentsNegative)];
      const when = new Date(day(asOf, r.int(0, 120)).getTime() + r.int(9, 20) * 3600000);
      const effort = r.chance(0.7) ? Math.max(1, Math.min(7, csat + 2 + r.int(-1, 1))) : null;
      const row = fs.addRow([when, p.phone, nps, csat, effort, r.chance(0.9) ? text : null, r.pick(['问卷', '电话', '邮件', '微博', 'App'])]);
      row.getCell(1).numFmt = 'yyyy-mm-dd hh:mm';
    }
  }
  await fb.xlsx.writeFile(join(dir, 'feedback.xlsx'));

  // 5. Service tickets (ticket id, customer, opened, first response, resolved, channel) for the SLA report.
  const tickets = writeDemoTickets({ dir, persons, asOf: options.asOf });

  return { files: [...['crm_customers.csv', 'shop_members.xlsx', 'orders.csv', 'feedback.xlsx'].map((f) => join(dir, f)), tickets], truth, people: count };
}
