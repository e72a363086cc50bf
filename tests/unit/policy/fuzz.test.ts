import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePolicy } from '../../../shared/policy/parse';
import type { ParseOutcome } from '../../../shared/policy/parse';
import { lintPolicyText } from '../../../shared/policy/lint';
import type { LintFinding } from '../../../shared/policy/lint';
import type { PolicyKind } from '../../../shared/policy/model';
import { createIamDataCatalogue } from '../../../electron/core/policy/iam-data-catalogue';

/**
 * Property-based fuzzing: 10,000 mutated policies (6,000 mutated as JSON values, 4,000 as
 * text) never make the parser or the linter throw; every answer is a structured problem or
 * finding. Starts from valid documents so that mutations reach deep into the rules.
 */

const catalogue = createIamDataCatalogue();
const KINDS: readonly PolicyKind[] = ['managed', 'inline', 'trust', 'resource', 'boundary'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const SEEDS: readonly { kind: PolicyKind; document: Json }[] = [
  {
    kind: 'managed',
    document: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'List', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::landing', Condition: { StringLike: { 's3:prefix': ['sales/', 'sales/*'] } } },
        { Sid: 'Meta', Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:ListBucketMultipartUploads'], Resource: 'arn:aws:s3:::landing' },
        { Sid: 'Objects', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::landing/sales/*' },
        { Sid: 'Kms', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      ],
    },
  },
  {
    kind: 'trust',
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/agent' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'b7c1f0' } } }],
    },
  },
  { kind: 'trust', document: { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' } } },
  { kind: 'inline', document: { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::444455556666:role/S3Connector' } } },
  {
    kind: 'resource',
    document: {
      Version: '2012-10-17',
      Id: 'BucketPolicy',
      Statement: [
        { Sid: 'Agent', Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:role/agent'] }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::landing', 'arn:aws:s3:::landing/*'] },
        { Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::landing/*', Condition: { Bool: { 'aws:SecureTransport': false } } },
      ],
    },
  },
];

/** Every path into a JSON value, root included. */
function pathsOf(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function deepNest(depth: number, leaf: Json, asObject: boolean): Json {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asObject ? { Statement: value } : [value];
  return value;
}

/** Values a policy could hold: mutants built from these often still parse and reach the rules. */
const PLAUSIBLE_STRINGS = [
  's3:GetObject', 's3:GetObjekt', 'S3:getobject', 's3:Get*', 's3:*', '*', 's4:GetObject', 'iam:PassRole', 'sts:AssumeRole', 'kms:Decrypt', 's3:ListAllMyBuckets',
  'arn:aws:s3:::landing', 'arn:aws:s3:::landing/*', 'arn:aws:s3::111122223333:landing', 'arn:aws:s3:eu-west-1::landing/x', 'arn:aws-cn:s3:::landing/*', 'arn:*:s3:::*',
  'arn:aws:s3:::landing/${aws:username}/*', 'arn:aws:iam::*:role/*', 'arn:aws:iam::444455556666:role/x', 'arn:aws:iam::444455556666:root', '444455556666',
  'ec2.amazonaws.com', 'Allow', 'Deny', '2012-10-17', '2008-10-17', 'Read Objects', '',
];
const latin1 = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 30 });

const replacement: fc.Arbitrary<Json> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<Json>(...PLAUSIBLE_STRINGS) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom<Json>(...PLAUSIBLE_STRINGS), { minLength: 1, maxLength: 4 }) },
  { weight: 2, arbitrary: latin1 },
  { weight: 1, arbitrary: fc.constantFrom<Json>(null, true, false, 0, -1, 1e308, {}, []) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 140_000 }).map((n) => 'A'.repeat(n)) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 300 }), fc.boolean()).map(([depth, asObject]) => deepNest(depth, 'x', asObject)) },
);

type ValueMutation =
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'rename'; readonly at: number; readonly name: string }
  | { readonly kind: 'replace'; readonly at: number; readonly value: Json }
  | { readonly kind: 'wrap'; readonly at: number }
  | { readonly kind: 'retarget'; readonly at: number; readonly pick: number };

/** Per element, values of the right type: the mutant usually parses, and the rules judge it. */
const POOLS: Readonly<Record<string, readonly Json[]>> = {
  Action: ['s3:GetObject', 's3:GetObjekt', 'S3:getobject', 's3:Get*', 's3:*', '*', 's4:GetObject', 'iam:PassRole', 'sts:AssumeRole', 'kms:Decrypt', 's3:ListAllMyBuckets', 's3:ListBucket', ['s3:GetObject', 's3:getobject', 's3:Get*']],
  NotAction: ['s3:DeleteObject', 'iam:*'],
  Resource: ['*', 'arn:aws:s3:::landing', 'arn:aws:s3:::landing/*', 'arn:aws:s3::111122223333:landing', 'arn:aws:s3:eu-west-1::landing/x', 'arn:aws-cn:s3:::landing/*', 'arn:*:s3:::*', 'arn:aws:s3:::landing/${aws:username}/*', 'arn:aws:iam::*:role/*', ['arn:aws:s3:::landing/a/*', 'arn:aws:s3:::landing/*']],
  AWS: ['*', '444455556666', 'arn:aws:iam::444455556666:root', 'arn:aws:iam::111122223333:role/agent', ['*', '444455556666']],
  Service: ['ec2.amazonaws.com', 'ec2.amazonaws.com.cn'],
  Effect: ['Allow', 'Deny'],
  Sid: ['Read', 'Read Objects', '', 'Objects', 'List'],
  Version: ['2012-10-17', '2008-10-17'],
  Principal: ['*', { AWS: '*' }, { AWS: '444455556666' }],
  's3:prefix': ['', 'a/', ['sales/', 'sales/*']],
  'sts:ExternalId': ['x', '*'],
};

const valueMutation: fc.Arbitrary<ValueMutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), name: fc.oneof(fc.constantFrom('effect', 'Actions', 'Version', 'Resource', 'NotAction', 'NotPrincipal', 'Principal', 'Condition', 'Sid'), fc.string({ unit: 'binary', maxLength: 12 })) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: replacement }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: replacement }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: replacement }),
  fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('retarget' as const), at: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant('retarget' as const), at: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant('retarget' as const), at: fc.nat(), pick: fc.nat() }),
);

function applyValueMutation(root: Json, mutation: ValueMutation): Json {
  const paths = pathsOf(root);
  const candidates = mutation.kind === 'retarget' ? paths.filter((p) => typeof p[p.length - 1] === 'string' && POOLS[p[p.length - 1] as string] !== undefined) : paths;
  const path = candidates[mutation.at % Math.max(1, candidates.length)] ?? [];
  if (path.length === 0) {
    if (mutation.kind === 'replace') return mutation.value;
    if (mutation.kind === 'wrap') return [root];
    if (mutation.kind === 'retarget') return root;
    return root;
  }
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1]!;
  let parent: Json = root;
  for (const segment of parentPath) parent = (parent as Record<string | number, Json>)[segment]!;
  const container = parent as Record<string | number, Json>;
  switch (mutation.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete container[key];
      break;
    case 'rename':
      if (!Array.isArray(parent)) {
        container[mutation.name] = container[key]!;
        if (mutation.name !== key) delete container[key];
      }
      break;
    case 'replace':
      container[key] = mutation.value;
      break;
    case 'wrap':
      container[key] = [container[key]!];
      break;
    case 'retarget': {
      const pool = typeof key === 'string' ? POOLS[key] : undefined;
      if (pool !== undefined) container[key] = structuredClone(pool[mutation.pick % pool.length]!);
      break;
    }
  }
  return root;
}

type TextMutation =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'remove'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicateKey'; readonly at: number }
  | { readonly kind: 'nest'; readonly at: number; readonly depth: number };

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(',', '}', ']', '{', '[', '"', ':', '//', '/*', '\\', '\u0000', '\uFEFF', '\uD800', 'NaN', ' '), fc.string({ unit: 'binary', maxLength: 8 })) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('duplicateKey' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 30_000 }) }),
);

function applyTextMutation(text: string, mutation: TextMutation): string {
  const at = text.length === 0 ? 0 : mutation.at % (text.length + 1);
  switch (mutation.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + mutation.text + text.slice(at);
    case 'remove':
      return text.slice(0, at) + text.slice(at + mutation.length);
    case 'duplicateKey': {
      const brace = text.indexOf('{', at);
      return brace < 0 ? text : `${text.slice(0, brace + 1)}"Effect": "Allow", ${text.slice(brace + 1)}`;
    }
    case 'nest': {
      // After a colon, a value nested deeper than a recursive-descent parser's stack allows.
      const colon = text.indexOf(':', at);
      const where = colon < 0 ? at : colon + 1;
      return `${text.slice(0, where)}${'['.repeat(mutation.depth)}1${']'.repeat(mutation.depth)}${text.slice(where)}`;
    }
  }
}

const SEVERITIES = new Set(['error', 'securityWarning', 'warning', 'suggestion']);

function expectStructuredOutcome(outcome: ParseOutcome): void {
  if (outcome.ok) {
    expect(Array.isArray(outcome.document.Statement)).toBe(true);
    return;
  }
  expect(outcome.errors.length).toBeGreaterThan(0);
  for (const problem of outcome.errors) {
    expect(problem.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.nextStep.length).toBeGreaterThan(0);
    expect(Array.isArray(problem.path)).toBe(true);
    if (problem.line !== undefined) expect(problem.line).toBeGreaterThanOrEqual(1);
    if (problem.column !== undefined) expect(problem.column).toBeGreaterThanOrEqual(1);
  }
}

function expectStructuredFindings(findings: readonly LintFinding[], parsedOk: boolean): void {
  for (const finding of findings) {
    expect(SEVERITIES.has(finding.severity)).toBe(true);
    expect(finding.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(finding.message.length).toBeGreaterThan(0);
    expect(Array.isArray(finding.path)).toBe(true);
  }
  // A document that does not parse yields only the parser's errors, and the catalogue works.
  if (!parsedOk) expect(findings.every((f) => f.severity === 'error')).toBe(true);
  expect(findings.map((f) => f.code)).not.toContain('CATALOGUE_UNAVAILABLE');
}

/** Returns whether the mutant parsed, so the run can show that mutants reach the linter's rules. */
async function checkText(text: string, kind: PolicyKind): Promise<boolean> {
  const outcome = parsePolicy(text, kind);
  expectStructuredOutcome(outcome);
  const findings = await lintPolicyText(text, { kind, catalogue, partition: 'aws', agentAccount: '111122223333', informatica: { access: 'write', advancedMode: true } });
  expectStructuredFindings(findings, outcome.ok);
  return outcome.ok;
}

const tally = { value: 0, text: 0 };

describe('fuzzing the parser and the linter', () => {
  it('the seed documents are valid for their kind', () => {
    for (const seed of SEEDS) expect(parsePolicy(JSON.stringify(seed.document), seed.kind).ok).toBe(true);
  });

  it('6,000 policies mutated as JSON values (keys deleted or renamed, types swapped, unicode, huge strings, deep nesting) give only structured answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(SEEDS.length - 1), fc.array(valueMutation, { minLength: 1, maxLength: 3 }), fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...KINDS) }), fc.boolean(), async (seedIndex, mutations, kind, pretty) => {
        const seed = SEEDS[seedIndex]!;
        let document = structuredClone(seed.document);
        for (const mutation of mutations) document = applyValueMutation(document, mutation);
        const text = JSON.stringify(document, null, pretty ? 2 : undefined) ?? '';
        tally.value += (await checkText(text, kind ?? seed.kind)) ? 1 : 0;
      }),
      { numRuns: 6_000 },
    );
    expect(tally.value).toBeGreaterThan(1_000);
  }, 120_000);

  it('4,000 policies mutated as text (truncated, characters inserted or removed, keys duplicated) give only structured answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(SEEDS.length - 1), fc.array(textMutation, { minLength: 1, maxLength: 3 }), fc.boolean(), async (seedIndex, mutations, ownKind) => {
        const seed = SEEDS[seedIndex]!;
        let text = JSON.stringify(seed.document, null, 2);
        for (const mutation of mutations) text = applyTextMutation(text, mutation);
        tally.text += (await checkText(text, ownKind ? seed.kind : 'managed')) ? 1 : 0;
      }),
      { numRuns: 4_000 },
    );
    expect(tally.text).toBeGreaterThan(80);
  }, 120_000);
});
