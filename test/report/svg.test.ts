import { describe, expect, it } from 'vitest';
import { barChart, escapeXml, heatMap, lineChart, migrationMatrix, niceTicks, paretoChart } from '../../src/report/svg.js';

const count = (svg: string, pattern: RegExp): number => svg.match(pattern)?.length ?? 0;
const attr = (el: string, name: string): number => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(el)![1]);

describe('svg charts', () => {
  it('escapes every text', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const svg = barChart(['<b>'], [1], { title: 'A & <B>' });
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('aria-label="A &amp; &lt;B&gt;"');
  });

  it('picks round axis ticks that cover the data', () => {
    expect(niceTicks(0, 97)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0, 1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(-30, 40)).toEqual([-40, -20, 0, 20, 40]);
    expect(niceTicks(0, 0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('draws one bar per value, heights proportional to the values', () => {
    const svg = barChart(['a', 'b', 'c'], [10, 20, 40], { title: 'bars' });
    const bars = svg.match(/<rect class="bar"[^>]*>/g)!;
    expect(bars).toHaveLength(3);
    const heights = bars.map((b) => attr(b, 'height'));
    expect(heights[1] / heights[0]).toBeCloseTo(2, 1);
    expect(heights[2] / heights[0]).toBeCloseTo(4, 1);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox="0 0 640 260"/);
  });

  it('breaks a line where a week has no value', () => {
    const svg = lineChart(['w1', 'w2', 'w3', 'w4'], [{ name: 'NPS', values: [10, null, 30, 40] }], { title: 'nps' });
    expect(count(svg, /<path class="line"/g)).toBe(2);
    expect(count(svg, /<circle class="point"/g)).toBe(3);
    expect(lineChart([], [], { title: 'empty' })).toContain('—');
  });

  it('draws the Pareto curve with the 20% guide', () => {
    const svg = paretoChart([{ x: 0, y: 0 }, { x: 0.2, y: 0.8 }, { x: 1, y: 1 }], { title: 'pareto' });
    expect(svg).toContain('20% → 80%');
    expect(count(svg, /<path class="line"/g)).toBe(1);
  });

  it('shades heat-map cells by value and outlines the diagonal of a migration matrix', () => {
    const heat = heatMap(['R5', 'R4'], ['F1', 'F2'], [[0, 10], [5, null]], { title: 'grid' });
    expect(count(heat, /<rect class="cell"/g)).toBe(4);
    expect(heat).toContain('rgb(30,64,175)'); // the maximum is the darkest
    const matrix = migrationMatrix(['A', 'B'], ['A', 'B'], [[3, 1], [0, 2]], { title: 'moves', corner: 'from \\ to' });
    expect(count(matrix, /stroke-width="1.5"/g)).toBe(2);
    expect(matrix).toContain('from \\ to');
  });

  it('writes labels on dark cells in white, with a single fill attribute', () => {
    const heat = heatMap(['R5'], ['F1', 'F2'], [[1, 10]], { title: 'grid' });
    const labels = heat.match(/<text [^>]*>(1|10)<\/text>/g)!;
    expect(labels).toHaveLength(2);
    for (const label of labels) expect(count(label, /\sfill=/g)).toBe(1);
    expect(labels.find((l) => l.endsWith('>10</text>'))).toContain('fill="#ffffff"');
    expect(labels.find((l) => l.endsWith('>1</text>'))).not.toContain('#ffffff');
  });
});
