import { KeylessFailure } from '../../shared/errors';

/** The KeylessFailure `run` throws; fails the test when it returns or throws something else. */
export function thrownFailure(run: () => unknown): KeylessFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof KeylessFailure) return error;
    throw error;
  }
  throw new Error('expected a KeylessFailure');
}

/** The code of the KeylessFailure `run` throws. */
export function failureCode(run: () => unknown): string {
  return thrownFailure(run).detail.code;
}
