// CLV accuracy on the public CDNOW data (Fader & Hardie), read in place.
// 1. BG/NBD on cdnow_customers_summary.csv must give r 0.243, alpha 4.414, a 0.793, b 2.426 and
//    Gamma-Gamma on the 946 repeat buyers p 6.25, q 3.74, v 15.45, each to 2 significant digits.
// 2. The raw CDNOW_master.txt (69,659 transactions) goes through the same order → summary → fit →
//    predict path the store uses, to show it runs end to end and how long it takes.
// 3. The real commands, from the built bin, into a throw-away store:
//      custops ingest CDNOW_master.txt --map number_of_cds=quantity   (file taken as is: whitespace
//        delimiter, header line and YYYYMMDD dates are detected; the map only names the CD count)
//      custops segment clv --as-of 1997-09-30 | 1998-06-30
//    and their parameters must equal step 2's (same data, same fit).
// Run: npx tsc -p tsconfig.build.json && node bench/clv-cdnow.mjs   (CUSTOPS_DATA overrides ../shared/data)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitBgNbd } from '../dist/segment/bgnbd.js';
import { fitGammaGamma } from '../dist/segment/gammagamma.js';
import { clv, clvInputsFromOrders } from '../dist/segment/clv.js';
import { measure } from './lib.mjs';

/** The JSON document a command printed (pretty-printed, so it ends at the first "}" line); tolerates stray lines after it. */
function firstJson(text) {
  const end = text.indexOf('\n}\n');
  return JSON.parse(end < 0 ? text : text.slice(0, end + 2));
}

const root = resolve(fileURLToPath(import.meta.url), '../..');
const data = resolve(root, process.env.CUSTOPS_DATA ?? '../shared/data', 'cdnow');

function readCsv(name) {
  const [header, ...lines] = readFileSync(join(data, name), 'utf8').trim().split(/\r?\n/);
  const keys = header.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], Number(v)])));
}

/** Half a unit in the second significant digit of the published value. */
function matches2(published, fitted) {
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(published))) - 1);
  return Math.abs(fitted - published) <= unit / 2;
}

const rows = [];
let ok = true;
function check(model, name, published, fitted) {
  const pass = matches2(published, fitted);
  ok &&= pass;
  rows.push({ model, param: name, published, fitted: Number(fitted.toFixed(4)), 'rel.err': `${((100 * (fitted - published)) / published).toFixed(2)}%`, '2 sig. digits': pass ? 'ok' : 'MISMATCH' });
}

let t0 = performance.now();
const summary = readCsv('cdnow_customers_summary.csv').map((r) => ({ x: r.frequency, tx: r.recency, T: r.T }));
const bg = fitBgNbd(summary);
const bgSeconds = (performance.now() - t0) / 1000;
for (const [k, v] of Object.entries({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 })) check('BG/NBD', k, v, bg.params[k]);

t0 = performance.now();
const spend = readCsv('cdnow_customers_summary_with_transactions.csv').filter((r) => r.x > 0).map((r) => ({ x: r.x, m: r.zbar }));
const gg = fitGammaGamma(spend);
const ggSeconds = (performance.now() - t0) / 1000;
for (const [k, v] of Object.entries({ p: 6.25, q: 3.74, v: 15.45 })) check('Gamma-Gamma', k, v, gg.params[k]);

console.log(`CDNOW published parameters (BG/NBD on ${summary.length} customers, LL ${bg.logLikelihood.toFixed(2)}, ${bgSeconds.toFixed(2)} s; Gamma-Gamma on ${spend.length} repeat buyers, LL ${gg.logLikelihood.toFixed(2)}, ${ggSeconds.toFixed(2)} s)`);
console.table(rows);

// Raw transactions: customer_id YYYYMMDD cds dollars, whitespace separated (a header line is skipped).
t0 = performance.now();
const orders = [];
for (const line of readFileSync(join(data, 'CDNOW_master.txt'), 'utf8').split(/\r?\n/)) {
  const f = line.trim().split(/\s+/);
  if (f.length < 4 || !/^\d{8}$/.test(f[1])) continue;
  orders.push({ entityId: Number(f[0]), day: `${f[1].slice(0, 4)}-${f[1].slice(4, 6)}-${f[1].slice(6, 8)}`, amountCents: Math.round(Number(f[3]) * 100), status: null });
}
const raw = [];
const inProcess = {};
for (const [label, asOf] of [['calibration to 1997-09-30 (39 weeks)', '1997-09-30'], ['all data to 1998-06-30', '1998-06-30']]) {
  const t = performance.now();
  const result = clv(clvInputsFromOrders(orders, asOf), asOf, { unit: 'week', horizonMonths: 12, annualDiscountRate: 0.1 });
  const p = result.model.bgnbd.params;
  const g = result.model.gammaGamma.params;
  inProcess[asOf] = { ...p, ...g };
  raw.push({
    'as of': label,
    customers: result.totals.customers,
    repeat: result.totals.repeatBuyers,
    r: p.r.toFixed(3), alpha: p.alpha.toFixed(3), a: p.a.toFixed(3), b: p.b.toFixed(3),
    p: g.p.toFixed(2), q: g.q.toFixed(2), v: g.v.toFixed(2),
    'E[purchases 12m]': Math.round(result.totals.expectedPurchases),
    'CLV 12m $': Math.round(result.totals.clvCents / 100),
    seconds: ((performance.now() - t) / 1000).toFixed(2),
  });
}
console.log(`\nCDNOW_master.txt: ${orders.length} transactions, parsed in ${((performance.now() - t0) / 1000).toFixed(2)} s total with the fits below`);
console.table(raw);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

const work = mkdtempSync(join(tmpdir(), 'custops-cdnow-'));
const bin = join(root, 'bin/custops.js');
const db = join(work, 'cdnow.db');
try {
  const cli = [];
  const ingest = measure(process.execPath, [bin, '--db', db, '--lang', 'en', '--format', 'json', 'ingest', join(data, 'CDNOW_master.txt'), '--map', 'number_of_cds=quantity'], { cwd: work });
  const imported = measure('sqlite3', ['-readonly', db, "SELECT COUNT(*), COUNT(DISTINCT customer_code), SUM(order_day IS NULL OR amount_cents IS NULL) FROM orders"]).stdout.trim().split('|').map(Number);
  cli.push({ command: 'custops ingest CDNOW_master.txt --map number_of_cds=quantity', seconds: ingest.seconds.toFixed(1), 'peak RSS MB': ingest.rssMb.toFixed(0), result: `${imported[0]} orders, ${imported[1]} customer codes, ${imported[2]} without day or amount` });
  if (imported[0] !== 69659 || imported[2] !== 0) ok = false;
  for (const asOf of ['1997-09-30', '1998-06-30']) {
    const m = measure(process.execPath, [bin, '--db', db, '--lang', 'en', '--format', 'json', 'segment', 'clv', '--as-of', asOf], { cwd: work });
    const out = firstJson(m.stdout);
    const fitted = { ...out.bgnbd.params, ...out.gammaGamma.params };
    const worst = Math.max(...Object.entries(inProcess[asOf]).map(([k, v]) => Math.abs(fitted[k] - v) / Math.abs(v)));
    const same = worst <= 1e-4;
    if (!same) ok = false;
    cli.push({
      command: `custops segment clv --as-of ${asOf}`,
      seconds: m.seconds.toFixed(1),
      'peak RSS MB': m.rssMb.toFixed(0),
      result: `${out.totals.customers} customers; r ${fitted.r.toFixed(3)} α ${fitted.alpha.toFixed(3)} a ${fitted.a.toFixed(3)} b ${fitted.b.toFixed(3)} p ${fitted.p.toFixed(2)} q ${fitted.q.toFixed(2)} v ${fitted.v.toFixed(2)}; ${same ? 'same' : 'DIFFERS'} as in-process (largest relative difference ${worst.toExponential(1)})`,
    });
  }
  console.log('\nThe commands end to end (built bin, throw-away store)');
  console.table(cli);
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (!ok) {
  console.error('CHECK FAILED: a parameter misses the published value to 2 significant digits, the import lost rows, or the command disagrees with the in-process fit');
  process.exit(1);
}
