import { coreSchema } from './001-core.js';

/** Numbered migrations, applied in order on open. Append only: never edit a released one. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  { version: 1, name: 'core', sql: coreSchema },
];
