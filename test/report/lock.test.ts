import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { acquireStoreLock, lockHolder, lockPathFor, StoreLockedError, withStoreLock } from '../../src/store/lock.js';
import { tempDir } from '../helpers/bin.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill();
});

function liveProcess(): ChildProcess {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

function writeLock(dbPath: string, info: { pid: number; startedAt?: string; command?: string }): void {
  writeFileSync(lockPathFor(dbPath), JSON.stringify({ pid: info.pid, host: hostname(), command: info.command ?? 'ingest', startedAt: info.startedAt ?? new Date().toISOString() }));
}

describe('store lock', () => {
  it('creates a lock file with pid and start time next to the store and removes it on release', () => {
    const db = join(tempDir(), 'custops.db');
    const lock = acquireStoreLock(db, { command: 'run weekly' });
    const info = JSON.parse(readFileSync(`${db}.lock`, 'utf8')) as Record<string, unknown>;
    expect(info).toMatchObject({ pid: process.pid, command: 'run weekly', host: hostname() });
    expect(Date.parse(info.startedAt as string)).not.toBeNaN();
    lock.release();
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('is re-entrant within one process', async () => {
    const db = join(tempDir(), 'custops.db');
    const outer = acquireStoreLock(db);
    await withStoreLock(db, {}, () => expect(existsSync(`${db}.lock`)).toBe(true));
    expect(existsSync(`${db}.lock`)).toBe(true);
    outer.release();
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('refuses at once when a live process holds it, naming the holder', () => {
    const db = join(tempDir(), 'custops.db');
    const holder = liveProcess();
    writeLock(db, { pid: holder.pid!, command: 'ingest' });
    let error: unknown;
    try {
      acquireStoreLock(db, { waitSeconds: 0 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as Error).message).toContain(`pid ${holder.pid}`);
    expect((error as Error).message).toContain('custops ingest');
    expect((error as StoreLockedError).exitCode).toBe(1);
    expect(lockHolder(db)).toMatchObject({ pid: holder.pid, stale: false });
  });

  it('takes over a lock whose process is gone', () => {
    const db = join(tempDir(), 'custops.db');
    const gone = spawnSync('true');
    writeLock(db, { pid: gone.pid! });
    expect(lockHolder(db)?.stale).toBe(true);
    const lock = acquireStoreLock(db);
    expect(JSON.parse(readFileSync(`${db}.lock`, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid now belongs to a process started after the lock', () => {
    const db = join(tempDir(), 'custops.db');
    const reused = liveProcess();
    writeLock(db, { pid: reused.pid!, startedAt: '2020-01-01T00:00:00.000Z' });
    const lock = acquireStoreLock(db);
    expect(JSON.parse(readFileSync(`${db}.lock`, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('judges a half-written lock by its age', () => {
    const db = join(tempDir(), 'custops.db');
    writeFileSync(`${db}.lock`, '');
    expect(() => acquireStoreLock(db)).toThrow(StoreLockedError);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${db}.lock`, old, old);
    acquireStoreLock(db).release();
  });

  it('waits for the holder to finish when asked to (--wait)', () => {
    const db = join(tempDir(), 'custops.db');
    const holder = spawn('sh', ['-c', `sleep 0.4; rm -f '${db}.lock'`], { stdio: 'ignore' });
    children.push(holder);
    writeLock(db, { pid: holder.pid! });
    expect(() => acquireStoreLock(db, { waitSeconds: 0 })).toThrow(StoreLockedError);
    const lock = acquireStoreLock(db, { waitSeconds: 30, pollMs: 50 });
    expect(JSON.parse(readFileSync(`${db}.lock`, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});
