/**
 * Runs one `keyless` command in a child `node` whose environment points at a private Secret
 * Service, so the vault is the real keychain-backed one and each command is its own process, as
 * a user's would be. Prints the run as one JSON line.
 */
import { keyless } from '../../support/cli-harness';

const { args, stdin } = JSON.parse(process.argv[2] ?? '{}') as { args: string[]; stdin?: string };
const run = await keyless(args, stdin === undefined ? {} : { stdin });
process.stdout.write(`${JSON.stringify(run)}\n`);
