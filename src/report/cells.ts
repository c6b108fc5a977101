import type { Lang } from '../output/i18n.js';
import { formatValue } from './format.js';
import type { CellFormat } from './present.js';

/** A table cell as text for people (terminal, Markdown, HTML). */
export function formatCellText(value: unknown, format: CellFormat, lang: Lang): string {
  if (value === null || value === undefined || value === '') return format === 'text' || format === 'date' ? '' : '—';
  switch (format) {
    case 'bool':
      return value ? (lang === 'zh' ? '是' : 'yes') : '';
    case 'text':
    case 'date':
      return String(value);
    default:
      return typeof value === 'number' ? formatValue(value, format) : String(value);
  }
}
