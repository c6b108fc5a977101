import { formatMoneyCents } from '../output/columns.js';
import { formatMinutes } from '../service/duration.js';
import type { Change } from './model.js';

/** How a report value reads: counts, money in cents, rates 0…1, scores with decimals, durations in minutes (45m, 1.8h, 2d). */
export type ValueFormat = 'int' | 'money' | 'percent' | 'score' | 'decimal' | 'minutes';

/** Which direction is good news, for the colour of a change. */
export type Better = 'up' | 'down' | 'none';

export function formatValue(value: number | null | undefined, format: ValueFormat): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (format) {
    case 'money':
      return `¥${formatMoneyCents(value)}`;
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'score':
      return value.toFixed(1);
    case 'decimal':
      return value.toFixed(2);
    case 'minutes':
      return formatMinutes(value);
    default:
      return Math.round(value).toLocaleString('en-US');
  }
}

/** The change as people read it: +12, +¥1,200.00, +3.5 pp (rates), +4.0 (scores), with the relative change for counts and money. */
export function formatDelta(c: Change, format: ValueFormat): string {
  if (c.delta === null) return '—';
  const sign = c.delta > 0 ? '+' : c.delta < 0 ? '−' : '±';
  const abs = Math.abs(c.delta);
  let text: string;
  switch (format) {
    case 'money':
      text = `¥${formatMoneyCents(abs)}`;
      break;
    case 'percent':
      text = `${(abs * 100).toFixed(1)} pp`;
      break;
    case 'score':
      text = abs.toFixed(1);
      break;
    case 'decimal':
      text = abs.toFixed(2);
      break;
    case 'minutes':
      text = formatMinutes(abs);
      break;
    default:
      text = Math.round(abs).toLocaleString('en-US');
  }
  const relative = (format === 'int' || format === 'money') && c.deltaPct !== null && c.delta !== 0 ? ` (${c.deltaPct > 0 ? '+' : '−'}${Math.abs(c.deltaPct * 100).toFixed(1)}%)` : '';
  return `${sign}${text}${relative}`;
}

/** 'good' | 'bad' | 'flat' for colouring a change. */
export function tone(c: Change, better: Better): 'good' | 'bad' | 'flat' {
  if (c.delta === null || c.delta === 0 || better === 'none') return 'flat';
  return (c.delta > 0) === (better === 'up') ? 'good' : 'bad';
}

export function arrow(c: Change): string {
  if (c.delta === null || c.delta === 0) return '';
  return c.delta > 0 ? '▲' : '▼';
}
