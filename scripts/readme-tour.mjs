// Regenerates the README's quick tour from real runs: every command below runs against a fresh demo
// store, and its output (cut to a few lines) replaces the text between <!-- TOUR --> and
// <!-- /TOUR --> in README.md. Run after `npm run build`:  node scripts/readme-tour.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin/custops.js');
const cwd = mkdtempSync(join(tmpdir(), 'custops-tour-'));
const AS_OF = '2026-11-22';

/** [heading, explanation, command line, lines to show] */
const tour = [
  ['Demo', 'Generates messy exports (GBK CSV with a title row, XLSX with merged cells, UTF-8 CSV with BOM, service tickets) and runs the whole pipeline.', `custops demo --as-of ${AS_OF}`, 60],
  ['Ingest', '`--dry-run` shows what was detected and how columns map, without writing.', 'custops --lang zh ingest custops-demo/crm_customers.csv --dry-run', 30],
  ['Status', '', 'custops status', 40],
  ['Rejects', 'Rows that could not be used, with file, line, column and reason.', 'custops rejects', 10],
  ['Clean', 'Data-quality scorecard (completeness, validity, uniqueness per field, top problems); `--output issues.xlsx` writes every issue for a person to fix.', 'custops --lang zh clean', 45],
  ['Dedupe', 'Probabilistic matching (EM-estimated Fellegi–Sunter weights with term frequencies), golden records, `--explain`, `--undo`.', 'custops dedupe --dry-run', 25],
  ['', '', 'custops dedupe --explain 5', 30],
  ['Segment', 'RFM with the 11 named segments and the Chinese eight-type model, value tiers, lifecycle and churn warnings, Pareto, value × growth, k-means clusters, BG/NBD + Gamma-Gamma CLV, snapshot migration.', `custops segment rfm --as-of ${AS_OF}`, 50],
  ['', '', `custops segment tiers --as-of ${AS_OF}`, 20],
  ['', '', `custops segment lifecycle --as-of ${AS_OF}`, 30],
  ['', '', `custops segment pareto --as-of ${AS_OF}`, 20],
  ['', '', `custops segment matrix --as-of ${AS_OF}`, 15],
  ['', '', `custops segment cluster --as-of ${AS_OF}`, 20],
  ['', '', `custops segment clv --as-of ${AS_OF}`, 30],
  ['Feedback', 'NPS with its 95% interval, CSAT, CES, sentiment, keywords, topics with a priority matrix, heatmap, and follow-up alerts with deadlines.', `custops feedback summary --by month --until ${AS_OF}`, 25],
  ['', '', 'custops --lang zh feedback topics', 30],
  ['', '', 'custops feedback keywords', 20],
  ['', '', 'custops feedback heatmap', 20],
  ['', '', 'custops feedback alerts', 20],
  ['Rules and tasks', 'Declarative rules create follow-up tasks idempotently; service levels by tier.', `custops rules test --as-of ${AS_OF}`, 25],
  ['', '', 'custops tasks --overdue', 20],
  ['', '', `custops service sla --as-of ${AS_OF}`, 15],
  ['', '', `custops status --kpi --as-of ${AS_OF}`, 25],
  ['Report', 'The weekly report as HTML (self-contained, charts as inline SVG), Markdown, XLSX or JSON; in the terminal without `--output`.', `custops report weekly --as-of ${AS_OF} --output report.html`, 5],
  ['Export and query', '', 'custops export customers --mask-pii --columns customer_code,name,phone_e164,email_norm,entity_id --format csv --where "province_norm = \'广东\'"', 8],
  ['', '', 'custops query "SELECT province_norm AS province, COUNT(*) AS customers FROM customers GROUP BY 1 ORDER BY 2 DESC LIMIT 5"', 12],
];

const blocks = [];
let heading = '';
for (const [title, text, line, maxLines] of tour) {
  if (title && title !== heading) {
    heading = title;
    blocks.push(`### ${title}\n`);
    if (text) blocks.push(`${text}\n`);
  }
  const args = splitArgs(line).slice(1);
  const db = line.startsWith('custops demo') ? [] : ['--db', 'custops-demo/custops.db'];
  const res = spawnSync(process.execPath, [bin, ...db, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1', CUSTOPS_DB: '', COLUMNS: '120' } });
  const out = `${res.stdout}${res.stderr}`.trimEnd().split('\n');
  const shown = out.length > maxLines ? [...out.slice(0, maxLines), `… (${out.length - maxLines} more lines)`] : out;
  if (res.status !== 0 && res.status !== 4) console.error(`! ${line} exited with ${res.status}`);
  blocks.push('```console', `$ ${line}`, ...shown, '```', '');
}

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const start = readme.indexOf('<!-- TOUR -->');
const end = readme.indexOf('<!-- /TOUR -->');
if (start < 0 || end < 0) throw new Error('README.md needs <!-- TOUR --> and <!-- /TOUR --> markers');
writeFileSync(join(root, 'README.md'), `${readme.slice(0, start)}<!-- TOUR -->\n${blocks.join('\n')}\n${readme.slice(end)}`);
console.log(`README tour regenerated from ${tour.length} runs in ${cwd}`);

function splitArgs(line) {
  const out = [];
  let cur = '';
  let quote = null;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ' ') {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}
