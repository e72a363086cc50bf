/**
 * Everything the IICS client relies on that reference/iics-api.md marks INFERRED or UNVERIFIED,
 * in one place, so a capture from a real org can correct it here and nowhere else.
 *
 * - connParams keys of the Amazon S3 v2 connector are not published (§4.4, §9.1). The client
 *   reads them from `GET /api/v2/connector/metadata` by the documented UI labels [DOC]; only when
 *   the metadata cannot be read, or lacks a label, does it use FALLBACK_PARAM_KEYS below: the
 *   label with its spaces removed, as a public client's PARTIAL update sends
 *   `{"connParams":{"SecretKey":…}}` [CODE, §4.2] — an ASSUMPTION for every other key.
 * - The connection `type` is the connector's `type` from `GET /api/v2/connector` (falling back to
 *   `TOOLKIT_CCI`) and `instanceName` is the connector's `name` [INFERRED from third-party
 *   clients, §4.4].
 * - "Use EC2 Role to Assume Role" is sent as the string "true"/"false" [INFERRED, §9.1].
 * - "Region Name" takes a value from the metadata's picklist; an AWS region code is translated
 *   through REGION_DISPLAY_NAMES, whose names follow the one documented value "EU(Frankfurt)"
 *   [DOC for that value, INFERRED for the rest], and only when the picklist has that name.
 * - "Folder Path" holds `bucket[/folder]` without a trailing slash [seed rule; §5.7 UNVERIFIED].
 * - A serverless runtime environment is recognised by a `serverlessConfig` that carries
 *   settings (platform, status, maxComputeUnits or a non-empty cloudConfig) while `agents` is
 *   empty [INFERRED heuristic, §3.2]; and such an environment cannot use IAM or EC2-role
 *   authentication [INFERRED, §5.4 — DESIGN §2 makes it a rule].
 * - An agent's `agentHost` is the EC2 instance's private DNS name, its first label, a private
 *   IP, or a resource-name host `i-….<region>.compute.internal` [INFERRED: only "host name" is
 *   documented, §3.3].
 * - `connection/test/<id>` answers 200 on success (a success object with a description) and an
 *   error object carrying the connector's message on failure [INFERRED, §4.2].
 * - Any 401 means the session is gone (expired, logged out, or a JWT past its time); there is no
 *   documented error code for it [§1.5 UNVERIFIED].
 * - A PARTIAL update carries `"@type":"connection"` and only the changed connParams, merged by
 *   IICS onto the stored ones [DOC for the header and @type, CODE for the merge, §4.2].
 * - Retrying on 429/502/503 with backoff, honouring Retry-After [UNVERIFIED, §6.2].
 */

/** The documented UI labels of the S3 v2 connection properties the client sets (§4.4, §5). */
export const S3V2_LABELS = {
  accessKey: 'Access Key',
  secretKey: 'Secret Key',
  iamRoleArn: 'IAM Role ARN',
  externalId: 'External Id',
  useEc2RoleToAssumeRole: 'Use EC2 Role to Assume Role',
  folderPath: 'Folder Path',
  regionName: 'Region Name',
} as const;

export type S3v2Property = keyof typeof S3V2_LABELS;

/** ASSUMPTION (see above): used only where connector/metadata does not name the key. */
export const FALLBACK_PARAM_KEYS: Readonly<Record<S3v2Property, string>> = {
  accessKey: 'AccessKey',
  secretKey: 'SecretKey',
  iamRoleArn: 'IAMRoleARN',
  externalId: 'ExternalId',
  useEc2RoleToAssumeRole: 'UseEC2RoletoAssumeRole',
  folderPath: 'FolderPath',
  regionName: 'RegionName',
};

export const S3V2_CONNECTOR_NAME = 'Amazon S3 v2';
export const FALLBACK_CONNECTION_TYPE = 'TOOLKIT_CCI';

/** How IICS masks a stored secret in a GET (§4.3). Never send it back. */
export const MASKED_VALUE = '********';

/** ASSUMPTION (see above): AWS region code → the "Region Name" picklist value. */
export const REGION_DISPLAY_NAMES: Readonly<Record<string, string>> = {
  'us-east-1': 'US East(N. Virginia)',
  'us-east-2': 'US East(Ohio)',
  'us-west-1': 'US West(N. California)',
  'us-west-2': 'US West(Oregon)',
  'ca-central-1': 'Canada(Central)',
  'eu-west-1': 'EU(Ireland)',
  'eu-west-2': 'EU(London)',
  'eu-west-3': 'EU(Paris)',
  'eu-central-1': 'EU(Frankfurt)',
  'eu-north-1': 'EU(Stockholm)',
  'ap-northeast-1': 'Asia Pacific(Tokyo)',
  'ap-northeast-2': 'Asia Pacific(Seoul)',
  'ap-southeast-1': 'Asia Pacific(Singapore)',
  'ap-southeast-2': 'Asia Pacific(Sydney)',
  'ap-south-1': 'Asia Pacific(Mumbai)',
  'sa-east-1': 'South America(Sao Paulo)',
  'cn-north-1': 'China(Beijing)',
  'cn-northwest-1': 'China(Ningxia)',
  'us-gov-west-1': 'AWS GovCloud(US)',
};
