/**
 * Names Keyless suggests for what it creates, the same in the Draft offline form, the guided
 * setup and the CLI. All are valid IAM names, and all say who made them and why.
 */
export const DEFAULT_NAMES = {
  role: 'keyless-informatica-agent',
  policy: 'keyless-informatica-s3-access',
  connectorRole: 'keyless-informatica-s3-connector',
  assumePolicy: 'keyless-assume-s3-connector',
  path: '/',
} as const;
