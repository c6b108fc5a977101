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
  ) {
    super(message);
    this.name = 'CustopsError';
  }
}

export class InputError extends CustopsError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.badInput, hint);
    this.name = 'InputError';
  }
}

export class UsageError extends CustopsError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.badInput, hint);
    this.name = 'UsageError';
  }
}
