import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { lockPathFor } from '../../src/store/lock.js';
import { runBin, tempDir } from '../helpers/bin.js';

// Every command that writes takes the store's lock file; readers do not wait for it.
const fixture = resolve(import.meta.dirname, '../../fixtures/readers/utf8-bom.csv');

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill();
});

function holdLock(db: string, command: string): number {
  const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
  children.push(holder);
  writeFileSync(lockPathFor(db), JSON.stringify({ pid: holder.pid, host: hostname(), command, startedAt: new Date().toISOString() }));
  return holder.pid!;
}

describe('store lock across commands', () => {
  it('a writing command refuses a store another custops is writing, naming it; readers go on', () => {
    const dir = tempDir();
    const db = join(dir, 'custops.db');
    expect(runBin(['--db', db, 'ingest', fixture, '--quiet']).code).toBe(0);
    expect(existsSync(lockPathFor(db))).toBe(false);

    const pid = holdLock(db, 'run weekly');
    const refused = runBin(['--db', db, 'ingest', fixture, '--force'], { env: { CUSTOPS_LOCK_WAIT: '0' } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`in use by custops run weekly (pid ${pid}`);
    expect(refused.stderr).toContain('CUSTOPS_LOCK_WAIT');

    const clean = runBin(['--db', db, 'clean'], { env: { CUSTOPS_LOCK_WAIT: '0' } });
    expect(clean.code).toBe(1);
    expect(clean.stderr).toContain('in use by custops run weekly');

    const status = runBin(['--db', db, 'status', '--format', 'json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).writer).toMatchObject({ command: 'run weekly', pid });
    const query = runBin(['--db', db, 'query', 'SELECT count(*) AS n FROM customers', '--format', 'json']);
    expect(query.code).toBe(0);
    expect(JSON.parse(query.stdout)[0].n).toBeGreaterThan(0);
  });

  it('names the running command by its full path and removes the lock when it ends', () => {
    const dir = tempDir();
    const db = join(dir, 'custops.db');
    expect(runBin(['--db', db, 'ingest', fixture, '--quiet']).code).toBe(0);
    holdLock(db, 'feedback alerts');
    const refused = runBin(['--db', db, 'dedupe', '--yes'], { env: { CUSTOPS_LOCK_WAIT: '0' } });
    expect(refused.stderr).toContain('custops feedback alerts');
    children.splice(0).forEach((c) => c.kill());
    // the holder is gone: its lock is stale and the next writer takes it over
    const dedupe = runBin(['--db', db, 'dedupe', '--yes', '--quiet']);
    expect(dedupe.code).toBe(0);
    expect(existsSync(lockPathFor(db))).toBe(false);
  });
});
