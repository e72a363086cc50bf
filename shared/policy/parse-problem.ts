/**
 * What the parser reports. Codes are stable upper-snake names modelled on IAM Access Analyzer's
 * ValidatePolicy issue codes (reference/aws.md §4.3), so a user who knows those recognises them.
 */

/** A JSON path: property names and array indexes from the document root. */
export type JsonPath = readonly (string | number)[];

export interface PolicyProblem {
  readonly code: string;
  /** Says what is wrong and what was expected instead. */
  readonly message: string;
  readonly nextStep: string;
  readonly path: JsonPath;
  /** 1-based position in the text; present when the problem comes from parsing text. */
  readonly line?: number;
  readonly column?: number;
}

/** Renders a path the way a user reads it: `Statement[0].Action[1]`. */
export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? 'the document' : out;
}
