import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/policy/evaluate';
import type { Decision, EvaluationInput, RequestContext } from '../../../shared/policy/evaluation-types';
import type { ConditionBlock, NamedPolicy, Principal, Statement } from '../../../shared/policy/model';

/**
 * The evaluator against AWS's documented evaluation logic and examples. Each row names the
 * IAM User Guide page (and anchor) its expectation comes from; `sids` are the deciding
 * statements in the order the result lists them (identity, boundary, resource).
 */

const A = '111122223333';
const B = '444455556666';
const USER = { arn: `arn:aws:iam::${A}:user/alice`, account: A };
const BOB = { arn: `arn:aws:iam::${B}:user/Bob`, account: B };
const AGENT_ROLE = `arn:aws:iam::${A}:role/InformaticaAgent`;
const AGENT = { arn: `arn:aws:sts::${A}:assumed-role/InformaticaAgent/i-0123456789abcdef0`, account: A };
const AGENT_B = { arn: `arn:aws:sts::${B}:assumed-role/InformaticaAgent/i-0fedcba987654321`, account: B };
const EC2 = { arn: 'ec2.amazonaws.com', account: '', service: 'ec2.amazonaws.com' };
const ROOT = { arn: `arn:aws:iam::${A}:root`, account: A };
const CONNECTOR_ROLE = `arn:aws:iam::${A}:role/KeylessS3Connector`;

type StatementSpec = Omit<Statement, 'Action' | 'NotAction' | 'Resource' | 'NotResource'> & {
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
};

const list = (value: string | readonly string[] | undefined): readonly string[] | undefined => (typeof value === 'string' ? [value] : value);

function stmt(spec: StatementSpec): Statement {
  const { Action, NotAction, Resource, NotResource, ...rest } = spec;
  return {
    ...rest,
    ...(Action === undefined ? {} : { Action: list(Action) }),
    ...(NotAction === undefined ? {} : { NotAction: list(NotAction) }),
    ...(Resource === undefined ? {} : { Resource: list(Resource) }),
    ...(NotResource === undefined ? {} : { NotResource: list(NotResource) }),
  };
}

function policy(name: string, ...statements: StatementSpec[]): NamedPolicy {
  return { name, document: { Version: '2012-10-17', Statement: statements.map(stmt) } };
}

function policy2008(name: string, ...statements: StatementSpec[]): NamedPolicy {
  return { name, document: { Version: '2008-10-17', Statement: statements.map(stmt) } };
}

const allow = (Sid: string, Action: string | string[], Resource: string | string[], Condition?: ConditionBlock): StatementSpec => ({
  Sid, Effect: 'Allow', Action, Resource, ...(Condition === undefined ? {} : { Condition }),
});
const deny = (Sid: string, Action: string | string[], Resource: string | string[], Condition?: ConditionBlock): StatementSpec => ({
  Sid, Effect: 'Deny', Action, Resource, ...(Condition === undefined ? {} : { Condition }),
});
const grant = (Sid: string, Principal: Principal, Action: string | string[], Resource?: string | string[], Condition?: ConditionBlock): StatementSpec => ({
  Sid, Effect: 'Allow', Principal, Action, ...(Resource === undefined ? {} : { Resource }), ...(Condition === undefined ? {} : { Condition }),
});

/** `null` as the principal means an anonymous caller (undefined would take the default). */
function req(action: string, resource: string, principal: RequestContext['principal'] | null = USER, context?: RequestContext['context']): RequestContext {
  return { action, resource, ...(principal === null ? {} : { principal }), ...(context === undefined ? {} : { context }) };
}

interface Row {
  readonly name: string;
  readonly doc: string;
  readonly input: EvaluationInput;
  readonly decision: Decision;
  readonly sids?: readonly string[];
}

const DENYALLOW = 'reference_policies_evaluation-logic_policy-eval-denyallow.html';
const INTERPLAY = 'reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html';
const ACTION = 'reference_policies_elements_action.html';
const NOTACTION = 'reference_policies_elements_notaction.html';
const RESOURCE = 'reference_policies_elements_resource.html';
const NOTRESOURCE = 'reference_policies_elements_notresource.html';
const VARIABLES = 'reference_policies_variables.html';
const OPERATORS = 'reference_policies_elements_condition_operators.html';
const MULTI = 'reference_policies_condition-logic-multiple-context-keys-or-values.html';
const SETS = 'reference_policies_condition-single-vs-multi-valued-context-keys.html';
const BOUNDARIES = 'access_policies_boundaries.html#access_policies_boundaries-eval-logic';
const CROSS = 'reference_policies_evaluation-logic-cross-account.html';
const BASICS = 'reference_policies_evaluation-logic_policy-eval-basics.html';
const PRINCIPAL = 'reference_policies_elements_principal.html';
const NOTPRINCIPAL = 'reference_policies_elements_notprincipal.html';
const TRUST = 'id_roles_create_for-user.html + API_AssumeRole (STS API reference)';
const S3_KEYS = 'AmazonS3/latest/userguide/amazon-s3-policy-keys.html (s3:prefix) + aws.md §5';

const BUCKET = 'arn:aws:s3:::informatica-landing';
const FOLDER_OBJECT = `${BUCKET}/folder/data.csv`;
const S3_PERMISSIONS = policy(
  'keyless-s3',
  allow('ListPrefix', 's3:ListBucket', BUCKET, { StringLike: { 's3:prefix': ['folder/', 'folder/*'] } }),
  allow('BucketMeta', ['s3:GetBucketLocation', 's3:ListBucketMultipartUploads'], BUCKET),
  allow('Objects', ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'], `${BUCKET}/folder/*`),
  allow('Kms', ['kms:GenerateDataKey', 'kms:Decrypt'], `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`),
);
const AS_AGENT = (action: string, resource: string, context?: RequestContext['context']): EvaluationInput => ({
  request: req(action, resource, AGENT, context),
  identityPolicies: [S3_PERMISSIONS],
});

const EC2_TRUST = policy('trust-ec2', grant('TrustEc2', { Service: ['ec2.amazonaws.com'] }, 'sts:AssumeRole'));
const ROLE_TRUST = policy('trust-agent-role', grant('TrustAgentRole', { AWS: [AGENT_ROLE] }, 'sts:AssumeRole', undefined, { StringEquals: { 'sts:ExternalId': ['keyless-7f3a'] } }));
const ASSUME_CONNECTOR = policy('assume-connector', allow('AssumeConnector', 'sts:AssumeRole', CONNECTOR_ROLE));

const SHIRLEY_BOUNDARY = policy('ShirleyBoundary', allow('Services', ['s3:*', 'cloudwatch:*', 'ec2:*'], '*'));
const INTERPLAY_POLICY = policy(
  'iam-read-no-reports',
  allow('AllowGetList', ['iam:Get*', 'iam:List*'], '*'),
  deny('DenyReports', 'iam:*Report', '*'),
);

const rows: Row[] = [
  // Basic deny/allow logic
  { name: 'no policy at all is an implicit deny', doc: `${DENYALLOW}`, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [] }, decision: 'implicitDeny' },
  { name: 'a matching Allow allows', doc: DENYALLOW, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [policy('p', allow('Read', 's3:GetObject', `${BUCKET}/*`))] }, decision: 'allowed', sids: ['Read'] },
  { name: 'an Allow for another action does not allow', doc: DENYALLOW, input: { request: req('s3:PutObject', FOLDER_OBJECT), identityPolicies: [policy('p', allow('Read', 's3:GetObject', `${BUCKET}/*`))] }, decision: 'implicitDeny' },
  { name: 'an explicit Deny overrides an Allow in the same policy', doc: DENYALLOW, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [policy('p', allow('Read', 's3:*', '*'), deny('NoLanding', 's3:*', `${BUCKET}/*`))] }, decision: 'explicitDeny', sids: ['NoLanding'] },
  { name: 'an explicit Deny in another policy overrides an Allow', doc: DENYALLOW, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [policy('a', allow('Read', 's3:*', '*')), policy('b', deny('Guard', 's3:GetObject', '*'))] }, decision: 'explicitDeny', sids: ['Guard'] },
  { name: 'a Deny on another resource does not apply', doc: DENYALLOW, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [policy('p', allow('Read', 's3:*', '*'), deny('NoLogs', 's3:*', 'arn:aws:s3:::logs/*'))] }, decision: 'allowed', sids: ['Read'] },
  { name: 'a Deny whose condition is false does not apply', doc: DENYALLOW, input: { request: req('s3:GetObject', FOLDER_OBJECT, USER, { 'aws:SecureTransport': 'true' }), identityPolicies: [policy('p', allow('Read', 's3:*', '*'), deny('TlsOnly', 's3:*', '*', { Bool: { 'aws:SecureTransport': ['false'] } }))] }, decision: 'allowed', sids: ['Read'] },
  { name: 'a Deny whose condition is true applies', doc: DENYALLOW, input: { request: req('s3:GetObject', FOLDER_OBJECT, USER, { 'aws:SecureTransport': 'false' }), identityPolicies: [policy('p', allow('Read', 's3:*', '*'), deny('TlsOnly', 's3:*', '*', { Bool: { 'aws:SecureTransport': ['false'] } }))] }, decision: 'explicitDeny', sids: ['TlsOnly'] },
  { name: 'every matching Deny is reported', doc: DENYALLOW, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [policy('p', deny('One', 's3:*', '*'), deny('Two', 's3:GetObject', `${BUCKET}/*`))] }, decision: 'explicitDeny', sids: ['One', 'Two'] },
  { name: 'all matching Allows are reported', doc: DENYALLOW, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [policy('p', allow('One', 's3:*', '*')), policy('q', allow('Two', 's3:Get*', `${BUCKET}/*`))] }, decision: 'allowed', sids: ['One', 'Two'] },

  // Implicit vs explicit deny example
  { name: 'iam:GetUser is allowed by AllowGetList', doc: INTERPLAY, input: { request: req('iam:GetUser', `arn:aws:iam::${A}:user/alice`), identityPolicies: [INTERPLAY_POLICY] }, decision: 'allowed', sids: ['AllowGetList'] },
  { name: 'iam:CreatePolicy is implicitly denied', doc: INTERPLAY, input: { request: req('iam:CreatePolicy', `arn:aws:iam::${A}:policy/x`), identityPolicies: [INTERPLAY_POLICY] }, decision: 'implicitDeny' },
  { name: 'iam:GetOrganizationsAccessReport is explicitly denied', doc: INTERPLAY, input: { request: req('iam:GetOrganizationsAccessReport', '*'), identityPolicies: [INTERPLAY_POLICY] }, decision: 'explicitDeny', sids: ['DenyReports'] },
  { name: 'another policy allowing a report cannot lift the deny', doc: INTERPLAY, input: { request: req('iam:GenerateCredentialReport', '*'), identityPolicies: [INTERPLAY_POLICY, policy('reports', allow('Reports', 'iam:GenerateCredentialReport', '*'))] }, decision: 'explicitDeny', sids: ['DenyReports'] },

  // Action / NotAction
  { name: 'actions compare case-insensitively', doc: ACTION, input: { request: req('S3:getobject', FOLDER_OBJECT), identityPolicies: [policy('p', allow('Read', 's3:GetObject', '*'))] }, decision: 'allowed', sids: ['Read'] },
  { name: 'an action wildcard prefix matches', doc: ACTION, input: { request: req('s3:GetObjectVersion', FOLDER_OBJECT), identityPolicies: [policy('p', allow('Read', 's3:Get*', '*'))] }, decision: 'allowed', sids: ['Read'] },
  { name: 'a service wildcard does not cross services', doc: ACTION, input: { request: req('ec2:DescribeInstances', '*'), identityPolicies: [policy('p', allow('S3', 's3:*', '*'))] }, decision: 'implicitDeny' },
  { name: '"*" matches every action', doc: ACTION, input: { request: req('kms:Decrypt', '*'), identityPolicies: [policy('p', allow('All', '*', '*'))] }, decision: 'allowed', sids: ['All'] },
  { name: '? matches exactly one character in an action', doc: ACTION, input: { request: req('s3:GetObject', '*'), identityPolicies: [policy('p', allow('Q', 's3:?etObject', '*'))] }, decision: 'allowed', sids: ['Q'] },
  { name: '? does not match zero characters', doc: ACTION, input: { request: req('s3:GetObject', '*'), identityPolicies: [policy('p', allow('Q', 's3:GetObject?', '*'))] }, decision: 'implicitDeny' },
  { name: 'Allow with NotAction allows actions outside the list', doc: NOTACTION, input: { request: req('s3:ListAllMyBuckets', '*'), identityPolicies: [policy('p', { Sid: 'NotIam', Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })] }, decision: 'allowed', sids: ['NotIam'] },
  { name: 'Allow with NotAction does not allow the listed actions', doc: NOTACTION, input: { request: req('iam:CreateUser', '*'), identityPolicies: [policy('p', { Sid: 'NotIam', Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })] }, decision: 'implicitDeny' },
  { name: 'Deny NotAction without MFA denies everything but IAM', doc: NOTACTION, input: { request: req('s3:ListAllMyBuckets', '*'), identityPolicies: [policy('p', allow('All', '*', '*'), { Sid: 'DenyAllUsersNotUsingMFA', Effect: 'Deny', NotAction: 'iam:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': ['false'] } } })] }, decision: 'explicitDeny', sids: ['DenyAllUsersNotUsingMFA'] },
  { name: 'Deny NotAction leaves the excluded actions alone', doc: NOTACTION, input: { request: req('iam:ListUsers', '*'), identityPolicies: [policy('p', allow('All', '*', '*'), { Sid: 'DenyAllUsersNotUsingMFA', Effect: 'Deny', NotAction: 'iam:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': ['false'] } } })] }, decision: 'allowed', sids: ['All'] },
  { name: 'Deny NotAction does not apply with MFA present', doc: NOTACTION, input: { request: req('s3:ListAllMyBuckets', '*', USER, { 'aws:MultiFactorAuthPresent': 'true' }), identityPolicies: [policy('p', allow('All', '*', '*'), { Sid: 'DenyAllUsersNotUsingMFA', Effect: 'Deny', NotAction: 'iam:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': ['false'] } } })] }, decision: 'allowed', sids: ['All'] },

  // Resource / NotResource
  { name: 'resources compare case-sensitively', doc: RESOURCE, input: { request: req('s3:GetObject', 'arn:aws:s3:::Informatica-Landing/folder/x'), identityPolicies: [policy('p', allow('Read', 's3:GetObject', `${BUCKET}/*`))] }, decision: 'implicitDeny' },
  { name: '* in a resource spans / in object keys', doc: RESOURCE, input: { request: req('s3:GetObject', `${BUCKET}/folder/a/b/c.csv`), identityPolicies: [policy('p', allow('Read', 's3:GetObject', `${BUCKET}/folder/*`))] }, decision: 'allowed', sids: ['Read'] },
  { name: '* at the end of a segment expands across colons', doc: `${RESOURCE}#reference_policies_elements_resource_wildcards`, input: { request: req('logs:PutLogEvents', `arn:aws:logs:us-east-1:${A}:log-group:app:log-stream:s1`), identityPolicies: [policy('p', allow('Logs', 'logs:*', `arn:aws:logs:us-east-1:${A}:log-group:app:*`))] }, decision: 'allowed', sids: ['Logs'] },
  { name: '? in a resource matches one character', doc: RESOURCE, input: { request: req('s3:GetObject', `${BUCKET}/folder/v1.csv`), identityPolicies: [policy('p', allow('Read', 's3:GetObject', `${BUCKET}/folder/v?.csv`))] }, decision: 'allowed', sids: ['Read'] },
  { name: 'an object pattern does not cover the bucket ARN', doc: RESOURCE, input: { request: req('s3:ListBucket', BUCKET), identityPolicies: [policy('p', allow('All', 's3:*', `${BUCKET}/*`))] }, decision: 'implicitDeny' },
  { name: 'Resource "*" matches every resource', doc: RESOURCE, input: { request: req('s3:ListBucket', BUCKET), identityPolicies: [policy('p', allow('All', 's3:ListBucket', '*'))] }, decision: 'allowed', sids: ['All'] },
  { name: 'an identity statement without Resource applies to nothing', doc: RESOURCE, input: { request: req('s3:ListBucket', BUCKET), identityPolicies: [policy('p', { Sid: 'NoResource', Effect: 'Allow', Action: 's3:ListBucket' })] }, decision: 'implicitDeny' },
  { name: 'Allow with NotResource allows other resources', doc: NOTRESOURCE, input: { request: req('s3:GetObject', 'arn:aws:s3:::other/x'), identityPolicies: [policy('p', { Sid: 'NotHR', Effect: 'Allow', Action: 's3:*', NotResource: ['arn:aws:s3:::hrbucket', 'arn:aws:s3:::hrbucket/*'] })] }, decision: 'allowed', sids: ['NotHR'] },
  { name: 'Allow with NotResource does not allow the listed resources', doc: NOTRESOURCE, input: { request: req('s3:GetObject', 'arn:aws:s3:::hrbucket/Payroll.xlsx'), identityPolicies: [policy('p', { Sid: 'NotHR', Effect: 'Allow', Action: 's3:*', NotResource: ['arn:aws:s3:::hrbucket', 'arn:aws:s3:::hrbucket/*'] })] }, decision: 'implicitDeny' },
  { name: 'Deny with NotResource denies everything outside the list', doc: NOTRESOURCE, input: { request: req('s3:GetObject', 'arn:aws:s3:::other/x'), identityPolicies: [policy('p', allow('All', 's3:*', '*'), { Sid: 'OnlyLanding', Effect: 'Deny', Action: 's3:*', NotResource: [BUCKET, `${BUCKET}/*`] })] }, decision: 'explicitDeny', sids: ['OnlyLanding'] },
  { name: 'Deny with NotResource leaves the listed resources alone', doc: NOTRESOURCE, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [policy('p', allow('All', 's3:*', '*'), { Sid: 'OnlyLanding', Effect: 'Deny', Action: 's3:*', NotResource: [BUCKET, `${BUCKET}/*`] })] }, decision: 'allowed', sids: ['All'] },

  // Policy variables
  { name: '${aws:username} resolves to the caller', doc: VARIABLES, input: { request: req('s3:GetObject', 'arn:aws:s3:::mybucket/alice/notes.txt'), identityPolicies: [policy('p', allow('Home', 's3:GetObject', 'arn:aws:s3:::mybucket/${aws:username}/*'))] }, decision: 'allowed', sids: ['Home'] },
  { name: "${aws:username} does not open another user's folder", doc: VARIABLES, input: { request: req('s3:GetObject', 'arn:aws:s3:::mybucket/bob/notes.txt'), identityPolicies: [policy('p', allow('Home', 's3:GetObject', 'arn:aws:s3:::mybucket/${aws:username}/*'))] }, decision: 'implicitDeny' },
  { name: 'an unresolvable variable makes the statement not match (role sessions have no aws:username)', doc: `${VARIABLES} (Principal key values: not present)`, input: { request: req('s3:GetObject', 'arn:aws:s3:::mybucket/InformaticaAgent/x', AGENT), identityPolicies: [policy('p', allow('Home', 's3:GetObject', 'arn:aws:s3:::mybucket/${aws:username}/*'))] }, decision: 'implicitDeny' },
  { name: 'an unresolvable variable also disables a Deny', doc: VARIABLES, input: { request: req('s3:ListBucket', 'arn:aws:s3:::mybucket', AGENT, { 's3:prefix': 'someone-else/' }), identityPolicies: [policy('p', allow('All', 's3:*', '*'), deny('NotOthers', 's3:*', '*', { StringNotEquals: { 's3:prefix': ['${aws:username}'] } }))] }, decision: 'allowed', sids: ['All'] },
  { name: 'the same Deny applies once the variable resolves (aws:username of an IAM user)', doc: VARIABLES, input: { request: req('s3:ListBucket', 'arn:aws:s3:::mybucket', USER, { 's3:prefix': 'someone-else/' }), identityPolicies: [policy('p', allow('All', 's3:*', '*'), deny('NotOthers', 's3:*', '*', { StringNotEquals: { 's3:prefix': ['${aws:username}'] } }))] }, decision: 'explicitDeny', sids: ['NotOthers'] },
  { name: 'a default value stands in for a missing key', doc: `${VARIABLES}#policy-vars-default-values`, input: { request: req('s3:GetObject', 'arn:aws:s3:::mybucket/shared/x', AGENT), identityPolicies: [policy('p', allow('Home', 's3:GetObject', "arn:aws:s3:::mybucket/${aws:username, 'shared'}/*"))] }, decision: 'allowed', sids: ['Home'] },
  { name: 'a tag variable resolves from aws:PrincipalTag', doc: `${VARIABLES}#policy-vars-tags`, input: { request: req('s3:GetObject', 'arn:aws:s3:::bucket/finance/x', USER, { 'aws:PrincipalTag/department': 'finance' }), identityPolicies: [policy('p', allow('Dept', 's3:GetObject', 'arn:aws:s3:::bucket/${aws:PrincipalTag/department}/*'))] }, decision: 'allowed', sids: ['Dept'] },
  { name: '${*} is a literal asterisk', doc: `${VARIABLES}#policy-vars-specialchars`, input: { request: req('s3:GetObject', 'arn:aws:s3:::bucket/report'), identityPolicies: [policy('p', allow('Star', 's3:GetObject', 'arn:aws:s3:::bucket/${*}'))] }, decision: 'implicitDeny' },
  { name: '${*} matches an object literally named *', doc: `${VARIABLES}#policy-vars-specialchars`, input: { request: req('s3:GetObject', 'arn:aws:s3:::bucket/*'), identityPolicies: [policy('p', allow('Star', 's3:GetObject', 'arn:aws:s3:::bucket/${*}'))] }, decision: 'allowed', sids: ['Star'] },
  { name: 'in 2008-10-17 a variable is literal text', doc: `${VARIABLES} (Version note)`, input: { request: req('s3:GetObject', 'arn:aws:s3:::mybucket/alice/x'), identityPolicies: [policy2008('p', allow('Home', 's3:GetObject', 'arn:aws:s3:::mybucket/${aws:username}/*'))] }, decision: 'implicitDeny' },
  { name: 'a variable in a StringLike condition (home folder listing)', doc: `${OPERATORS}#Conditions_String`, input: { request: req('s3:ListBucket', 'arn:aws:s3:::mybucket', USER, { 's3:prefix': 'home/alice/' }), identityPolicies: [policy('p', allow('ListHome', 's3:ListBucket', 'arn:aws:s3:::mybucket', { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/'] } }))] }, decision: 'allowed', sids: ['ListHome'] },

  // Condition operators
  { name: 'StringEquals on a principal tag that is present', doc: `${OPERATORS}#Conditions_String`, input: { request: req('iam:CreateAccessKey', `arn:aws:iam::${A}:user/bob`, USER, { 'aws:PrincipalTag/job-category': 'iamuser-admin' }), identityPolicies: [policy('p', allow('Admins', 'iam:*AccessKey*', `arn:aws:iam::${A}:user/*`, { StringEquals: { 'aws:PrincipalTag/job-category': ['iamuser-admin'] } }))] }, decision: 'allowed', sids: ['Admins'] },
  { name: 'StringEquals on a missing tag does not match', doc: `${OPERATORS}#Conditions_String`, input: { request: req('iam:CreateAccessKey', `arn:aws:iam::${A}:user/bob`), identityPolicies: [policy('p', allow('Admins', 'iam:*AccessKey*', `arn:aws:iam::${A}:user/*`, { StringEquals: { 'aws:PrincipalTag/job-category': ['iamuser-admin'] } }))] }, decision: 'implicitDeny' },
  { name: 'NumericLessThanEquals s3:max-keys 10 allows 5', doc: `${OPERATORS}#Conditions_Numeric`, input: { request: req('s3:ListBucket', 'arn:aws:s3:::example_bucket', USER, { 's3:max-keys': '5' }), identityPolicies: [policy('p', allow('Max10', 's3:ListBucket', 'arn:aws:s3:::example_bucket', { NumericLessThanEquals: { 's3:max-keys': ['10'] } }))] }, decision: 'allowed', sids: ['Max10'] },
  { name: 'NumericLessThanEquals s3:max-keys 10 refuses 11', doc: `${OPERATORS}#Conditions_Numeric`, input: { request: req('s3:ListBucket', 'arn:aws:s3:::example_bucket', USER, { 's3:max-keys': '11' }), identityPolicies: [policy('p', allow('Max10', 's3:ListBucket', 'arn:aws:s3:::example_bucket', { NumericLessThanEquals: { 's3:max-keys': ['10'] } }))] }, decision: 'implicitDeny' },
  { name: 'DateGreaterThan aws:TokenIssueTime allows fresh temporary credentials', doc: `${OPERATORS}#Conditions_Date`, input: { request: req('iam:ListAccessKeys', `arn:aws:iam::${A}:user/alice`, AGENT, { 'aws:TokenIssueTime': '2020-06-01T00:00:00Z' }), identityPolicies: [policy('p', allow('Fresh', 'iam:*AccessKey*', `arn:aws:iam::${A}:user/*`, { DateGreaterThan: { 'aws:TokenIssueTime': ['2020-01-01T00:00:01Z'] } }))] }, decision: 'allowed', sids: ['Fresh'] },
  { name: 'DateGreaterThan aws:TokenIssueTime fails for long-term keys (key absent)', doc: `${OPERATORS}#Conditions_Date`, input: { request: req('iam:ListAccessKeys', `arn:aws:iam::${A}:user/alice`), identityPolicies: [policy('p', allow('Fresh', 'iam:*AccessKey*', `arn:aws:iam::${A}:user/*`, { DateGreaterThan: { 'aws:TokenIssueTime': ['2020-01-01T00:00:01Z'] } }))] }, decision: 'implicitDeny' },
  { name: 'a time window: DateGreaterThan and DateLessThan are AND-ed', doc: `${MULTI}#reference_policies_multiple-conditions-eval`, input: { request: req('sqs:SendMessage', '*', USER, { 'aws:CurrentTime': '2019-07-16T13:30:00Z', 'aws:SourceIp': '192.0.2.10' }), identityPolicies: [policy('p', allow('Window', 'sqs:*', '*', { DateGreaterThan: { 'aws:CurrentTime': ['2019-07-16T12:00:00Z'] }, DateLessThan: { 'aws:CurrentTime': ['2019-07-16T15:00:00Z'] }, IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] } }))] }, decision: 'allowed', sids: ['Window'] },
  { name: 'outside the time window the statement does not apply', doc: `${MULTI}#reference_policies_multiple-conditions-eval`, input: { request: req('sqs:SendMessage', '*', USER, { 'aws:CurrentTime': '2019-07-16T15:30:00Z', 'aws:SourceIp': '192.0.2.10' }), identityPolicies: [policy('p', allow('Window', 'sqs:*', '*', { DateGreaterThan: { 'aws:CurrentTime': ['2019-07-16T12:00:00Z'] }, DateLessThan: { 'aws:CurrentTime': ['2019-07-16T15:00:00Z'] }, IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] } }))] }, decision: 'implicitDeny' },
  { name: 'Bool aws:SecureTransport true allows TLS requests', doc: `${OPERATORS}#Conditions_Boolean`, input: { request: req('iam:CreateAccessKey', `arn:aws:iam::${A}:user/alice`, USER, { 'aws:SecureTransport': 'true' }), identityPolicies: [policy('p', allow('Tls', 'iam:*AccessKey*', '*', { Bool: { 'aws:SecureTransport': ['true'] } }))] }, decision: 'allowed', sids: ['Tls'] },
  { name: 'IpAddress allows a request from the range', doc: `${OPERATORS}#Conditions_IPAddress`, input: { request: req('iam:CreateAccessKey', '*', USER, { 'aws:SourceIp': '203.0.113.200' }), identityPolicies: [policy('p', allow('Office', 'iam:*AccessKey*', '*', { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } }))] }, decision: 'allowed', sids: ['Office'] },
  { name: 'IpAddress refuses a request from outside the range', doc: `${OPERATORS}#Conditions_IPAddress`, input: { request: req('iam:CreateAccessKey', '*', USER, { 'aws:SourceIp': '198.51.100.7' }), identityPolicies: [policy('p', allow('Office', 'iam:*AccessKey*', '*', { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } }))] }, decision: 'implicitDeny' },
  { name: 'mixed IPv4/IPv6 ranges: an IPv6 source in the /64 is allowed', doc: `${OPERATORS}#Conditions_IPAddress`, input: { request: req('someservice:Act', '*', USER, { 'aws:SourceIp': '2001:db8:1234:5678::42' }), identityPolicies: [policy('p', allow('Org', 'someservice:*', '*', { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8:1234:5678::/64'] } }))] }, decision: 'allowed', sids: ['Org'] },
  { name: 'NotIpAddress Deny blocks requests from outside the corporate range', doc: `${OPERATORS}#Conditions_IPAddress`, input: { request: req('s3:GetObject', FOLDER_OBJECT, USER, { 'aws:SourceIp': '198.51.100.7' }), identityPolicies: [policy('p', allow('All', 's3:*', '*'), deny('CorpOnly', '*', '*', { NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24'] } }))] }, decision: 'explicitDeny', sids: ['CorpOnly'] },
  { name: 'NotIpAddress Deny lets corporate requests through', doc: `${OPERATORS}#Conditions_IPAddress`, input: { request: req('s3:GetObject', FOLDER_OBJECT, USER, { 'aws:SourceIp': '192.0.2.33' }), identityPolicies: [policy('p', allow('All', 's3:*', '*'), deny('CorpOnly', '*', '*', { NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24'] } }))] }, decision: 'allowed', sids: ['All'] },
  { name: 'ArnEquals aws:SourceArn allows the named topic (SQS queue policy)', doc: `${OPERATORS}#Conditions_ARN`, input: { request: req('sqs:SendMessage', `arn:aws:sqs:us-east-1:${A}:queue`, USER, { 'aws:SourceArn': `arn:aws:sns:us-east-1:${A}:topic` }), identityPolicies: [], resourcePolicy: policy('queue-policy', grant('FromTopic', { AWS: [USER.arn] }, 'SQS:SendMessage', `arn:aws:sqs:us-east-1:${A}:queue`, { ArnEquals: { 'aws:SourceArn': [`arn:aws:sns:us-east-1:${A}:topic`] } })), resourceAccount: A }, decision: 'allowed', sids: ['FromTopic'] },
  { name: 'ArnEquals aws:SourceArn is absent on direct calls', doc: `${OPERATORS}#Conditions_ARN`, input: { request: req('sqs:SendMessage', `arn:aws:sqs:us-east-1:${A}:queue`), identityPolicies: [], resourcePolicy: policy('queue-policy', grant('FromTopic', { AWS: [USER.arn] }, 'SQS:SendMessage', `arn:aws:sqs:us-east-1:${A}:queue`, { ArnEquals: { 'aws:SourceArn': [`arn:aws:sns:us-east-1:${A}:topic`] } })), resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'StringLike on ec2:InstanceType fails for resources without the key', doc: `${OPERATORS}#Conditions_IfExists`, input: { request: req('ec2:RunInstances', 'arn:aws:ec2:us-east-1::image/ami-1'), identityPolicies: [policy('p', allow('THISPOLICYDOESNOTWORK', 'ec2:RunInstances', '*', { StringLike: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } }))] }, decision: 'implicitDeny' },
  { name: 'StringLikeIfExists lets resources without the key through', doc: `${OPERATORS}#Conditions_IfExists`, input: { request: req('ec2:RunInstances', 'arn:aws:ec2:us-east-1::image/ami-1'), identityPolicies: [policy('p', allow('RunInstance', 'ec2:RunInstances', '*', { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } }))] }, decision: 'allowed', sids: ['RunInstance'] },
  { name: 'StringLikeIfExists still checks the key when present', doc: `${OPERATORS}#Conditions_IfExists`, input: { request: req('ec2:RunInstances', `arn:aws:ec2:us-east-1:${A}:instance/*`, USER, { 'ec2:InstanceType': 'm5.large' }), identityPolicies: [policy('p', allow('RunInstance', 'ec2:RunInstances', '*', { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*', 'm3.*'] } }))] }, decision: 'implicitDeny' },
  { name: 'Null aws:TokenIssueTime true allows long-term credentials', doc: `${OPERATORS}#Conditions_Null`, input: { request: req('ec2:DescribeInstances', '*'), identityPolicies: [policy('p', allow('NoTemp', 'ec2:*', '*', { Null: { 'aws:TokenIssueTime': ['true'] } }))] }, decision: 'allowed', sids: ['NoTemp'] },
  { name: 'Null aws:TokenIssueTime true refuses temporary credentials', doc: `${OPERATORS}#Conditions_Null`, input: { request: req('ec2:DescribeInstances', '*', AGENT, { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' }), identityPolicies: [policy('p', allow('NoTemp', 'ec2:*', '*', { Null: { 'aws:TokenIssueTime': ['true'] } }))] }, decision: 'implicitDeny' },
  { name: 'a negated operator on a missing key is true, so the Deny applies', doc: `${OPERATORS} (Important: negated operators and missing keys)`, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [policy('p', allow('All', 's3:*', '*'), deny('OrgOnly', 's3:*', '*', { StringNotEquals: { 'aws:PrincipalOrgID': ['o-abc123'] } }))] }, decision: 'explicitDeny', sids: ['OrgOnly'] },
  { name: 'StringNotEqualsIfExists on a missing key is also true', doc: `${OPERATORS}#Conditions_IfExists`, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [policy('p', allow('All', 's3:*', '*'), deny('OrgOnly', 's3:*', '*', { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ['o-abc123'] } }))] }, decision: 'explicitDeny', sids: ['OrgOnly'] },
  { name: 'an unknown operator makes an Allow not apply', doc: `${OPERATORS} (unrecognised operator: condition false)`, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [policy('p', allow('Typo', 's3:*', '*', { StringEqualz: { 'aws:username': ['alice'] } }))] }, decision: 'implicitDeny' },
  { name: 'an unknown operator makes a Deny not apply', doc: `${OPERATORS} (unrecognised operator: condition false)`, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [policy('p', allow('All', 's3:*', '*'), deny('Typo', 's3:*', '*', { StringEqualz: { 'aws:username': ['alice'] } }))] }, decision: 'allowed', sids: ['All'] },

  // Multivalued keys
  { name: 'ForAllValues: every requested attribute is allowed', doc: `${SETS}#reference_policies_condition-multi-valued-context-keys`, input: { request: req('dynamodb:GetItem', `arn:aws:dynamodb:us-east-1:${A}:table/Thread`, USER, { 'dynamodb:Attributes': ['ID', 'Message', 'Tags'] }), identityPolicies: [policy('p', allow('Attrs', 'dynamodb:GetItem', 'arn:aws:dynamodb:*:*:table/Thread', { 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['ID', 'Message', 'Tags'] } }))] }, decision: 'allowed', sids: ['Attrs'] },
  { name: 'ForAllValues: one attribute outside the list fails', doc: `${SETS}#reference_policies_condition-multi-valued-context-keys`, input: { request: req('dynamodb:GetItem', `arn:aws:dynamodb:us-east-1:${A}:table/Thread`, USER, { 'dynamodb:Attributes': ['ID', 'UserName'] }), identityPolicies: [policy('p', allow('Attrs', 'dynamodb:GetItem', 'arn:aws:dynamodb:*:*:table/Thread', { 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['ID', 'Message', 'Tags'] } }))] }, decision: 'implicitDeny' },
  { name: 'ForAllValues with Allow is true when the key is absent (documented warning)', doc: `${SETS} (ForAllValues: true when the key is missing)`, input: { request: req('dynamodb:GetItem', `arn:aws:dynamodb:us-east-1:${A}:table/Thread`), identityPolicies: [policy('p', allow('Attrs', 'dynamodb:GetItem', 'arn:aws:dynamodb:*:*:table/Thread', { 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['ID', 'Message', 'Tags'] } }))] }, decision: 'allowed', sids: ['Attrs'] },
  { name: 'ForAnyValue Deny: one forbidden attribute denies PutItem', doc: `${SETS}#reference_policies_condition-multi-valued-context-keys`, input: { request: req('dynamodb:PutItem', `arn:aws:dynamodb:us-east-1:${A}:table/Thread`, USER, { 'dynamodb:Attributes': ['UserName', 'Message', 'PostDateTime'] }), identityPolicies: [policy('p', allow('All', 'dynamodb:*', '*'), deny('NoKeys', 'dynamodb:PutItem', 'arn:aws:dynamodb:*:*:table/Thread', { 'ForAnyValue:StringEquals': { 'dynamodb:Attributes': ['ID', 'PostDateTime'] } }))] }, decision: 'explicitDeny', sids: ['NoKeys'] },
  { name: 'ForAnyValue Deny: no forbidden attribute, not denied', doc: `${SETS}#reference_policies_condition-multi-valued-context-keys`, input: { request: req('dynamodb:PutItem', `arn:aws:dynamodb:us-east-1:${A}:table/Thread`, USER, { 'dynamodb:Attributes': ['UserName'] }), identityPolicies: [policy('p', allow('All', 'dynamodb:*', '*'), deny('NoKeys', 'dynamodb:PutItem', 'arn:aws:dynamodb:*:*:table/Thread', { 'ForAnyValue:StringEquals': { 'dynamodb:Attributes': ['ID', 'PostDateTime'] } }))] }, decision: 'allowed', sids: ['All'] },
  { name: 'ForAnyValue is false when the key is absent', doc: `${SETS} (ForAnyValue: false when the key is missing)`, input: { request: req('ec2:CreateTags', '*'), identityPolicies: [policy('p', allow('Tag', 'ec2:CreateTags', '*', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env'] } }))] }, decision: 'implicitDeny' },

  // Permissions boundaries
  { name: 'boundary: identity allows iam:CreateUser, boundary does not', doc: BOUNDARIES, input: { request: req('iam:CreateUser', `arn:aws:iam::${A}:user/new`), identityPolicies: [policy('create-user', allow('CreateUser', 'iam:CreateUser', '*'))], permissionsBoundary: SHIRLEY_BOUNDARY }, decision: 'implicitDeny' },
  { name: 'boundary: both allow, so the intersection allows', doc: BOUNDARIES, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [policy('s3', allow('S3Read', 's3:GetObject', '*'))], permissionsBoundary: SHIRLEY_BOUNDARY }, decision: 'allowed', sids: ['S3Read', 'Services'] },
  { name: 'boundary alone grants nothing', doc: BOUNDARIES, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [], permissionsBoundary: SHIRLEY_BOUNDARY }, decision: 'implicitDeny' },
  { name: 'boundary: an explicit deny in the boundary wins', doc: BOUNDARIES, input: { request: req('s3:GetObject', 'arn:aws:s3:::logs/x'), identityPolicies: [policy('s3', allow('S3All', 's3:*', '*'))], permissionsBoundary: policy('XCompanyBoundaries', allow('ServiceBoundaries', 's3:*', '*'), deny('DenyS3Logs', 's3:*', ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'])) }, decision: 'explicitDeny', sids: ['DenyS3Logs'] },
  { name: 'boundary cuts the connector policy: S3 allowed by the role, boundary only allows EC2', doc: BOUNDARIES, input: { ...AS_AGENT('s3:GetObject', FOLDER_OBJECT), permissionsBoundary: policy('ec2-only', allow('Ec2', 'ec2:*', '*')) }, decision: 'implicitDeny' },
  { name: 'same account: a resource policy naming the IAM user is not limited by the boundary', doc: `${BOUNDARIES} (Resource-based policies: IAM user)`, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [], permissionsBoundary: policy('ec2-only', allow('Ec2', 'ec2:*', '*')), resourcePolicy: policy('bucket', grant('UserRead', { AWS: [USER.arn] }, 's3:GetObject', `${BUCKET}/*`)), resourceAccount: A }, decision: 'allowed', sids: ['UserRead'] },
  { name: 'same account: a resource policy naming the role ARN is limited by the boundary', doc: `${BOUNDARIES} (Resource-based policies: IAM role ARN)`, input: { request: req('s3:GetObject', FOLDER_OBJECT, AGENT), identityPolicies: [], permissionsBoundary: policy('ec2-only', allow('Ec2', 'ec2:*', '*')), resourcePolicy: policy('bucket', grant('RoleRead', { AWS: [AGENT_ROLE] }, 's3:GetObject', `${BUCKET}/*`)), resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'same account: a role-ARN grant passes when the boundary allows', doc: `${BOUNDARIES} (Resource-based policies: IAM role ARN)`, input: { request: req('s3:GetObject', FOLDER_OBJECT, AGENT), identityPolicies: [], permissionsBoundary: SHIRLEY_BOUNDARY, resourcePolicy: policy('bucket', grant('RoleRead', { AWS: [AGENT_ROLE] }, 's3:GetObject', `${BUCKET}/*`)), resourceAccount: A }, decision: 'allowed', sids: ['RoleRead', 'Services'] },
  { name: 'same account: a resource policy naming the role session ARN is not limited by the boundary', doc: `${BOUNDARIES} (Resource-based policies: role session ARN)`, input: { request: req('s3:GetObject', FOLDER_OBJECT, AGENT), identityPolicies: [], permissionsBoundary: policy('ec2-only', allow('Ec2', 'ec2:*', '*')), resourcePolicy: policy('bucket', grant('SessionRead', { AWS: [AGENT.arn] }, 's3:GetObject', `${BUCKET}/*`)), resourceAccount: A }, decision: 'allowed', sids: ['SessionRead'] },
  { name: 'Deny with NotPrincipal always denies a principal with a boundary', doc: `${BOUNDARIES} (Important: NotPrincipal with Deny)`, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [policy('s3', allow('S3All', 's3:*', '*'))], permissionsBoundary: SHIRLEY_BOUNDARY, resourcePolicy: policy('bucket', { Sid: 'OnlyAlice', Effect: 'Deny', NotPrincipal: { AWS: [USER.arn, `arn:aws:iam::${A}:root`] }, Action: 's3:*', Resource: `${BUCKET}/*` }), resourceAccount: A }, decision: 'explicitDeny', sids: ['OnlyAlice'] },

  // Same-account resource-based policies
  { name: 'same account: the identity policy alone is enough', doc: `${BASICS}#reference_policies_evaluation-logic_policies_evaluation_example`, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [policy('s3', allow('S3Read', 's3:GetObject', `${BUCKET}/*`))], resourcePolicy: policy('bucket', grant('Other', { AWS: [`arn:aws:iam::${A}:user/carlos`] }, 's3:PutObject', `${BUCKET}/*`)), resourceAccount: A }, decision: 'allowed', sids: ['S3Read'] },
  { name: 'same account: the resource policy alone is enough', doc: `${BASICS}#reference_policies_evaluation-logic_policies_evaluation_example`, input: { request: req('s3:PutObject', FOLDER_OBJECT), identityPolicies: [policy('s3', allow('S3Read', 's3:GetObject', `${BUCKET}/*`))], resourcePolicy: policy('bucket', grant('AliceWrite', { AWS: [USER.arn] }, 's3:PutObject', `${BUCKET}/*`)), resourceAccount: A }, decision: 'allowed', sids: ['AliceWrite'] },
  { name: 'same account: a Deny in the bucket policy overrides the identity allow', doc: DENYALLOW, input: { request: req('s3:DeleteObject', FOLDER_OBJECT), identityPolicies: [policy('s3', allow('S3All', 's3:*', '*'))], resourcePolicy: policy('bucket', { Sid: 'NoDelete', Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: `${BUCKET}/*` }), resourceAccount: A }, decision: 'explicitDeny', sids: ['NoDelete'] },
  { name: 'same account: a bucket policy granting the account still needs an identity allow', doc: `${PRINCIPAL}#principal-accounts`, input: { request: req('s3:GetObject', FOLDER_OBJECT), identityPolicies: [], resourcePolicy: policy('bucket', grant('Account', { AWS: [A] }, 's3:GetObject', `${BUCKET}/*`)), resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'a resource policy statement for another principal does not apply', doc: PRINCIPAL, input: { request: req('s3:PutObject', FOLDER_OBJECT), identityPolicies: [], resourcePolicy: policy('bucket', grant('CarlosWrite', { AWS: [`arn:aws:iam::${A}:user/carlos`] }, 's3:PutObject', `${BUCKET}/*`)), resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'the account root user has full access in its own account', doc: `${DENYALLOW} (root user exception)`, input: { request: req('s3:DeleteBucket', BUCKET, ROOT), identityPolicies: [], resourceAccount: A }, decision: 'allowed' },
  { name: 'the root user is still stopped by a bucket policy Deny', doc: DENYALLOW, input: { request: req('s3:DeleteBucket', BUCKET, ROOT), identityPolicies: [], resourcePolicy: policy('bucket', { Sid: 'Keep', Effect: 'Deny', Principal: '*', Action: 's3:DeleteBucket', Resource: BUCKET }), resourceAccount: A }, decision: 'explicitDeny', sids: ['Keep'] },

  // NotPrincipal
  { name: 'Deny NotPrincipal: Bob (listed with his account) is not denied', doc: `${NOTPRINCIPAL}#specifying-notprincipal`, input: { request: req('s3:GetObject', `${BUCKET}/x`, BOB), identityPolicies: [policy('bob', allow('S3', 's3:*', '*'))], resourcePolicy: policy('bucket', { Sid: 'OnlyBob', Effect: 'Deny', NotPrincipal: { AWS: [BOB.arn, `arn:aws:iam::${B}:root`] }, Action: 's3:*', Resource: [BUCKET, `${BUCKET}/*`] }, grant('BobRead', { AWS: [BOB.arn] }, 's3:GetObject', `${BUCKET}/*`)), resourceAccount: A }, decision: 'allowed', sids: ['S3', 'BobRead'] },
  { name: 'Deny NotPrincipal: everyone else is denied', doc: `${NOTPRINCIPAL}#specifying-notprincipal`, input: { request: req('s3:GetObject', `${BUCKET}/x`), identityPolicies: [policy('s3', allow('S3', 's3:*', '*'))], resourcePolicy: policy('bucket', { Sid: 'OnlyBob', Effect: 'Deny', NotPrincipal: { AWS: [BOB.arn, `arn:aws:iam::${B}:root`] }, Action: 's3:*', Resource: [BUCKET, `${BUCKET}/*`] }), resourceAccount: A }, decision: 'explicitDeny', sids: ['OnlyBob'] },
  { name: 'Deny NotPrincipal listing only the session ARN still denies the session (role and account missing)', doc: `${NOTPRINCIPAL}#specifying-notprincipal`, input: { request: req('s3:GetObject', `${BUCKET}/x`, AGENT_B), identityPolicies: [policy('s3', allow('S3', 's3:*', '*'))], resourcePolicy: policy('bucket', { Sid: 'OnlyAudit', Effect: 'Deny', NotPrincipal: { AWS: [AGENT_B.arn] }, Action: 's3:*', Resource: `${BUCKET}/*` }), resourceAccount: A }, decision: 'explicitDeny', sids: ['OnlyAudit'] },

  { name: 'Allow with NotPrincipal admits everyone but the listed principal', doc: `${NOTPRINCIPAL}#specifying-notprincipal-allow`, input: { request: req('s3:GetObject', `${BUCKET}/x`), identityPolicies: [], resourcePolicy: policy('bucket', { Sid: 'AllButBob', Effect: 'Allow', NotPrincipal: { AWS: [BOB.arn, `arn:aws:iam::${B}:root`] }, Action: 's3:GetObject', Resource: `${BUCKET}/*` }), resourceAccount: A }, decision: 'allowed', sids: ['AllButBob'] },
  { name: 'Allow with NotPrincipal does not admit the listed principal', doc: `${NOTPRINCIPAL}#specifying-notprincipal-allow`, input: { request: req('s3:GetObject', `${BUCKET}/x`, BOB), identityPolicies: [policy('bob', allow('S3', 's3:*', '*'))], resourcePolicy: policy('bucket', { Sid: 'AllButBob', Effect: 'Allow', NotPrincipal: { AWS: [BOB.arn, `arn:aws:iam::${B}:root`] }, Action: 's3:GetObject', Resource: `${BUCKET}/*` }), resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'an anonymous request is allowed by a public "*" grant', doc: `${PRINCIPAL}#principal-anonymous`, input: { request: req('s3:GetObject', `${BUCKET}/public/logo.png`, null), identityPolicies: [], resourcePolicy: policy('bucket', grant('Public', '*', 's3:GetObject', `${BUCKET}/public/*`)), resourceAccount: A }, decision: 'allowed', sids: ['Public'] },
  { name: 'an anonymous request is not allowed by a grant to the account', doc: `${PRINCIPAL}#principal-anonymous`, input: { request: req('s3:GetObject', `${BUCKET}/public/logo.png`, null), identityPolicies: [], resourcePolicy: policy('bucket', grant('Account', { AWS: [A] }, 's3:GetObject', `${BUCKET}/*`)), resourceAccount: A }, decision: 'implicitDeny' },

  // Cross-account
  { name: 'cross-account: identity and bucket policy both allow', doc: `${CROSS}#policy-eval-cross-account`, input: { request: req('s3:GetObject', FOLDER_OBJECT, AGENT_B), identityPolicies: [S3_PERMISSIONS], resourcePolicy: policy('bucket', grant('AgentRead', { AWS: [`arn:aws:iam::${B}:role/InformaticaAgent`] }, ['s3:GetObject', 's3:ListBucket'], [BUCKET, `${BUCKET}/*`])), resourceAccount: A }, decision: 'allowed', sids: ['Objects', 'AgentRead'] },
  { name: 'cross-account: the identity policy alone is not enough', doc: `${CROSS}#policy-eval-cross-account`, input: { request: req('s3:GetObject', FOLDER_OBJECT, AGENT_B), identityPolicies: [S3_PERMISSIONS], resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'cross-account: the bucket policy alone is not enough', doc: `${CROSS}#policy-eval-cross-account`, input: { request: req('s3:GetObject', FOLDER_OBJECT, AGENT_B), identityPolicies: [], resourcePolicy: policy('bucket', grant('AgentRead', { AWS: [`arn:aws:iam::${B}:role/InformaticaAgent`] }, 's3:GetObject', `${BUCKET}/*`)), resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'cross-account: a bucket policy naming the other account delegates to its identity policies', doc: `${CROSS} + ${PRINCIPAL}#principal-accounts`, input: { request: req('s3:GetObject', FOLDER_OBJECT, AGENT_B), identityPolicies: [S3_PERMISSIONS], resourcePolicy: policy('bucket', grant('AccountB', { AWS: [`arn:aws:iam::${B}:root`] }, 's3:GetObject', `${BUCKET}/*`)), resourceAccount: A }, decision: 'allowed', sids: ['Objects', 'AccountB'] },
  { name: 'cross-account: a bucket policy naming a third account does not apply', doc: CROSS, input: { request: req('s3:GetObject', FOLDER_OBJECT, AGENT_B), identityPolicies: [S3_PERMISSIONS], resourcePolicy: policy('bucket', grant('Other', { AWS: ['999988887777'] }, 's3:GetObject', `${BUCKET}/*`)), resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'cross-account: a Deny in the bucket policy wins', doc: CROSS, input: { request: req('s3:GetObject', FOLDER_OBJECT, AGENT_B, { 'aws:SecureTransport': 'false' }), identityPolicies: [S3_PERMISSIONS], resourcePolicy: policy('bucket', grant('AgentRead', { AWS: [`arn:aws:iam::${B}:role/InformaticaAgent`] }, 's3:GetObject', `${BUCKET}/*`), { Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: `${BUCKET}/*`, Condition: { Bool: { 'aws:SecureTransport': ['false'] } } }), resourceAccount: A }, decision: 'explicitDeny', sids: ['TlsOnly'] },
  { name: 'cross-account: the TLS-only Deny does not apply over TLS', doc: CROSS, input: { request: req('s3:GetObject', FOLDER_OBJECT, AGENT_B, { 'aws:SecureTransport': 'true' }), identityPolicies: [S3_PERMISSIONS], resourcePolicy: policy('bucket', grant('AgentRead', { AWS: [`arn:aws:iam::${B}:role/InformaticaAgent`] }, 's3:GetObject', `${BUCKET}/*`), { Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: `${BUCKET}/*`, Condition: { Bool: { 'aws:SecureTransport': ['false'] } } }), resourceAccount: A }, decision: 'allowed', sids: ['Objects', 'AgentRead'] },
  { name: 'cross-account: the boundary still limits the identity side', doc: `${CROSS} + ${BOUNDARIES}`, input: { request: req('s3:GetObject', FOLDER_OBJECT, AGENT_B), identityPolicies: [S3_PERMISSIONS], permissionsBoundary: policy('ec2-only', allow('Ec2', 'ec2:*', '*')), resourcePolicy: policy('bucket', grant('AgentRead', { AWS: [`arn:aws:iam::${B}:role/InformaticaAgent`] }, 's3:GetObject', `${BUCKET}/*`)), resourceAccount: A }, decision: 'implicitDeny' },

  // Trust policies (setup A and B)
  { name: 'EC2 trust: ec2.amazonaws.com may assume the role', doc: `${TRUST} + ${PRINCIPAL}#principal-services`, input: { request: req('sts:AssumeRole', CONNECTOR_ROLE, EC2), identityPolicies: [], resourcePolicy: EC2_TRUST, resourceAccount: A }, decision: 'allowed', sids: ['TrustEc2'] },
  { name: 'EC2 trust: another service may not', doc: `${PRINCIPAL}#principal-services`, input: { request: req('sts:AssumeRole', CONNECTOR_ROLE, { arn: 'lambda.amazonaws.com', account: '', service: 'lambda.amazonaws.com' }), identityPolicies: [], resourcePolicy: EC2_TRUST, resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'EC2 trust: an IAM user is not the EC2 service', doc: `${PRINCIPAL}#principal-services`, input: { request: req('sts:AssumeRole', CONNECTOR_ROLE), identityPolicies: [ASSUME_CONNECTOR], resourcePolicy: EC2_TRUST, resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'EC2 trust in aws-cn names ec2.amazonaws.com.cn', doc: `${PRINCIPAL}#principal-services + aws.md §5`, input: { request: req('sts:AssumeRole', `arn:aws-cn:iam::${A}:role/KeylessS3Connector`, { arn: 'ec2.amazonaws.com.cn', account: '', service: 'ec2.amazonaws.com.cn' }), identityPolicies: [], resourcePolicy: policy('trust-ec2-cn', grant('TrustEc2', { Service: ['ec2.amazonaws.com.cn'] }, 'sts:AssumeRole')), resourceAccount: A }, decision: 'allowed', sids: ['TrustEc2'] },
  { name: 'role trust with the right ExternalId: the agent role session may assume', doc: `${TRUST} + id_roles_create_for-user_externalid.html`, input: { request: req('sts:AssumeRole', CONNECTOR_ROLE, AGENT, { 'sts:ExternalId': 'keyless-7f3a' }), identityPolicies: [ASSUME_CONNECTOR], resourcePolicy: ROLE_TRUST, resourceAccount: A }, decision: 'allowed', sids: ['TrustAgentRole'] },
  { name: 'role trust with a wrong ExternalId is denied', doc: 'id_roles_create_for-user_externalid.html', input: { request: req('sts:AssumeRole', CONNECTOR_ROLE, AGENT, { 'sts:ExternalId': 'guess' }), identityPolicies: [ASSUME_CONNECTOR], resourcePolicy: ROLE_TRUST, resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'role trust with no ExternalId is denied', doc: 'id_roles_create_for-user_externalid.html', input: { request: req('sts:AssumeRole', CONNECTOR_ROLE, AGENT), identityPolicies: [ASSUME_CONNECTOR], resourcePolicy: ROLE_TRUST, resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'role trust: a different role is not trusted even with the id', doc: PRINCIPAL, input: { request: req('sts:AssumeRole', CONNECTOR_ROLE, { arn: `arn:aws:sts::${A}:assumed-role/OtherApp/s`, account: A }, { 'sts:ExternalId': 'keyless-7f3a' }), identityPolicies: [ASSUME_CONNECTOR], resourcePolicy: ROLE_TRUST, resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'trust policy is required: an identity allow without trust is not enough', doc: `${DENYALLOW} (role trust policies are an exception)`, input: { request: req('sts:AssumeRole', CONNECTOR_ROLE, AGENT), identityPolicies: [ASSUME_CONNECTOR], resourcePolicy: policy('trust-nobody', grant('TrustOther', { AWS: [`arn:aws:iam::${A}:role/Someone`] }, 'sts:AssumeRole')), resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'cross-account trust needs the caller’s sts:AssumeRole permission too', doc: `${CROSS} + API_AssumeRole`, input: { request: req('sts:AssumeRole', CONNECTOR_ROLE, AGENT_B), identityPolicies: [], resourcePolicy: policy('trust-b', grant('TrustB', { AWS: [`arn:aws:iam::${B}:role/InformaticaAgent`] }, 'sts:AssumeRole')), resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'cross-account trust with the caller’s permission is allowed', doc: `${CROSS} + API_AssumeRole`, input: { request: req('sts:AssumeRole', CONNECTOR_ROLE, AGENT_B), identityPolicies: [ASSUME_CONNECTOR], resourcePolicy: policy('trust-b', grant('TrustB', { AWS: [`arn:aws:iam::${B}:role/InformaticaAgent`] }, 'sts:AssumeRole')), resourceAccount: A }, decision: 'allowed', sids: ['AssumeConnector', 'TrustB'] },
  { name: 'cross-account is recognised from the role ARN when no resourceAccount is given', doc: `${CROSS} (the role ARN names the owning account)`, input: { request: req('sts:AssumeRole', CONNECTOR_ROLE, AGENT_B), identityPolicies: [], resourcePolicy: policy('trust-b', grant('TrustB', { AWS: [`arn:aws:iam::${B}:role/InformaticaAgent`] }, 'sts:AssumeRole')) }, decision: 'implicitDeny' },
  { name: 'trust naming the account needs an identity allow (none given)', doc: 'API_AssumeRole (same account: trust the account and grant AssumeRole)', input: { request: req('sts:AssumeRole', CONNECTOR_ROLE), identityPolicies: [], resourcePolicy: policy('trust-account', grant('TrustAccount', { AWS: [`arn:aws:iam::${A}:root`] }, 'sts:AssumeRole')), resourceAccount: A }, decision: 'implicitDeny' },
  { name: 'trust naming the account plus an identity allow', doc: 'API_AssumeRole (same account: trust the account and grant AssumeRole)', input: { request: req('sts:AssumeRole', CONNECTOR_ROLE), identityPolicies: [ASSUME_CONNECTOR], resourcePolicy: policy('trust-account', grant('TrustAccount', { AWS: [`arn:aws:iam::${A}:root`] }, 'sts:AssumeRole')), resourceAccount: A }, decision: 'allowed', sids: ['AssumeConnector', 'TrustAccount'] },
  { name: 'same-account trust naming the user directly needs no identity policy', doc: 'API_AssumeRole (same account: add the user as a principal in the trust policy)', input: { request: req('sts:AssumeRole', CONNECTOR_ROLE), identityPolicies: [], resourcePolicy: policy('trust-alice', grant('TrustAlice', { AWS: [USER.arn] }, 'sts:AssumeRole')), resourceAccount: A }, decision: 'allowed', sids: ['TrustAlice'] },
  { name: 'a trusted user whose boundary does not allow sts:AssumeRole cannot assume', doc: 'id_roles_update-role-trust-policy.html (Notes: permissions boundary must allow sts:AssumeRole)', input: { request: req('sts:AssumeRole', CONNECTOR_ROLE), identityPolicies: [], permissionsBoundary: SHIRLEY_BOUNDARY, resourcePolicy: policy('trust-alice', grant('TrustAlice', { AWS: [USER.arn] }, 'sts:AssumeRole')), resourceAccount: A }, decision: 'implicitDeny' },

  // The S3 connector's real shapes (setup A permissions policy)
  { name: 'ListBucket with prefix folder/sub/ is allowed', doc: S3_KEYS, input: AS_AGENT('s3:ListBucket', BUCKET, { 's3:prefix': 'folder/sub/' }), decision: 'allowed', sids: ['ListPrefix'] },
  { name: 'ListBucket with prefix folder/ is allowed', doc: S3_KEYS, input: AS_AGENT('s3:ListBucket', BUCKET, { 's3:prefix': 'folder/' }), decision: 'allowed', sids: ['ListPrefix'] },
  { name: 'ListBucket with no prefix (bucket root) is implicitly denied', doc: `${S3_KEYS} (s3:prefix absent)`, input: AS_AGENT('s3:ListBucket', BUCKET), decision: 'implicitDeny' },
  { name: 'ListBucket with prefix other/ is implicitly denied', doc: S3_KEYS, input: AS_AGENT('s3:ListBucket', BUCKET, { 's3:prefix': 'other/' }), decision: 'implicitDeny' },
  { name: 'ListBucket with prefix "folder" (no slash) is implicitly denied', doc: S3_KEYS, input: AS_AGENT('s3:ListBucket', BUCKET, { 's3:prefix': 'folder' }), decision: 'implicitDeny' },
  { name: 'GetObject under the folder is allowed', doc: 'aws.md §5 (object actions on bucket/folder/*)', input: AS_AGENT('s3:GetObject', FOLDER_OBJECT), decision: 'allowed', sids: ['Objects'] },
  { name: 'GetObject outside the folder is implicitly denied', doc: 'aws.md §5', input: AS_AGENT('s3:GetObject', `${BUCKET}/other/data.csv`), decision: 'implicitDeny' },
  { name: 'PutObject under the folder is allowed', doc: 'aws.md §5', input: AS_AGENT('s3:PutObject', `${BUCKET}/folder/out/part-0001.parquet`), decision: 'allowed', sids: ['Objects'] },
  { name: 'GetObject on the bucket ARN (not an object) is implicitly denied', doc: RESOURCE, input: AS_AGENT('s3:GetObject', BUCKET), decision: 'implicitDeny' },
  { name: 'ListBucketMultipartUploads on the bucket is allowed (advanced mode)', doc: 'aws.md §5', input: AS_AGENT('s3:ListBucketMultipartUploads', BUCKET), decision: 'allowed', sids: ['BucketMeta'] },
  { name: 'an object in a look-alike bucket is not covered', doc: RESOURCE, input: AS_AGENT('s3:GetObject', 'arn:aws:s3:::informatica-landing-copy/folder/data.csv'), decision: 'implicitDeny' },
  { name: 'kms:Decrypt on the SSE-KMS key is allowed', doc: 'aws.md §5 (SSE-KMS)', input: AS_AGENT('kms:Decrypt', `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`), decision: 'allowed', sids: ['Kms'] },
  { name: 'the instance role may assume exactly the connector role (setup B)', doc: 'aws.md §5 (Second role)', input: { request: req('sts:AssumeRole', CONNECTOR_ROLE, AGENT), identityPolicies: [ASSUME_CONNECTOR] }, decision: 'allowed', sids: ['AssumeConnector'] },
  { name: 'the instance role may not assume any other role (setup B)', doc: 'aws.md §5 (Second role)', input: { request: req('sts:AssumeRole', `arn:aws:iam::${A}:role/Admin`, AGENT), identityPolicies: [ASSUME_CONNECTOR] }, decision: 'implicitDeny' },
];

describe('IAM evaluation logic, row by row from the AWS documentation', () => {
  it('has at least 80 rows, each naming its source', () => {
    expect(rows.length).toBeGreaterThanOrEqual(80);
    for (const row of rows) expect(row.doc.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.name)).size).toBe(rows.length);
  });

  it.each(rows)('$name  [$doc]', (row) => {
    const result = evaluate(row.input);
    expect(result.decision).toBe(row.decision);
    if (row.decision === 'implicitDeny') expect(result.matchedStatements).toEqual([]);
    if (row.sids !== undefined) expect(result.matchedStatements.map((s) => s.sid)).toEqual(row.sids);
    if (row.decision === 'explicitDeny') expect(result.matchedStatements.every((s) => s.effect === 'Deny')).toBe(true);
    if (row.decision === 'allowed') expect(result.matchedStatements.every((s) => s.effect === 'Allow')).toBe(true);
    expect(result.reason).toContain(row.input.request.action);
  });
});
