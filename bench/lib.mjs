// Shared helpers for benchmarks: timing a child process with its peak RSS, and printing tables.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const root = new URL('..', import.meta.url).pathname;
export const dataDir = process.env.CUSTOPS_DATA ?? new URL('../../shared/data', import.meta.url).pathname;

/** Runs a command under /usr/bin/time -v; returns seconds (wall) and peak RSS in MB. */
export function measure(cmd, args, options = {}) {
  const started = performance.now();
  const useTime = existsSync('/usr/bin/time');
  const res = useTime
    ? spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, ...options })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${res.status}): ${res.stderr?.slice(-2000)}`);
  const rss = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(res.stderr)?.[1] ?? NaN) / 1024 : NaN;
  return { seconds, rssMb: rss, stdout: res.stdout, stderr: res.stderr };
}

export function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

export function printTable(title, rows) {
  console.log(`\n${title}`);
  const keys = Object.keys(rows[0] ?? {});
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(line(keys));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(keys.map((k) => r[k])));
}
