import type { NormaliseOptions } from '../clean/index.js';
import { CustopsError, InputError, UsageError } from '../errors.js';
import type { RecordBatch, RecordLayout } from './batch.js';
import type { Mapping } from './mapping.js';
import type { RowsSpec, TableSource } from './readers/index.js';

/** What the build worker needs, all plain data (a posted message is copied by structured clone). */
export interface BuildJob {
  rowsSpec: RowsSpec;
  table: Pick<TableSource, 'headers' | 'format'>;
  mapping: Mapping;
  normalise: NormaliseOptions;
  layout: RecordLayout;
  batchRows: number;
}

/** Batches the worker may have sent that the writing thread has not finished yet: bounds memory, keeps both threads busy. */
export const MAX_BATCHES_IN_FLIGHT = 4;

/** Main → worker: a table to build, and an acknowledgement for each batch written. */
export type MainMessage = { type: 'job'; job: BuildJob } | { type: 'written' };

/** Worker → main: the batches of a job, then done or the error that stopped it. */
export type WorkerMessage = { type: 'batch'; batch: RecordBatch } | { type: 'done' } | { type: 'error'; error: ErrorData };

/** An error as plain data: structured clone keeps an Error's message and stack but not its class or fields. */
export interface ErrorData {
  name: string;
  message: string;
  stack?: string;
  exitCode?: number;
  hint?: string;
  catalogued?: CustopsError['catalogued'];
}

export function errorData(error: unknown): ErrorData {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const data: ErrorData = { name: error.name, message: error.message, stack: error.stack };
  if (error instanceof CustopsError) Object.assign(data, { exitCode: error.exitCode, hint: error.hint, catalogued: error.catalogued });
  return data;
}

/** The error thrown in the worker, as the same class with the same message, hint and catalogue entry. */
export function errorFrom(data: ErrorData): Error {
  let error: Error;
  if (data.name === 'InputError') error = new InputError(data.message, data.hint, data.catalogued);
  else if (data.name === 'UsageError') error = new UsageError(data.message, data.hint, data.catalogued);
  else if (data.exitCode !== undefined) error = new CustopsError(data.message, data.exitCode, data.hint, data.catalogued);
  else error = new Error(data.message);
  if (data.stack) error.stack = data.stack;
  return error;
}
