import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { CustopsError, ExitCode } from '../errors.js';

/**
 * One writer per store: a lock file next to the store (`custops.db.lock`) holding the holder's pid,
 * host, command and start time. Created with O_EXCL, so two processes can never both hold it.
 * A lock whose process is gone (or whose pid now belongs to a younger process) is stale and is
 * taken over; a live one makes the caller wait up to `waitSeconds`, then fail with the holder named.
 */
export interface LockInfo {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

export interface StoreLock {
  readonly path: string;
  readonly info: LockInfo;
  release(): void;
}

export interface LockOptions {
  /** Seconds to wait for a live holder before giving up (default 0: fail at once). */
  waitSeconds?: number;
  /** What the holder is doing, shown to whoever waits ("ingest", "run weekly"). */
  command?: string;
  /** Poll interval while waiting (ms). */
  pollMs?: number;
}

export class StoreLockedError extends CustopsError {
  constructor(
    readonly lockPath: string,
    readonly holder: LockInfo,
  ) {
    super(
      `the store is in use by custops ${holder.command || '(unknown command)'} (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}); lock file ${lockPath}`,
      ExitCode.failure,
      'wait for it to finish, set CUSTOPS_LOCK_WAIT=SECONDS (or --wait SECONDS where a command has it) to queue behind it, or delete the lock file if that process is really gone',
    );
    this.name = 'StoreLockedError';
  }
}

export function lockPathFor(dbPath: string): string {
  return `${dbPath}.lock`;
}

/** Locks held by this process, by lock path: re-entrant, so nested writers in one process share one lock. */
const held = new Map<string, { lock: StoreLock; count: number }>();

let exitHookInstalled = false;
function releaseAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const { lock } of held.values()) removeIfOurs(lock.path, lock.info);
    held.clear();
  });
}

/** Acquires the store's write lock (synchronously; waiting sleeps the thread). No-op lock for `:memory:`. */
export function acquireStoreLock(dbPath: string, options: LockOptions = {}): StoreLock {
  if (dbPath === ':memory:' || dbPath === '') return { path: '', info: ownInfo(options.command), release() {} };
  const path = lockPathFor(dbPath);
  const mine = held.get(path);
  if (mine) {
    mine.count++;
    return handle(path, mine.lock.info);
  }
  const waitMs = Math.max(0, (options.waitSeconds ?? 0) * 1000);
  const pollMs = options.pollMs ?? 200;
  const deadline = Date.now() + waitMs;
  const info = ownInfo(options.command);
  for (;;) {
    if (tryCreate(path, info)) break;
    const holder = readLock(path);
    if (holder === undefined) continue; // vanished between our create and our read: try again
    if (isStale(holder, path)) {
      breakStaleLock(path, holder);
      continue;
    }
    if (Date.now() >= deadline) throw new StoreLockedError(path, holder);
    sleep(Math.min(pollMs, Math.max(1, deadline - Date.now())));
  }
  const lock: StoreLock = { path, info, release: () => removeIfOurs(path, info) };
  held.set(path, { lock, count: 1 });
  releaseAllOnExit();
  return handle(path, info);
}

/** The handle callers get: release() counts down re-entrant acquisitions and removes the file at zero. */
function handle(path: string, info: LockInfo): StoreLock {
  let released = false;
  return {
    path,
    info,
    release() {
      if (released) return;
      released = true;
      const entry = held.get(path);
      if (!entry) return;
      if (--entry.count > 0) return;
      held.delete(path);
      entry.lock.release();
    },
  };
}

/** Runs `work` holding the store lock; the lock is released however `work` ends. */
export async function withStoreLock<T>(dbPath: string, options: LockOptions, work: () => Promise<T> | T): Promise<T> {
  const lock = acquireStoreLock(dbPath, options);
  try {
    return await work();
  } finally {
    lock.release();
  }
}

/** Who holds the store's lock now (stale or not), if anyone. */
export function lockHolder(dbPath: string): (LockInfo & { stale: boolean }) | undefined {
  const path = lockPathFor(dbPath);
  const info = readLock(path);
  return info && { ...info, stale: isStale(info, path) };
}

function ownInfo(command = ''): LockInfo {
  return { pid: process.pid, host: hostname(), command, startedAt: new Date().toISOString() };
}

function tryCreate(path: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new CustopsError(`cannot create lock file ${path}: ${(err as Error).message}`, ExitCode.failure, 'check that the folder of the store is writable');
  }
  try {
    writeSync(fd, `${JSON.stringify(info)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readLock(path: string): LockInfo | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockInfo>;
    if (typeof parsed.pid === 'number') {
      return { pid: parsed.pid, host: String(parsed.host ?? ''), command: String(parsed.command ?? ''), startedAt: String(parsed.startedAt ?? '') };
    }
  } catch {
    // A half-written lock (the writer died between create and write) is judged by its age below.
  }
  return { pid: 0, host: hostname(), command: '', startedAt: fileTime(path) };
}

function fileTime(path: string): string {
  try {
    return statSync(path).mtime.toISOString();
  } catch {
    return new Date(0).toISOString();
  }
}

/** A lock is stale when its process is gone, or when its pid was reused by a process started later. */
function isStale(info: LockInfo, path: string): boolean {
  if (info.host && info.host !== hostname()) return false; // another machine (network folder): cannot tell, keep it
  if (info.pid <= 0) return Date.now() - Date.parse(fileTime(path)) > 10_000;
  if (info.pid === process.pid) return !held.has(path); // a lock we wrote and forgot (crashed release)
  if (!processAlive(info.pid)) return true;
  const started = processStartMs(info.pid);
  const lockedAt = Date.parse(info.startedAt);
  return started !== undefined && Number.isFinite(lockedAt) && started > lockedAt + 2000;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** A process that has exited but was not yet reaped by its parent still answers kill(pid, 0) on Linux. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

let bootMs: number | undefined;
/** Start time of a process from /proc (Linux); undefined elsewhere. */
function processStartMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTicks = Number(fields[19]);
    bootMs ??= Number(/btime (\d+)/.exec(readFileSync('/proc/stat', 'utf8'))?.[1]) * 1000;
    if (!Number.isFinite(startTicks) || !Number.isFinite(bootMs)) return undefined;
    return bootMs + (startTicks / 100) * 1000; // USER_HZ is 100 on every Linux ABI node runs on
  } catch {
    return undefined;
  }
}

/**
 * Removes a stale lock without racing another process doing the same: the breaker first takes a
 * short-lived `.break` lock, re-reads the lock, and removes it only if it is still the stale one.
 */
function breakStaleLock(path: string, stale: LockInfo): void {
  const breaker = `${path}.break`;
  if (!tryCreate(breaker, ownInfo('break stale lock'))) {
    if (Date.now() - Date.parse(fileTime(breaker)) > 10_000) removeQuietly(breaker);
    else sleep(20);
    return;
  }
  try {
    const now = readLock(path);
    if (now && now.pid === stale.pid && now.startedAt === stale.startedAt) removeQuietly(path);
  } finally {
    removeQuietly(breaker);
  }
}

function removeIfOurs(path: string, info: LockInfo): void {
  const now = readLockQuietly(path);
  if (now && now.pid === info.pid && now.startedAt === info.startedAt) removeQuietly(path);
}

function readLockQuietly(path: string): LockInfo | undefined {
  try {
    return readLock(path);
  } catch {
    return undefined;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

