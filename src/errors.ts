import { createTranslator, type Lang } from './output/i18n.js';
import { errorMessages } from './output/messages/errors.js';

const t = createTranslator(errorMessages);
export type ErrorVars = Record<string, string | number>;

/** Exit codes from DESIGN.md. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  badInput: 2,
  checksFailed: 3,
  alerts: 4,
  interrupted: 130,
} as const;

/**
 * An error meant for the user: one line saying what, where and what to do.
 * Anything else that escapes a command is a bug and is shown with its stack only under --debug.
 */
export class CustopsError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.failure,
    readonly hint?: string,
    /** The catalogued message (src/output/messages/errors.ts) this error was made from, to print it in the user's language. */
    readonly catalogued?: { key: string; vars: ErrorVars; hint?: string },
  ) {
    super(message);
    this.name = 'CustopsError';
  }

  /** Message and hint in the user's language (as raised when the error is not catalogued). */
  localised(lang: Lang): { message: string; hint?: string } {
    if (!this.catalogued) return { message: this.message, hint: this.hint };
    const { key, vars, hint } = this.catalogued;
    return translate(lang, key, vars, hint);
  }
}

/** A catalogued message and its hint in one language; `hint` replaces the catalogue's (for hints computed elsewhere). */
function translate(lang: Lang, key: string, vars: ErrorVars, hint?: string): { message: string; hint?: string } {
  return { message: t(lang, key, vars), hint: hint ?? (errorMessages.en[`${key}.hint`] === undefined ? undefined : t(lang, `${key}.hint`, vars)) };
}

/** Constructor arguments of a catalogued error: the English message and hint, and the key to translate it later. */
function fromCatalogue(key: string, vars: ErrorVars, hint?: string): [string, string | undefined, { key: string; vars: ErrorVars; hint?: string }] {
  const english = translate('en', key, vars, hint);
  return [english.message, english.hint, { key, vars, hint }];
}

export class InputError extends CustopsError {
  constructor(message: string, hint?: string, catalogued?: CustopsError['catalogued']) {
    super(message, ExitCode.badInput, hint, catalogued);
    this.name = 'InputError';
  }

  static of(key: string, vars: ErrorVars = {}, hint?: string): InputError {
    return new InputError(...fromCatalogue(key, vars, hint));
  }
}

export class UsageError extends CustopsError {
  constructor(message: string, hint?: string, catalogued?: CustopsError['catalogued']) {
    super(message, ExitCode.badInput, hint, catalogued);
    this.name = 'UsageError';
  }

  static of(key: string, vars: ErrorVars = {}, hint?: string): UsageError {
    return new UsageError(...fromCatalogue(key, vars, hint));
  }
}
