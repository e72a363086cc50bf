/**
 * The Amazon S3 v2 connector as the sandbox's IICS emulator presents it — an ASSUMPTION.
 *
 * Informatica does not publish the connector's `connParams` keys, its connection `type`, or what
 * `connection/test` answers (reference/iics-api.md §4.4, §9). Everything the emulator relies on
 * that the reference marks INFERRED or UNVERIFIED is listed here, in one place, so a capture from a
 * real org can replace it:
 *
 * - Connection `type` is `TOOLKIT_CCI` and `instanceName` is the connector's `name` [INFERRED from
 *   third-party clients, §4.4].
 * - `connParams` keys are the UI labels with the spaces removed (`IAMRoleARN` for "IAM Role ARN"):
 *   a public client's PARTIAL update sends `{"connParams":{"SecretKey":"…"}}` [CODE, §4.2]. The
 *   labels themselves are documented [DOC, §4.4]. Names deliberately differ from labels so a
 *   client must map labels to names through `connector/metadata`, as DESIGN §6 requires.
 * - Booleans are the strings "true"/"false"; "Region Name" is a picklist of display names such as
 *   "EU(Frankfurt)" [DOC for that one value; the rest of the list is INFERRED].
 * - "Folder Path" holds `bucket[/folder...]` and must not end with `/` [seed rule; §5.7 UNVERIFIED].
 * - GET masks non-empty secrets as `********` [CODE, §4.3]; a full update that sends the mask back
 *   stores the mask — the pitfall §4.3 warns about — so clients must use PARTIAL mode.
 * - `connection/test/<id>`: success is 200 `{"@type":"success","description":…}`; failure is 400
 *   with a v2 error object whose `code` names the broken link (`BrokenLink` in
 *   connection-test/link-failure.ts; the real codes are unknown) [INFERRED, §4.2]. The test runs
 *   on the first active agent of the environment [INFERRED: a running agent is a precondition,
 *   §4.2], evaluates without changing AWS (ListBucket with `s3:prefix` = "folder/", GetObject
 *   on an object under the folder; PutObject for write) — whether a connection is for writing
 *   is not part of an IICS connection, so the world says it (`connectionTests`, world.ts). It
 *   also fails when the bucket's region differs from "Region Name", and when "IAM Role ARN" is
 *   set without keys or "Use EC2 Role to Assume Role" (or the reverse) [both INFERRED].
 *   Access-key and federated authentication are not emulated: such a test fails and says so.
 * - A serverless runtime environment cannot use IAM or EC2-role authentication [INFERRED, §5.4].
 * - An agent's `agentHost` is the EC2 instance's private DNS name (or its first label, or the
 *   private IP) [INFERRED: only the hostname field is documented, §3.3].
 * - Expired or unknown sessions answer 401 with code `SESSION_INVALID` (v2 and v3 shapes from §6.1);
 *   the real code string is unknown [§1.5, UNVERIFIED], so clients must key on the 401 alone.
 * - Validation failures answer 400 with code `CONNECTION_INVALID` or `REQUEST_INVALID` [codes INFERRED].
 */

export const S3V2_CONNECTOR_NAME = 'Amazon S3 v2';
export const S3V2_CONNECTION_TYPE = 'TOOLKIT_CCI';

/** The `GET /api/v2/connector` entry. */
export const S3V2_CONNECTOR = {
  '@type': 'connector',
  name: S3V2_CONNECTOR_NAME,
  type: S3V2_CONNECTION_TYPE,
  publisher: 'Informatica',
  connectorVersion: '1.0',
  shortName: 'AmazonS3v2',
  isPublic: true,
} as const;

export type S3v2AttributeKind = 'string' | 'secret' | 'boolean' | 'picklist';

export interface S3v2Attribute {
  readonly name: string;
  readonly label: string;
  readonly kind: S3v2AttributeKind;
  readonly isMandatory: boolean;
  readonly defaultValue: string;
  readonly list?: readonly string[];
}

/** Region picklist: display value → AWS region code (used by the test to compare the bucket's region). */
export const S3V2_REGION_NAMES: Readonly<Record<string, string>> = {
  'US East(N. Virginia)': 'us-east-1',
  'US East(Ohio)': 'us-east-2',
  'US West(N. California)': 'us-west-1',
  'US West(Oregon)': 'us-west-2',
  'Canada(Central)': 'ca-central-1',
  'EU(Ireland)': 'eu-west-1',
  'EU(London)': 'eu-west-2',
  'EU(Paris)': 'eu-west-3',
  'EU(Frankfurt)': 'eu-central-1',
  'EU(Stockholm)': 'eu-north-1',
  'Asia Pacific(Tokyo)': 'ap-northeast-1',
  'Asia Pacific(Seoul)': 'ap-northeast-2',
  'Asia Pacific(Singapore)': 'ap-southeast-1',
  'Asia Pacific(Sydney)': 'ap-southeast-2',
  'Asia Pacific(Mumbai)': 'ap-south-1',
  'South America(Sao Paulo)': 'sa-east-1',
  'China(Beijing)': 'cn-north-1',
  'China(Ningxia)': 'cn-northwest-1',
  'AWS GovCloud(US)': 'us-gov-west-1',
};

/** connParams key of a UI label (see the assumption above). */
function paramName(label: string): string {
  return label.replace(/\s+/g, '');
}

/** The attribute names the emulator's own logic reads. */
export const S3V2_PARAM = {
  accessKey: paramName('Access Key'),
  secretKey: paramName('Secret Key'),
  iamRoleArn: paramName('IAM Role ARN'),
  externalId: paramName('External Id'),
  useEc2RoleToAssumeRole: paramName('Use EC2 Role to Assume Role'),
  folderPath: paramName('Folder Path'),
  regionName: paramName('Region Name'),
  federatedSsoIdp: paramName('Federated SSO IdP'),
} as const;

const attribute = (
  label: string,
  kind: S3v2AttributeKind,
  extra: { isMandatory?: boolean; defaultValue?: string; list?: readonly string[] } = {},
): S3v2Attribute => ({
  name: paramName(label),
  label,
  kind,
  isMandatory: extra.isMandatory ?? false,
  defaultValue: extra.defaultValue ?? (kind === 'boolean' ? 'false' : ''),
  ...(extra.list === undefined ? {} : { list: extra.list }),
});

export const S3V2_ATTRIBUTES: readonly S3v2Attribute[] = [
  attribute('Access Key', 'secret'),
  attribute('Secret Key', 'secret'),
  attribute('IAM Role ARN', 'string'),
  attribute('External Id', 'string'),
  attribute('Use EC2 Role to Assume Role', 'boolean'),
  attribute('Folder Path', 'string', { isMandatory: true }),
  attribute('Region Name', 'picklist', {
    isMandatory: true,
    defaultValue: 'US East(N. Virginia)',
    list: Object.keys(S3V2_REGION_NAMES),
  }),
  attribute('Master Symmetric Key', 'secret'),
  attribute('Customer Master Key ID', 'string'),
  attribute('Federated SSO IdP', 'picklist', { defaultValue: 'None', list: ['None', 'ADFS 3.0'] }),
  attribute('Federated User Name', 'string'),
  attribute('Federated User Password', 'secret'),
  attribute('IdP SSO URL', 'string'),
  attribute('SAML Identity Provider ARN', 'string'),
  attribute('Role ARN', 'string'),
  attribute('S3 VPC Endpoint Type', 'picklist', { defaultValue: 'None', list: ['None', 'Interface Endpoint'] }),
  attribute('Endpoint DNS Name for Amazon S3', 'string'),
  attribute('STS VPC Endpoint Type', 'picklist', { defaultValue: 'None', list: ['None', 'Interface Endpoint'] }),
  attribute('Endpoint DNS Name for AWS STS', 'string'),
];

/** The `GET /api/v2/connector/metadata?connectorName=…` body, in the documented attribute shape. */
export function s3v2ConnectorMetadata(): object {
  return {
    '@type': 'connectorMetadata',
    type: S3V2_CONNECTION_TYPE,
    isStandardConnType: false,
    attributes: S3V2_ATTRIBUTES.map((a, index) => ({
      '@type': 'connectorAttribute',
      name: a.name,
      label: a.label,
      id: index + 1,
      type: a.kind === 'secret' ? 'password' : a.kind,
      value: a.defaultValue,
      isMandatory: a.isMandatory,
      visible: true,
      list: a.list ?? [],
    })),
  };
}

export const MASKED_SECRET = '********';
