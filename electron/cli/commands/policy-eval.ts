import type { Command } from 'commander';
import { inputError } from '../../../shared/errors';
import { evaluate } from '../../../shared/policy/evaluate';
import type { ContextValue } from '../../../shared/policy/evaluation-types';
import { parsePolicy } from '../../../shared/policy/parse';
import type { CliIo } from '../cli-io';
import { collect } from './policy-options';
import { parsePolicyKind, readPolicyText, syntaxFailure } from './policy-input';

interface EvalCliOptions {
  readonly action?: string;
  readonly resource?: string;
  readonly context: readonly string[];
  readonly kind: string;
  readonly json?: boolean;
}

/** `key=value` pairs; a key given twice becomes a multivalued key (for ForAnyValue/ForAllValues). */
function requestContext(pairs: readonly string[]): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      throw inputError('INVALID_CONTEXT', `--context ${JSON.stringify(pair)} is not of the form key=value.`, 'Write each condition key as --context key=value, e.g. --context s3:prefix=sales/.');
    }
    const key = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    const previous = context[key];
    context[key] = previous === undefined ? value : [...(typeof previous === 'string' ? [previous] : previous), value];
  }
  return context;
}

function required(value: string | undefined, option: string, example: string): string {
  if (value === undefined || value === '') throw inputError('INVALID_ARGUMENTS', `${option} is missing.`, `Add ${option} ${example}.`);
  return value;
}

export function registerEval(policy: Command, io: CliIo): void {
  policy
    .command('eval')
    .description('Ask a policy whether it allows one request, with IAM\'s evaluation logic (explicit deny, allow, implicit deny)')
    .argument('<file>', 'identity policy JSON file, or "-" for standard input')
    .option('--action <action>', 'the action, e.g. s3:GetObject (required)')
    .option('--resource <arn>', 'the resource ARN, e.g. arn:aws:s3:::bucket/folder/file.csv (required)')
    .option('--context <key=value>', 'a request condition key, e.g. s3:prefix=sales/ (repeatable; a key given twice is multivalued)', collect, [])
    .option('--kind <kind>', 'what the document is: managed, inline or boundary', 'managed')
    .option('--json', 'print { "decision": "allowed"|"explicitDeny"|"implicitDeny", "matchedStatements": [...] }')
    .addHelpText('after', '\nExit status: 0 allowed, 1 denied (explicitly or implicitly), 2 unreadable file, invalid policy or missing option.')
    .action(async (file: string, options: EvalCliOptions) => {
      const action = required(options.action, '--action', 's3:GetObject');
      const resource = required(options.resource, '--resource', 'arn:aws:s3:::bucket/folder/file.csv');
      const context = requestContext(options.context);
      const kind = parsePolicyKind(options.kind);
      if (kind === 'trust') {
        throw inputError(
          'INVALID_POLICY_KIND',
          'policy eval evaluates identity policies; a trust policy decides who may assume a role, which needs the caller as well.',
          'Use --kind managed, inline or boundary; check trust policies with keyless policy lint --kind trust.',
        );
      }
      const outcome = parsePolicy(await readPolicyText(file, io), kind);
      if (!outcome.ok) {
        const first = outcome.errors[0];
        if (first === undefined || first.code === 'JSON_SYNTAX_ERROR') throw syntaxFailure(file, first?.message ?? 'no content', first?.line, first?.column);
        const where = first.line === undefined ? '' : ` (line ${first.line}, column ${first.column ?? 1})`;
        throw inputError('INVALID_POLICY', `The policy in ${file === '-' ? 'standard input' : file} is not valid${where}: ${first.message}`, first.nextStep);
      }
      const result = evaluate({
        request: { action, resource, ...(Object.keys(context).length === 0 ? {} : { context }) },
        identityPolicies: [{ name: file === '-' ? 'stdin' : file, document: outcome.document }],
      });
      if (options.json === true) {
        io.stdout(`${JSON.stringify({ decision: result.decision, matchedStatements: result.matchedStatements }, null, 2)}\n`);
      } else {
        io.stdout(`${result.decision}: ${result.reason}\n`);
      }
      if (result.decision !== 'allowed') process.exitCode = 1;
    });
}
