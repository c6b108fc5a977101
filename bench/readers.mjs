// Reader throughput: custops' CSV reader (src/ingest/readers) vs csv-parse on the same generated
// 12-column customer CSV (quoted fields with commas, some multi-line cells, Chinese text), UTF-8 and GBK.
// Each measurement runs in its own process (peak RSS via /usr/bin/time -v).
// Usage: npx tsc -p tsconfig.build.json && node bench/readers.mjs   (BENCH_ROWS=1000000 by default)
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { has, measure, printTable, root } from './lib.mjs';

const PROVINCES = ['广东省', '浙江省', '北京市', '上海市', '江苏省', '四川省'];
const CITIES = ['广州', '杭州', '北京', '上海', '南京', '成都'];

async function writeCsv(path, rows, encoding) {
  const out = createWriteStream(path);
  const write = async (text) => {
    if (!out.write(encoding === 'utf8' ? text : iconv.encode(text, encoding))) {
      await new Promise((resolve) => out.once('drain', resolve));
    }
  };
  let buf = '客户编号,姓名,手机,邮箱,公司名称,省份,城市,行业,注册日期,年收入,备注,状态\n';
  for (let i = 1; i <= rows; i++) {
    const p = i % 6;
    const note = i % 50 === 0 ? '"第一行\n第二行, 带逗号"' : i % 7 === 0 ? '老客户' : '';
    buf += `C${String(i).padStart(7, '0')},张${i % 97}三,138${String((i * 7919) % 1e8).padStart(8, '0')},user${i}@example.com,"某某科技有限公司,${i % 1000}号",${PROVINCES[p]},${CITIES[p]},软件,2023-0${1 + (i % 9)}-1${i % 10},${((i * 13.7) % 100000).toFixed(2)},${note},active\n`;
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise((resolve) => out.end(resolve));
}

async function child(mode, file) {
  const started = process.cpuUsage();
  let rows = 0;
  if (mode === 'csv-parse') {
    const { parse } = await import('csv-parse');
    const parser = createReadStream(file).pipe(parse({ relax_column_count: true, relax_quotes: true }));
    for await (const record of parser) rows += record.length > 0 ? 1 : 0;
    rows -= 1; // header
  } else {
    const { openTables, rowsInBatches } = await import(join(root, 'dist/ingest/readers/index.js'));
    const [table] = await openTables(file);
    if (mode === 'custops rows') {
      for await (const row of table.rows) rows += row.cells.length > 0 ? 1 : 0;
    } else {
      for await (const batch of rowsInBatches(table.rows)) rows += batch.length;
    }
  }
  const cpu = process.cpuUsage(started);
  console.log(JSON.stringify({ rows, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
} else {
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  const dir = join(root, 'bench/out');
  mkdirSync(dir, { recursive: true });
  const files = { utf8: join(dir, `readers-${rows}.csv`), gbk: join(dir, `readers-${rows}-gbk.csv`) };
  for (const [encoding, path] of Object.entries(files)) if (!existsSync(path)) await writeCsv(path, rows, encoding);

  const runs = [
    ['csv-parse', 'utf8'],
    ['custops rows', 'utf8'],
    ['custops batches', 'utf8'],
    ['custops batches', 'gbk'],
  ];
  const table = [];
  const add = (reader, encoding, read, run, cpuSeconds) => {
    const mb = statSync(files[encoding]).size / 1e6;
    table.push({
      reader,
      file: `${encoding} ${mb.toFixed(0)} MB`,
      rows: read,
      'wall s': run.seconds.toFixed(2),
      'cpu s': cpuSeconds.toFixed(2),
      'rows/s': Math.round(read / run.seconds),
      'rows/cpu-s': Math.round(read / cpuSeconds),
      'MB/s': (mb / run.seconds).toFixed(1),
      'peak RSS MB': run.rssMb.toFixed(0),
    });
  };
  for (const [mode, encoding] of runs) {
    const run = measure(process.execPath, [new URL(import.meta.url).pathname, '--child', mode, files[encoding]]);
    const { rows: read, cpuSeconds } = JSON.parse(run.stdout.trim().split('\n').at(-1));
    add(mode, encoding, read, run, cpuSeconds);
  }
  if (has('sqlite3')) {
    // for scale: the ingest target is ≤ 2× sqlite3 .import (parsing plus inserting, no normalising)
    const run = measure('sqlite3', [':memory:', '.mode csv', `.import ${files.utf8} t`]);
    const cpu = ['User', 'System'].reduce((sum, kind) => sum + Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(run.stderr)?.[1] ?? NaN), 0);
    add('sqlite3 .import (reference)', 'utf8', rows, run, cpu);
  }
  printTable(`CSV readers, ${rows.toLocaleString('en')} rows × 12 columns (wall time includes process start)`, table);
}
