import { z } from 'zod';
import type { Config } from '../config.js';
import { addDays, isValidTimeZone, type WorkCalendar } from './worktime.js';
import { parseDuration } from './duration.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(text: string): boolean {
  return DAY.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}

/** 'YYYY-MM-DD' or a range 'YYYY-MM-DD..YYYY-MM-DD'. */
const dayOrRange = z.string().superRefine((value, ctx) => {
  const [from, to = from, ...rest] = value.split('..').map((s) => s.trim());
  if (rest.length > 0 || !validDay(from) || !validDay(to)) ctx.addIssue({ code: 'custom', message: `not a day or day range: ${JSON.stringify(value)} (write 2025-10-01 or 2025-10-01..2025-10-08)` });
  else if (to < from) ctx.addIssue({ code: 'custom', message: `range ends before it starts: ${value}` });
});

const hourRange = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d\s*-\s*(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'write working hours as HH:MM-HH:MM, e.g. 09:00-18:00');

const duration = z.union([z.string(), z.number()]).superRefine((value, ctx) => {
  try {
    if (parseDuration(value).months !== undefined) ctx.addIssue({ code: 'custom', message: 'service targets are in minutes, hours, days or weeks (15m, 4h, 2d)' });
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});

const level = z
  .object({
    name: z.string().min(1),
    label: z.object({ zh: z.string(), en: z.string() }).strict().optional(),
    /** Value-tier names and imported 客户等级 values that belong to this level; empty = everyone left. */
    match: z.array(z.string()).default([]),
    first_response: duration.optional(),
    resolution: duration.optional(),
    /** calendar: round the clock (7×24); working: only working hours count. */
    clock: z.enum(['calendar', 'working']).default('working'),
  })
  .strict();

// 国务院办公厅 holiday notices for 2025 (国办发明电〔2024〕12号) and 2026 (4 Nov 2025).
export const CN_HOLIDAYS = [
  '2025-01-01', '2025-01-28..2025-02-04', '2025-04-04..2025-04-06', '2025-05-01..2025-05-05', '2025-05-31..2025-06-02', '2025-10-01..2025-10-08',
  '2026-01-01..2026-01-03', '2026-02-15..2026-02-23', '2026-04-04..2026-04-06', '2026-05-01..2026-05-05', '2026-06-19..2026-06-21', '2026-09-25..2026-09-27', '2026-10-01..2026-10-07',
];
export const CN_WORKDAYS = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11', '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

const DEFAULT_LEVELS = [
  { name: 'strategic', label: { zh: '战略/黄金客户', en: 'Strategic / gold' }, match: ['战略客户', 'Strategic', '黄金', '黄金客户', '金牌', 'Gold'], first_response: '15m', resolution: '2h', clock: 'calendar' as const },
  { name: 'key', label: { zh: '重点/白银客户', en: 'Key / silver' }, match: ['重点客户', 'Key', '白银', '白银客户', '银牌', 'Silver'], first_response: '1h', resolution: '24h', clock: 'calendar' as const },
  { name: 'standard', label: { zh: '其他客户', en: 'Others' }, match: [], first_response: '4h', clock: 'working' as const },
];

export const section = z
  .object({
    timezone: z.string().default('Asia/Shanghai').refine(isValidTimeZone, { message: 'unknown time zone; use an IANA name such as Asia/Shanghai or Europe/London' }),
    working_hours: z
      .object({
        days: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
        hours: z.array(hourRange).min(1).default(['09:00-18:00']),
      })
      .strict()
      .superRefine((w, ctx) => {
        const periods = w.hours.map(parsePeriod).sort((a, b) => a[0] - b[0]);
        periods.forEach(([from, to], i) => {
          if (to <= from) ctx.addIssue({ code: 'custom', message: `working hours ${w.hours[i]} end before they start`, path: ['hours'] });
          if (i > 0 && from < periods[i - 1][1]) ctx.addIssue({ code: 'custom', message: 'working hours overlap', path: ['hours'] });
        });
      })
      .prefault({}),
    holidays: z.array(dayOrRange).default(CN_HOLIDAYS),
    workdays: z.array(dayOrRange).default(CN_WORKDAYS),
    /** Which segment tier set names the level (its tier names go in `match`). */
    tier_set: z.string().default('value'),
    levels: z.array(level).min(1).prefault(DEFAULT_LEVELS),
  })
  .strict()
  .prefault({});

export type ServiceConfig = z.infer<typeof section>;
export type ServiceLevel = ServiceConfig['levels'][number];

export function defaultServiceConfig(): ServiceConfig {
  return section.parse(undefined);
}

/** The service section of a loaded config (all defaults until src/config.ts composes it). */
export function serviceConfigOf(config: Config | undefined): ServiceConfig {
  return (config as { service?: ServiceConfig } | undefined)?.service ?? defaultServiceConfig();
}

function parsePeriod(text: string): [number, number] {
  const [a, b] = text.split('-').map((s) => s.trim());
  const minutes = (hm: string): number => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
  return [minutes(a), minutes(b)];
}

function expandDays(items: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const item of items) {
    const [from, to = from] = item.split('..').map((s) => s.trim());
    for (let d = from; d <= to; d = addDays(d, 1)) out.add(d);
  }
  return out;
}

export function workCalendar(service: ServiceConfig): WorkCalendar {
  return {
    timeZone: service.timezone,
    weekdays: new Set(service.working_hours.days),
    periods: service.working_hours.hours.map(parsePeriod).sort((a, b) => a[0] - b[0]),
    holidays: expandDays(service.holidays),
    workdays: expandDays(service.workdays),
  };
}

export const yamlDoc = `# 服务水平 / service levels (custops service sla)
service:
  # 时区：工单时间按此时区的当地时间理解 / ticket times are wall-clock times in this zone
  timezone: Asia/Shanghai
  # 工作时间 / working hours: days 1 = 周一 Monday … 7 = 周日 Sunday; hours may have a lunch break
  working_hours:
    days: [1, 2, 3, 4, 5]
    hours: ["09:00-18:00"]
    # hours: ["09:00-12:00", "13:30-18:00"]
  # 法定节假日（不计工作时间）/ public holidays: days or ranges day..day
  holidays:
    - 2025-01-01
    - 2025-01-28..2025-02-04
    - 2025-04-04..2025-04-06
    - 2025-05-01..2025-05-05
    - 2025-05-31..2025-06-02
    - 2025-10-01..2025-10-08
    - 2026-01-01..2026-01-03
    - 2026-02-15..2026-02-23
    - 2026-04-04..2026-04-06
    - 2026-05-01..2026-05-05
    - 2026-06-19..2026-06-21
    - 2026-09-25..2026-09-27
    - 2026-10-01..2026-10-07
  # 调休上班日（周末但要上班）/ make-up working days that fall on a weekend
  workdays: [2025-01-26, 2025-02-08, 2025-04-27, 2025-09-28, 2025-10-11, 2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10]
  # 用哪套分层决定服务等级 / which segment tier set decides a customer's level
  tier_set: value
  # 服务等级：先匹配先得；match 为分层名称或导入的客户等级，空 = 其余所有客户
  # Levels, first match wins; match lists tier names or imported customer levels, empty = everyone left.
  # first_response 首次响应时限, resolution 解决时限 (15m, 1h, 4h, 2d); 不填 = 不考核 / leave out = no target
  # clock: calendar 全天候计时 (7×24) | working 只计工作时间 / only working hours count
  levels:
    - name: strategic
      label: { zh: 战略/黄金客户, en: Strategic / gold }
      match: [战略客户, Strategic, 黄金, 黄金客户, 金牌, Gold]
      first_response: 15m
      resolution: 2h
      clock: calendar
    - name: key
      label: { zh: 重点/白银客户, en: Key / silver }
      match: [重点客户, Key, 白银, 白银客户, 银牌, Silver]
      first_response: 1h
      resolution: 24h
      clock: calendar
    - name: standard
      label: { zh: 其他客户, en: Others }
      match: []
      first_response: 4h
      clock: working
`;
