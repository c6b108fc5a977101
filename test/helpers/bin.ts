import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const bin = resolve(import.meta.dirname, '../../bin/custops.js');

export interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real custops bin (compiled dist/) with no terminal, as cron or CI would. */
export function runBin(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): BinResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', CUSTOPS_DB: '', NO_COLOR: '1', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'custops-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
