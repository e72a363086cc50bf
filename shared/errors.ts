/**
 * Errors are values (DESIGN §9): a stable code a test or script can match, one human
 * sentence, and what to do next. AWS and IICS failures keep their request id so a
 * support ticket can quote it.
 */
export interface KeylessError {
  readonly code: string;
  readonly message: string;
  readonly nextStep: string;
  readonly requestId?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: KeylessError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string, nextStep: string, requestId?: string): Result<T> {
  const error: KeylessError = requestId === undefined ? { code, message, nextStep } : { code, message, nextStep, requestId };
  return { ok: false, error };
}

/** A thrown form for code paths (the CLI, core services) where unwinding is simpler than threading Results. */
export class KeylessFailure extends Error {
  readonly detail: KeylessError;
  constructor(detail: KeylessError) {
    super(detail.message);
    this.name = 'KeylessFailure';
    this.detail = detail;
  }
}

export function isKeylessError(value: unknown): value is KeylessError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string' && typeof v.nextStep === 'string';
}

/**
 * Codes of errors caused by the user's input start with `INVALID_`: nothing was changed and the
 * fix is in what was typed. The CLI exits 2 for these, 1 for everything else.
 */
export function isInputError(error: KeylessError): boolean {
  return error.code.startsWith('INVALID_');
}

export function inputError(code: `INVALID_${string}`, message: string, nextStep: string): KeylessFailure {
  return new KeylessFailure({ code, message, nextStep });
}
