import { readFile } from 'node:fs/promises';
import { inputError } from '../../../shared/errors';
import type { PolicyKind } from '../../../shared/policy/model';
import type { CliIo } from '../cli-io';

/** The text of a `FILE|-` argument: a file, or standard input for "-". */
export async function readPolicyText(file: string, io: CliIo): Promise<string> {
  if (file === '-') return io.readStdin();
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    throw inputError('INVALID_POLICY_FILE', `Cannot read the policy file ${file}: ${reason}.`, 'Give the path of a policy JSON file, or "-" to read the policy from standard input.');
  }
}

const KINDS: readonly PolicyKind[] = ['managed', 'inline', 'trust', 'boundary'];

export function parsePolicyKind(value: string): PolicyKind {
  if ((KINDS as readonly string[]).includes(value)) return value as PolicyKind;
  throw inputError('INVALID_POLICY_KIND', `--kind must be one of ${KINDS.join(', ')}, not "${value}".`, 'Use --kind trust for a role trust policy, --kind managed for a permissions policy.');
}

/** A JSON syntax error means there is no policy to check: bad input (exit 2), not a finding. */
export function syntaxFailure(file: string, message: string, line: number | undefined, column: number | undefined): Error {
  const where = line === undefined ? '' : ` at line ${line}, column ${column ?? 1}`;
  return inputError('INVALID_POLICY_JSON', `${file === '-' ? 'Standard input' : file} is not valid JSON${where}: ${message}`, 'Fix the JSON syntax (a policy is one JSON object), then run the command again.');
}
