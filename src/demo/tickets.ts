import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Random } from './random.js';
import type { Person } from './people.js';

// Demo data for rules and service levels: a service-ticket export for the demo people, and the
// contract end dates and customer levels a CRM export would carry. Everything is drawn from its
// own seeded generator, so adding it leaves the rest of the demo data unchanged.

const MINUTE = 60_000;
const DAY = 86_400_000;

const channels = ['电话', '在线客服', '在线客服', '微信', '邮件', 'App'];
const priorities = ['高', '中', '中', '低'];
const subjects = ['物流延迟', '商品质量问题', '退款进度', '发票开具', '安装预约', '账号无法登录', '价格咨询', '合同续签咨询', '配件缺失', '售后维修'];

const pad = (n: number): string => String(n).padStart(2, '0');

/** Wall-clock text of a UTC-based millisecond value used as local time. */
function wallClock(ms: number, style: number): string {
  const d = new Date(ms);
  const [y, m, day, h, min] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
  if (style === 1) return `${y}/${m}/${day} ${h}:${pad(min)}`;
  if (style === 2) return `${y}年${m}月${day}日 ${pad(h)}:${pad(min)}`;
  return `${y}-${pad(m)}-${pad(day)} ${pad(h)}:${pad(min)}`;
}

function csvLine(cells: (string | null)[]): string {
  return cells.map((c) => (c === null ? '' : /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

/** Minutes to the first response: mostly quick, some slow, a few very slow; gold and silver customers are served first. */
function responseMinutes(r: Random, level: string): number {
  const x = r.next();
  if (level === '黄金') return x < 0.85 ? r.int(2, 14) : r.int(15, 90);
  if (level === '白银') return x < 0.85 ? r.int(5, 59) : r.int(60, 300);
  if (x < 0.55) return r.int(2, 14);
  if (x < 0.8) return r.int(15, 59);
  if (x < 0.93) return r.int(60, 300);
  return r.int(301, 2400);
}

function resolutionMinutes(r: Random, response: number, level: string): number {
  const x = r.next();
  if (level === '黄金') return response + (x < 0.8 ? r.int(10, 100) : r.int(100, 600));
  if (level === '白银') return response + (x < 0.85 ? r.int(30, 1300) : r.int(1300, 4000));
  if (x < 0.35) return response + r.int(10, 110);
  if (x < 0.75) return response + r.int(120, 1380);
  return response + r.int(1440, 7200);
}

export interface DemoTicketOptions {
  dir: string;
  /** The demo's people, in the order writeDemoDataset made them (index decides code vs phone linking). */
  persons: readonly Person[];
  /** Last day of the demo data (YYYY-MM-DD). */
  asOf: string;
  seed?: number;
  /** Days back the tickets are spread over. */
  days?: number;
}

/**
 * Writes tickets.csv (UTF-8 with BOM, Chinese headers): 工单号, 客户编号 or 手机 (like the orders:
 * CRM customers by code, shop-only members by phone), 创建时间, 首次响应时间, 解决时间, 渠道, 优先级,
 * 问题描述. Times are local wall-clock, in several written styles; recent tickets may still be open.
 */
export function writeDemoTickets(options: DemoTicketOptions): string {
  const r = new Random((options.seed ?? 20251123) ^ 0x7a11e7);
  const span = options.days ?? 120;
  const end = Date.parse(`${options.asOf}T18:00:00Z`);
  const lines = [csvLine(['工单号', '客户编号', '手机', '创建时间', '首次响应时间', '解决时间', '渠道', '优先级', '问题描述'])];
  let seq = 0;
  options.persons.forEach((p, i) => {
    if (!r.chance(0.35)) return;
    const count = r.int(1, 3);
    for (let k = 0; k < count; k++) {
      const dayStart = Date.parse(`${options.asOf}T00:00:00Z`) - r.int(0, span) * DAY;
      // Most tickets arrive in office hours, some in the evening or at the weekend.
      const hour = r.chance(0.8) ? r.int(9, 17) : r.pick([7, 8, 19, 20, 21, 22]);
      const opened = dayStart + hour * 60 * MINUTE + r.int(0, 59) * MINUTE;
      if (opened > end) continue;
      const byCode = i % 5 !== 4;
      // Shop-only members (linked by phone) have no CRM level.
      const level = byCode ? demoLevel(p) : '普通';
      const response = responseMinutes(r, level);
      const resolution = resolutionMinutes(r, response, level);
      const style = r.chance(0.7) ? 0 : r.int(1, 2);
      const responded = opened + response * MINUTE <= end && !r.chance(0.03);
      const resolved = responded && opened + resolution * MINUTE <= end && !r.chance(0.05);
      lines.push(
        csvLine([
          `TK${String(++seq).padStart(6, '0')}`,
          byCode ? p.code : null,
          byCode && r.chance(0.6) ? null : p.phone,
          wallClock(opened, style),
          responded ? wallClock(opened + response * MINUTE, style) : null,
          resolved ? wallClock(opened + resolution * MINUTE, style) : null,
          r.pick(channels),
          r.pick(priorities),
          r.pick(subjects),
        ]),
      );
    }
  });
  const path = join(options.dir, 'tickets.csv');
  writeFileSync(path, '\uFEFF' + lines.join('\n') + '\n');
  return path;
}

function hashCode(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

/**
 * A contract end date for about a quarter of the CRM customers (合同到期日 column), spread from
 * two months ago to a year ahead, so some fall inside the 30-day renewal window; else null.
 */
export function demoContractEnd(person: Pick<Person, 'code'>, asOf: string): string | null {
  const r = new Random(hashCode(person.code));
  if (!r.chance(0.25)) return null;
  return new Date(Date.parse(`${asOf}T00:00:00Z`) + r.int(-60, 365) * DAY).toISOString().slice(0, 10);
}

/** A customer level (客户等级 column): 黄金 / 白银 / 普通, about 8% / 20% / 72%. */
export function demoLevel(person: Pick<Person, 'code'>): string {
  const x = new Random(hashCode(`${person.code}:level`)).next();
  return x < 0.08 ? '黄金' : x < 0.28 ? '白银' : '普通';
}
