/**
 * A small SVG chart kit for the HTML report: bar, line, Pareto curve, heat map and migration matrix.
 * Output is plain SVG markup (no script, no external resources) that scales with its container
 * (viewBox, width 100%) and prints. Every text passes through escapeXml.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const PALETTE = ['#2563eb', '#f97316', '#16a34a', '#9333ea', '#dc2626', '#0891b2'];
const AXIS = '#94a3b8';
const GRID = '#e2e8f0';
const TEXT = '#334155';

export interface ChartOptions {
  title: string;
  width?: number;
  height?: number;
  /** Formats axis and value labels. */
  format?: (value: number) => string;
}

const num = (v: number): string => (Math.round(v * 10) / 10).toString();

function open(width: number, height: number, title: string, kind: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-${kind}" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" preserveAspectRatio="xMidYMid meet" role="img" aria-label="${escapeXml(title)}" font-family="system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif" font-size="12"><title>${escapeXml(title)}</title>`;
}

function text(x: number, y: number, content: string, attrs = ''): string {
  // A caller's own fill (white on a dark cell) must replace the default, not follow it: of two
  // fill attributes the browser keeps the first.
  const fill = /(^|\s)fill=/.test(attrs) ? '' : `fill="${TEXT}" `;
  return `<text x="${num(x)}" y="${num(y)}" ${fill}${attrs}>${escapeXml(content)}</text>`;
}

/** Round numbers for an axis from 0 (or the minimum when negative) to at least max. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  const lo = Math.min(0, min);
  const hi = max <= lo ? lo + 1 : max;
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.floor(lo / step) * step; v < hi + step * 0.999; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}

function empty(width: number, height: number, title: string, kind: string, message: string): string {
  return `${open(width, height, title, kind)}${text(width / 2, height / 2, message, 'text-anchor="middle" fill-opacity="0.7"')}</svg>`;
}

interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  ticks: number[];
  y(v: number): number;
}

function valueFrame(width: number, height: number, values: number[], format: (v: number) => string): Frame & { axis: string } {
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const labelWidth = Math.max(...ticks.map((tk) => format(tk).length)) * 7.5 + 10; // 12px digits ≈ 7px, % wider
  const frame = { left: Math.max(36, labelWidth), right: width - 12, top: 16, bottom: height - 34, ticks };
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const y = (v: number): number => frame.bottom - ((v - lo) / (hi - lo || 1)) * (frame.bottom - frame.top);
  const axis = ticks
    .map((tk) => `<line x1="${frame.left}" x2="${frame.right}" y1="${num(y(tk))}" y2="${num(y(tk))}" stroke="${tk === 0 ? AXIS : GRID}"/>${text(frame.left - 6, y(tk) + 4, format(tk), 'text-anchor="end"')}`)
    .join('');
  return { ...frame, y, axis };
}

/** Vertical bars, one per label. */
export function barChart(labels: string[], values: number[], options: ChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 260;
  const format = options.format ?? ((v: number) => String(v));
  if (values.length === 0) return empty(width, height, options.title, 'bar', '—');
  const f = valueFrame(width, height, values, format);
  const slot = (f.right - f.left) / values.length;
  const barWidth = Math.max(2, Math.min(48, slot * 0.7));
  const every = Math.ceil(labels.length / Math.max(1, Math.floor((f.right - f.left) / 56)));
  const bars = values
    .map((v, i) => {
      const x = f.left + slot * i + (slot - barWidth) / 2;
      const y0 = f.y(0);
      const y1 = f.y(v);
      const label = i % every === 0 ? text(x + barWidth / 2, f.bottom + 16, labels[i], 'text-anchor="middle"') : '';
      return `<rect class="bar" x="${num(x)}" y="${num(Math.min(y0, y1))}" width="${num(barWidth)}" height="${num(Math.max(Math.abs(y1 - y0), v === 0 ? 0 : 1))}" fill="${PALETTE[0]}" rx="2"><title>${escapeXml(`${labels[i]}: ${format(v)}`)}</title></rect>${label}`;
    })
    .join('');
  return `${open(width, height, options.title, 'bar')}${f.axis}${bars}</svg>`;
}

/** One or more lines over the same labels; null values break the line. */
export function lineChart(labels: string[], series: { name: string; values: (number | null)[] }[], options: ChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 260;
  const format = options.format ?? ((v: number) => String(v));
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  if (all.length === 0 || labels.length === 0) return empty(width, height, options.title, 'line', '—');
  const f = valueFrame(width, height, all, format);
  const step = labels.length > 1 ? (f.right - f.left - 16) / (labels.length - 1) : 0;
  const x = (i: number): number => f.left + 8 + step * i;
  const every = Math.ceil(labels.length / Math.max(1, Math.floor((f.right - f.left) / 56)));
  const xLabels = labels.map((l, i) => (i % every === 0 ? text(x(i), f.bottom + 16, l, 'text-anchor="middle"') : '')).join('');
  const lines = series
    .map((s, k) => {
      const color = PALETTE[k % PALETTE.length];
      const segments: string[] = [];
      let current = '';
      s.values.forEach((v, i) => {
        if (v === null || !Number.isFinite(v)) {
          if (current) segments.push(current);
          current = '';
          return;
        }
        current += `${current ? 'L' : 'M'}${num(x(i))},${num(f.y(v))}`;
      });
      if (current) segments.push(current);
      const path = segments.map((d) => `<path class="line" d="${d}" fill="none" stroke="${color}" stroke-width="2.5" stroke-linejoin="round"/>`).join('');
      const dots = s.values
        .map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<circle class="point" cx="${num(x(i))}" cy="${num(f.y(v))}" r="3.5" fill="${color}"><title>${escapeXml(`${s.name} ${labels[i]}: ${format(v)}`)}</title></circle>`))
        .join('');
      return path + dots;
    })
    .join('');
  const legend = series.length > 1 ? series.map((s, k) => `<rect x="${f.left + k * 110}" y="2" width="10" height="10" fill="${PALETTE[k % PALETTE.length]}"/>${text(f.left + k * 110 + 14, 11, s.name)}`).join('') : '';
  return `${open(width, height, options.title, 'line')}${f.axis}${xLabels}${lines}${legend}</svg>`;
}

/** Cumulative revenue share against cumulative customer share (both 0…1), with the diagonal and the 20%/80% guides. */
export function paretoChart(points: { x: number; y: number }[], options: ChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 280;
  if (points.length < 2) return empty(width, height, options.title, 'pareto', '—');
  const left = 44;
  const right = width - 16;
  const top = 14;
  const bottom = height - 34;
  const px = (v: number): number => left + v * (right - left);
  const py = (v: number): number => bottom - v * (bottom - top);
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const grid = ticks
    .map((tk) => `<line x1="${left}" x2="${right}" y1="${num(py(tk))}" y2="${num(py(tk))}" stroke="${GRID}"/>${text(left - 6, py(tk) + 4, `${tk * 100}%`, 'text-anchor="end"')}${text(px(tk), bottom + 16, `${tk * 100}%`, 'text-anchor="middle"')}`)
    .join('');
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const d = sorted.map((p, i) => `${i ? 'L' : 'M'}${num(px(p.x))},${num(py(p.y))}`).join('');
  const area = `${d}L${num(px(sorted[sorted.length - 1].x))},${num(py(0))}L${num(px(sorted[0].x))},${num(py(0))}Z`;
  const at20 = interpolate(sorted, 0.2);
  const guide = at20 === null ? '' : `<line x1="${num(px(0.2))}" x2="${num(px(0.2))}" y1="${num(py(0))}" y2="${num(py(at20))}" stroke="${PALETTE[1]}" stroke-dasharray="4 3"/><line x1="${left}" x2="${num(px(0.2))}" y1="${num(py(at20))}" y2="${num(py(at20))}" stroke="${PALETTE[1]}" stroke-dasharray="4 3"/>${text(px(0.2) + 6, py(at20) + 14, `20% → ${(at20 * 100).toFixed(0)}%`, `fill="${PALETTE[1]}"`)}`;
  return `${open(width, height, options.title, 'pareto')}${grid}<line x1="${px(0)}" y1="${py(0)}" x2="${px(1)}" y2="${py(1)}" stroke="${AXIS}" stroke-dasharray="2 3"/><path d="${area}" fill="${PALETTE[0]}" fill-opacity="0.12"/><path class="line" d="${d}" fill="none" stroke="${PALETTE[0]}" stroke-width="2.5"/>${guide}</svg>`;
}

function interpolate(points: { x: number; y: number }[], x: number): number | null {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (x >= a.x && x <= b.x) return b.x === a.x ? b.y : a.y + ((x - a.x) / (b.x - a.x)) * (b.y - a.y);
  }
  return null;
}

/** Blue scale from white (0) to deep blue (1). */
function shade(share: number): string {
  const s = Math.max(0, Math.min(1, share));
  const mix = (a: number, b: number): number => Math.round(a + (b - a) * s);
  return `rgb(${mix(239, 30)},${mix(246, 64)},${mix(255, 175)})`;
}

function gridChart(kind: string, rowLabels: string[], columnLabels: string[], values: (number | null)[][], options: ChartOptions & { corner?: string; diagonal?: boolean }): string {
  const format = options.format ?? ((v: number) => String(v));
  const labelWidth = Math.min(150, Math.max(40, textWidth(options.corner ?? ''), ...rowLabels.map((l) => textWidth(l))) + 12);
  const cell = Math.max(34, Math.min(72, Math.floor((600 - labelWidth) / Math.max(1, columnLabels.length))));
  const headerHeight = 30;
  const width = options.width ?? labelWidth + cell * columnLabels.length + 8;
  const height = options.height ?? headerHeight + cell * 0.7 * rowLabels.length + 8;
  const rowHeight = (height - headerHeight - 8) / Math.max(1, rowLabels.length);
  if (rowLabels.length === 0 || columnLabels.length === 0) return empty(width, 80, options.title, kind, '—');
  const max = Math.max(0, ...values.flat().filter((v): v is number => v !== null && Number.isFinite(v)));
  const header = columnLabels.map((c, j) => text(labelWidth + cell * j + cell / 2, headerHeight - 10, clip(c, cell), 'text-anchor="middle" font-weight="600"')).join('');
  const corner = options.corner ? text(4, headerHeight - 10, clip(options.corner, labelWidth), 'fill-opacity="0.7"') : '';
  const body = rowLabels
    .map((r, i) => {
      const y = headerHeight + rowHeight * i;
      const cells = columnLabels
        .map((c, j) => {
          const v = values[i]?.[j] ?? null;
          const share = v === null || max === 0 ? 0 : v / max;
          const fill = v === null ? '#f8fafc' : shade(share);
          const stroke = options.diagonal && i === j ? ` stroke="${AXIS}" stroke-width="1.5"` : ' stroke="#ffffff"';
          const label = v === null ? '' : text(labelWidth + cell * j + cell / 2, y + rowHeight / 2 + 4, format(v), `text-anchor="middle" fill="${share > 0.55 ? '#ffffff' : TEXT}"`);
          return `<rect class="cell" x="${num(labelWidth + cell * j)}" y="${num(y)}" width="${cell}" height="${num(rowHeight)}" fill="${fill}"${stroke}><title>${escapeXml(`${r} · ${c}: ${v === null ? '—' : format(v)}`)}</title></rect>${label}`;
        })
        .join('');
      return `${text(labelWidth - 8, y + rowHeight / 2 + 4, clip(r, labelWidth - 8), 'text-anchor="end"')}${cells}`;
    })
    .join('');
  return `${open(width, height, options.title, kind)}${corner}${header}${body}</svg>`;
}

/** Rows × columns of values shaded by size (RFM R×F counts, negative share per topic and week). */
export function heatMap(rowLabels: string[], columnLabels: string[], values: (number | null)[][], options: ChartOptions): string {
  return gridChart('heatmap', rowLabels, columnLabels, values, options);
}

/** From-category (rows) × to-category (columns) counts; the diagonal (no move) is outlined. */
export function migrationMatrix(rowLabels: string[], columnLabels: string[], values: number[][], options: ChartOptions & { corner?: string }): string {
  return gridChart('matrix', rowLabels, columnLabels, values, { ...options, diagonal: true });
}

/** Approximate rendered width: CJK characters are about twice as wide as Latin ones at 12px. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? 12 : 6.8;
  return w;
}

function clip(s: string, maxWidth: number): string {
  if (textWidth(s) <= maxWidth) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(`${out}${ch}…`) > maxWidth) break;
    out += ch;
  }
  return `${out}…`;
}
