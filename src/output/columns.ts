/** A column of tabular output: key into the row, translated header, and how to show the value. */
export interface Column {
  key: string;
  header: string;
  type?: 'text' | 'int' | 'number' | 'money' | 'percent' | 'date';
  /** Digits after the decimal point for number/percent (default 1 for percent, 2 for number). */
  digits?: number;
}

/** Text for people: money in cents → 1,234.50; ratios 0..1 → 12.3%. */
export function formatCell(value: unknown, column: Column): string {
  if (value === null || value === undefined || value === '') return '';
  switch (column.type) {
    case 'money':
      return typeof value === 'number' ? formatMoneyCents(value) : String(value);
    case 'percent':
      return typeof value === 'number' ? `${(value * 100).toFixed(column.digits ?? 1)}%` : String(value);
    case 'int':
      return typeof value === 'number' ? Math.round(value).toLocaleString('en-US') : String(value);
    case 'number':
      return typeof value === 'number' ? value.toFixed(column.digits ?? 2) : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

export function formatMoneyCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Machine value: money stays exact in cents for JSON; CSV/XLSX get yuan with two decimals. */
export function isNumericColumn(column: Column): boolean {
  return column.type === 'int' || column.type === 'number' || column.type === 'money' || column.type === 'percent';
}

export function columnsFromRows(rows: Record<string, unknown>[]): Column[] {
  const keys = new Set<string>();
  for (const row of rows.slice(0, 100)) for (const k of Object.keys(row)) keys.add(k);
  return [...keys].map((key) => ({ key, header: key }));
}
