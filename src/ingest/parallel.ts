import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RecordBatch } from './batch.js';
import { errorData, errorFrom, type BuildJob, type MainMessage, type WorkerMessage } from './worker-protocol.js';

const workerScript = new URL('./build-worker.js', import.meta.url);

/** Whether the compiled worker is there to start (not when running from the TypeScript sources, e.g. under vitest). */
export const workerAvailable = existsSync(fileURLToPath(workerScript));

type Event = WorkerMessage | { type: 'exit'; code: number };

/**
 * A worker thread that reads tables and builds their records (build-worker.ts) while this thread
 * writes them. Start it early: loading its modules takes a while. Always close() it.
 */
export class BuildWorker {
  private readonly worker = new Worker(workerScript);
  private readonly events: Event[] = [];
  private wake: (() => void) | undefined;

  constructor() {
    this.worker.on('message', (message: WorkerMessage) => this.push(message));
    this.worker.on('error', (error) => this.push({ type: 'error', error: errorData(error) }));
    this.worker.on('exit', (code) => this.push({ type: 'exit', code }));
  }

  /**
   * A table's record batches. Taking the next batch tells the worker the previous one is written, so
   * at most MAX_BATCHES_IN_FLIGHT are held at once. An error in the worker is thrown here as the same error.
   */
  async *batches(job: BuildJob): AsyncGenerator<RecordBatch> {
    this.post({ type: 'job', job });
    for (;;) {
      while (this.events.length === 0) await new Promise<void>((r) => (this.wake = r));
      const event = this.events.shift()!;
      if (event.type === 'done') return;
      if (event.type === 'error') throw errorFrom(event.error);
      if (event.type === 'exit') throw new Error(`the ingest worker stopped unexpectedly (exit code ${event.code})`);
      yield event.batch;
      this.post({ type: 'written' });
    }
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners();
    await this.worker.terminate();
  }

  private post(message: MainMessage): void {
    this.worker.postMessage(message);
  }

  private push(event: Event): void {
    this.events.push(event);
    this.wake?.();
    this.wake = undefined;
  }
}
