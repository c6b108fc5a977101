// Pairwise precision / recall / F1 of dedupe against ground truth, default settings, on
// FEBRL (real public data, read in place from $CUSTOPS_DATA/febrl) and a generated Chinese +
// English messy set. Each set goes through the real pipeline: `custops ingest FILE --map …` into
// a temporary store, then `custops dedupe`, then entity ids are read back from the store.
// `--direct` skips the store (records straight into the engine) and `--verbose` shows missed and
// false pairs with their explanation. Run `npx tsc -p tsconfig.build.json` first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { dedupe } from '../dist/dedupe/engine.js';
import { explainPair } from '../dist/dedupe/explain.js';
import { defaultDedupeConfig } from '../dist/dedupe/config.js';
import { generateMessyCustomers } from '../dist/dedupe/generate.js';
import { openStore } from '../dist/store/db.js';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(root, process.env.CUSTOPS_DATA ?? '../shared/data');
const bin = join(root, 'bin/custops.js');
const verbose = process.argv.includes('--verbose');
const direct = process.argv.includes('--direct') || verbose;
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const febrlMap = ['rec_id=customer_code', 'given_name=given_name', 'surname=family_name', 'street_number=street_number', 'address_1=address', 'address_2=address2', 'suburb=city', 'postcode=postcode', 'state=province', 'date_of_birth=birth_date', 'soc_sec_id=id_number'];

function custops(args, dbPath) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, '--db', dbPath, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 });
  const lines = r.stderr.trimEnd().split('\n');
  const rssMiB = Math.round(Number(lines.pop()) / 1024);
  return { code: r.status, stdout: r.stdout, stderr: lines.join('\n'), rssMiB };
}

/** Ingest with the bin, dedupe with the bin (default settings), read the entity of every record back. */
function throughStore(files, map, truthOfCode) {
  const dir = mkdtempSync(join(tmpdir(), 'custops-bench-'));
  const dbPath = join(dir, 'store.db');
  try {
    for (const file of files) {
      const r = custops(['ingest', file, ...map.flatMap((m) => ['--map', m])], dbPath);
      if (r.code !== 0) throw new Error(`ingest ${file}: ${r.stderr}`);
    }
    const started = performance.now();
    const r = custops(['dedupe', '--format', 'json'], dbPath);
    if (r.code !== 0) throw new Error(`dedupe: ${r.stderr}`);
    const seconds = (performance.now() - started) / 1000;
    const db = openStore(dbPath, { readonly: true });
    const rows = db.prepare('SELECT id, customer_code, entity_id FROM customers').all();
    db.close();
    const byEntity = new Map();
    const truth = new Map();
    for (const row of rows) {
      truth.set(row.id, truthOfCode(row.customer_code));
      if (!byEntity.has(row.entity_id)) byEntity.set(row.entity_id, []);
      byEntity.get(row.entity_id).push(row.id);
    }
    return { clusters: [...byEntity.values()].filter((c) => c.length > 1), truth, rows, seconds, rssMiB: r.rssMiB };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readFebrl(files) {
  const records = [];
  const truth = new Map();
  let id = 1;
  files.forEach((file, sourceIndex) => {
    const rows = parse(readFileSync(join(dataDir, 'febrl', file)), { columns: (h) => h.map((x) => x.trim()), trim: true });
    for (const r of rows) {
      const v = (x) => (x === '' ? null : x);
      records.push({
        id,
        givenName: v(r.given_name),
        familyName: v(r.surname),
        address: [r.street_number, r.address_1, r.address_2].filter((x) => x).join(' ') || null,
        city: v(r.suburb),
        postcode: v(r.postcode),
        province: v(r.state),
        birthDate: v(r.date_of_birth),
        idNumber: v(r.soc_sec_id),
        sourceId: sourceIndex + 1,
      });
      truth.set(id, r.rec_id.split('-')[1]);
      id++;
    }
  });
  return { records, truth };
}

const pairCount = (n) => (n * (n - 1)) / 2;

function score(clusters, truth) {
  const truthSizes = new Map();
  for (const t of truth.values()) truthSizes.set(t, (truthSizes.get(t) ?? 0) + 1);
  let truePairs = 0;
  for (const s of truthSizes.values()) truePairs += pairCount(s);
  let predicted = 0;
  let tp = 0;
  for (const c of clusters) {
    predicted += pairCount(c.length);
    const by = new Map();
    for (const id of c) by.set(truth.get(id), (by.get(truth.get(id)) ?? 0) + 1);
    for (const s of by.values()) tp += pairCount(s);
  }
  const precision = predicted === 0 ? 1 : tp / predicted;
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predicted, precision, recall, f1 };
}

function showErrors(result, truth, records) {
  const config = defaultDedupeConfig();
  const byId = new Map(records.map((r) => [r.id, r]));
  const groups = new Map();
  for (const [id, t] of truth) {
    if (!groups.has(t)) groups.set(t, []);
    groups.get(t).push(id);
  }
  const line = (e) => `   w=${e.weight.toFixed(1)} blocked ${e.blockedBy.join(',')} ` + e.steps.map((s) => `${s.comparison}:${s.level.split(' ')[0]}:${s.weight.toFixed(1)}`).join(' ');
  let shown = 0;
  for (const g of groups.values()) {
    for (let x = 0; x < g.length && shown < 10; x++)
      for (let y = x + 1; y < g.length && shown < 10; y++) {
        const e = explainPair(result, g[x], g[y], config, config.blocking.rules);
        if (e.sameCluster) continue;
        console.log('MISSED', JSON.stringify(byId.get(g[x])), '\n      ', JSON.stringify(byId.get(g[y])), '\n', line(e));
        shown++;
      }
  }
  shown = 0;
  for (const c of result.clusters) {
    if (new Set(c.map((id) => truth.get(id))).size === 1 || shown++ >= 10) continue;
    console.log('FALSE MERGE', c.map((id) => JSON.stringify(byId.get(id)) + ' truth=' + truth.get(id)).join('\n       '));
  }
}

/** Pairs of different generated people written with the same name who live in different cities. */
function sameNameOtherCityPairs(customers, cityNorm) {
  const firstRecord = new Map();
  for (const c of customers) if (!firstRecord.has(c.person)) firstRecord.set(c.person, c);
  const citiesByName = new Map();
  for (const c of firstRecord.values()) {
    if (!citiesByName.has(c.name)) citiesByName.set(c.name, []);
    citiesByName.get(c.name).push(cityNorm(c.city));
  }
  let pairs = 0;
  for (const cities of citiesByName.values())
    for (let x = 0; x < cities.length; x++) for (let y = x + 1; y < cities.length; y++) if (cities[x] !== cities[y]) pairs++;
  return pairs;
}

function sameNameOtherCityMerges(clusters, truth, cityOf) {
  let wrong = 0;
  for (const c of clusters)
    for (let x = 0; x < c.length; x++)
      for (let y = x + 1; y < c.length; y++) {
        const [a, b] = [c[x], c[y]];
        const ca = cityOf(a);
        const cb = cityOf(b);
        if (truth.get(a) !== truth.get(b) && ca && cb && ca !== cb) wrong++;
      }
  return wrong;
}

const febrlSets = [
  ['febrl dataset1', ['dataset1.csv']],
  ['febrl dataset2', ['dataset2.csv']],
  ['febrl dataset3', ['dataset3.csv']],
  ['febrl 4a+4b', ['dataset4a.csv', 'dataset4b.csv']],
];

const rows = [];
for (const [name, files] of febrlSets) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  let s;
  let seconds;
  let records;
  let rssMiB = '-';
  if (direct) {
    const data = readFebrl(files);
    const result = dedupe(data.records);
    s = score(result.clusters, data.truth);
    seconds = result.stats.seconds.total;
    records = data.records.length;
    if (verbose) showErrors(result, data.truth, data.records);
  } else {
    const r = throughStore(files.map((f) => join(dataDir, 'febrl', f)), febrlMap, (code) => code.split('-')[1]);
    s = score(r.clusters, r.truth);
    seconds = r.seconds;
    records = r.rows.length;
    rssMiB = r.rssMiB;
  }
  rows.push({ set: name, records, truePairs: s.truePairs, found: s.predicted, precision: s.precision.toFixed(4), recall: s.recall.toFixed(4), f1: s.f1.toFixed(4), sameNameOtherCityPairs: '-', falseMergesOtherCity: '-', seconds: +seconds.toFixed(1), dedupeRssMiB: rssMiB });
}

if (!only.length || only.some((o) => 'generated'.includes(o))) {
  const { records, customers, truth } = generateMessyCustomers({ people: 20000, seed: 7 });
  const cityNorm = (c) => (c ? c.replace(/市$/, '') : null);
  let s;
  let wrong;
  let seconds;
  let rssMiB = '-';
  if (direct) {
    const result = dedupe(records);
    s = score(result.clusters, truth);
    const byId = new Map(customers.map((c) => [c.id, c]));
    wrong = sameNameOtherCityMerges(result.clusters, truth, (id) => cityNorm(byId.get(id).city));
    seconds = result.stats.seconds.total;
    if (verbose) showErrors(result, truth, records);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'custops-bench-'));
    const file = join(dir, 'generated_customers.csv');
    writeFileSync(file, stringify(customers.map((c) => ({ 客户编号: `G${c.person}-${c.id}`, 姓名: c.name, 手机: c.phone, 邮箱: c.email, 公司: c.company, 省份: c.province, 城市: c.city, 地址: c.address, 生日: c.birthDate })), { header: true }));
    const r = throughStore([file], [], (code) => code.split('-')[0]);
    rmSync(dir, { recursive: true, force: true });
    s = score(r.clusters, r.truth);
    const cityOfCode = new Map(customers.map((c) => [`G${c.person}-${c.id}`, cityNorm(c.city)]));
    const codeOf = new Map(r.rows.map((row) => [row.id, row.customer_code]));
    wrong = sameNameOtherCityMerges(r.clusters, r.truth, (id) => cityOfCode.get(codeOf.get(id)));
    seconds = r.seconds;
    rssMiB = r.rssMiB;
  }
  rows.push({ set: 'generated zh+en', records: records.length, truePairs: s.truePairs, found: s.predicted, precision: s.precision.toFixed(4), recall: s.recall.toFixed(4), f1: s.f1.toFixed(4), sameNameOtherCityPairs: sameNameOtherCityPairs(customers, cityNorm), falseMergesOtherCity: wrong, seconds: +seconds.toFixed(1), dedupeRssMiB: rssMiB });
}
console.table(rows);
console.log(`mode: ${direct ? 'records straight into the engine (--direct)' : 'custops ingest → custops dedupe (default settings) → entity ids read from the store'}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('precision/recall/F1 over record pairs; sameNameOtherCityPairs: pairs of different people with the same name in different cities (the trap); falseMergesOtherCity: merged pairs of different people whose cities differ (must be 0)');
