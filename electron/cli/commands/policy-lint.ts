import type { Command } from 'commander';
import { createIamDataCatalogue } from '../../core/policy/iam-data-catalogue';
import { hasErrors, lintPolicyText, type LintFinding, type LintOptions, type LintSeverity } from '../../../shared/policy/lint';
import { parsePolicy } from '../../../shared/policy/parse';
import type { CliIo } from '../cli-io';
import { parseAccess, parsePartition } from './policy-options';
import { parsePolicyKind, readPolicyText, syntaxFailure } from './policy-input';

interface LintCliOptions {
  readonly kind: string;
  readonly json?: boolean;
  readonly partition?: string;
  readonly access?: string;
  readonly advanced?: boolean;
  readonly agentAccount?: string;
}

const SEVERITY_LABEL: Readonly<Record<LintSeverity, string>> = {
  error: 'error',
  securityWarning: 'security warning',
  warning: 'warning',
  suggestion: 'suggestion',
};

function pathText(finding: LintFinding): string {
  const path = finding.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('');
  const position = finding.line === undefined ? '' : `${finding.line}:${finding.column ?? 1} `;
  return `${position}$${path}`;
}

function summary(findings: readonly LintFinding[]): string {
  const count = (severity: LintSeverity): number => findings.filter((f) => f.severity === severity).length;
  return `${count('error')} error(s), ${count('securityWarning')} security warning(s), ${count('warning')} warning(s), ${count('suggestion')} suggestion(s)`;
}

export function registerLint(policy: Command, io: CliIo): void {
  policy
    .command('lint')
    .description('Check a policy file like IAM Access Analyzer and for the S3 v2 connector; exit 1 on any error-level finding')
    .argument('<file>', 'policy JSON file, or "-" for standard input')
    .option('--kind <kind>', 'what the document is: managed, inline, trust or boundary (sets the size quota and the rules)', 'managed')
    .option('--json', 'print the findings as a JSON array')
    .option('--partition <partition>', 'flag ARNs of other partitions (aws, aws-cn, aws-us-gov)')
    .option('--access <level>', 'also check what the S3 v2 connection needs for read or write access')
    .option('--advanced', 'with --access: mappings in advanced mode (needs s3:ListBucketMultipartUploads)')
    .option('--agent-account <id>', 'the Secure Agent\'s account: trust of any other account counts as cross-account')
    .addHelpText('after', '\nExit status: 0 no error-level finding, 1 error-level findings, 2 unreadable file or invalid JSON.')
    .action(async (file: string, options: LintCliOptions) => {
      const kind = parsePolicyKind(options.kind);
      const lintOptions: LintOptions = {
        kind,
        catalogue: createIamDataCatalogue(),
        ...(options.partition === undefined ? {} : { partition: parsePartition(options.partition) }),
        ...(options.access === undefined ? {} : { informatica: { access: parseAccess(options.access), advancedMode: options.advanced === true } }),
        ...(options.agentAccount === undefined ? {} : { agentAccount: options.agentAccount }),
      };
      const text = await readPolicyText(file, io);
      const parsed = parsePolicy(text, kind);
      const syntax = parsed.ok ? undefined : parsed.errors.find((problem) => problem.code === 'JSON_SYNTAX_ERROR');
      if (syntax !== undefined) throw syntaxFailure(file, syntax.message, syntax.line, syntax.column);
      const findings = await lintPolicyText(text, lintOptions);
      if (options.json === true) io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
      else {
        for (const finding of findings) io.stdout(`${SEVERITY_LABEL[finding.severity]} ${finding.code} at ${pathText(finding)}: ${finding.message}\n`);
        io.stdout(`${summary(findings)}\n`);
      }
      if (hasErrors(findings)) process.exitCode = 1;
    });
}
