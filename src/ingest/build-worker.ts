// Worker thread of a large import: reads tables, builds their records and posts them in batches to
// the thread that writes them (see parallel.ts). It never opens the store.
import { parentPort } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { BatchBuilder, buildBatches } from './build.js';
import type { RecordBatch } from './batch.js';
import { openRows } from './readers/index.js';
import { errorData, MAX_BATCHES_IN_FLIGHT, type BuildJob, type MainMessage, type WorkerMessage } from './worker-protocol.js';

const port = parentPort!;
let current: BuildJob | undefined;
let inFlight = 0;
let resume: (() => void) | undefined;

function post(message: WorkerMessage): void {
  port.postMessage(message);
}

async function send(batch: RecordBatch): Promise<void> {
  if (inFlight >= MAX_BATCHES_IN_FLIGHT) {
    port.ref();
    while (inFlight >= MAX_BATCHES_IN_FLIGHT) await new Promise<void>((r) => (resume = r));
    port.unref();
  }
  inFlight++;
  post({ type: 'batch', batch });
}

async function build(job: BuildJob): Promise<void> {
  const builder = new BatchBuilder(job.table, job.mapping, job.normalise, job.layout);
  for await (const batch of buildBatches(openRows(job.rowsSpec), builder, job.batchRows)) await send(batch);
}

function finish(message: WorkerMessage): void {
  current = undefined;
  port.ref();
  post(message);
}

port.on('message', (message: MainMessage) => {
  if (message.type === 'written') {
    inFlight--;
    resume?.();
    resume = undefined;
    return;
  }
  current = message.job;
  inFlight = 0;
  // While reading, only the file keeps this thread alive: if the reader stops waiting on it, the
  // thread runs dry (beforeExit) instead of waiting for ever.
  port.unref();
  build(message.job).then(
    () => finish({ type: 'done' }),
    (error: unknown) => finish({ type: 'error', error: errorData(error) }),
  );
});

process.on('beforeExit', () => {
  if (!current) return;
  // the reader waits for data that will never come: a file truncated or replaced during the import
  const reason = 'reading stopped before the end of the file (was it changed during the import?)';
  finish({ type: 'error', error: errorData(InputError.of('file.unreadable', { path: current.rowsSpec.path, reason })) });
});
