import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpointFor } from '../../../electron/core/aws/endpoints';
import { readSharedConfig } from '../../../electron/core/aws/profiles/shared-config';
import type { SharedConfig } from '../../../electron/core/aws/profiles/shared-config';
import { followSourceChain } from '../../../electron/core/aws/profiles/source-chain';
import { makeAwsHome } from './support/aws-home';
import type { AwsHome } from './support/aws-home';

const CONFIG = `
[profile plain]
region = us-east-1

[profile with-url]
endpoint_url = http://127.0.0.1:1111

[profile with-services]
services = local
endpoint_url = http://127.0.0.1:1111

[services local]
sts =
  endpoint_url = http://127.0.0.1:2222
sso_oidc =
  endpoint_url = http://127.0.0.1:3333

[profile ignoring]
endpoint_url = http://127.0.0.1:1111
ignore_configured_endpoint_urls = true

[profile self]
role_arn = arn:aws:iam::111111111111:role/r
source_profile = self

[profile self-loop]
role_arn = arn:aws:iam::111111111111:role/r
source_profile = self-loop

[profile keys-and-role]
role_arn = arn:aws:iam::111111111111:role/ignored-as-source
source_profile = plain

[profile uses-keys-and-role]
role_arn = arn:aws:iam::111111111111:role/top
source_profile = keys-and-role

[profile ec2-source]
credential_source = Ec2InstanceMetadata

[profile via-ec2-source]
role_arn = arn:aws:iam::111111111111:role/top
source_profile = ec2-source

[profile odd-source]
role_arn = arn:aws:iam::111111111111:role/top
credential_source = Laptop
`;

const CREDENTIALS = `
[self]
aws_access_key_id = AKIASELF000000000000
aws_secret_access_key = s

[keys-and-role]
aws_access_key_id = AKIAKEYS000000000000
aws_secret_access_key = s
`;

let aws: AwsHome;
let config: SharedConfig;
beforeEach(async () => {
  aws = await makeAwsHome({ config: CONFIG, credentials: CREDENTIALS });
  config = await readSharedConfig(aws.env);
});
afterEach(async () => {
  await aws.remove();
});

describe('endpoint overrides, in the SDK order (aws.md §2.5)', () => {
  it('per-service variable, then AWS_ENDPOINT_URL, then [services], then endpoint_url', () => {
    expect(endpointFor('STS', 'plain', config, aws.env)).toBeUndefined();
    expect(endpointFor('STS', 'with-url', config, aws.env)).toBe('http://127.0.0.1:1111');
    expect(endpointFor('STS', 'with-services', config, aws.env)).toBe('http://127.0.0.1:2222');
    expect(endpointFor('SSO OIDC', 'with-services', config, aws.env)).toBe('http://127.0.0.1:3333');
    expect(endpointFor('SSO', 'with-services', config, aws.env)).toBe('http://127.0.0.1:1111');
    expect(endpointFor('EC2', 'with-services', config, { ...aws.env, AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:7777' })).toBe('http://127.0.0.1:7777');
    const env = { ...aws.env, AWS_ENDPOINT_URL: 'http://127.0.0.1:4444' };
    expect(endpointFor('STS', 'with-services', config, env)).toBe('http://127.0.0.1:4444');
    expect(endpointFor('STS', 'with-services', config, { ...env, AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:5555' })).toBe('http://127.0.0.1:5555');
    expect(endpointFor('SSO OIDC', undefined, config, { ...env, AWS_ENDPOINT_URL_SSO_OIDC: 'http://127.0.0.1:6666' })).toBe('http://127.0.0.1:6666');
  });

  it('nothing when told to ignore configured endpoints', () => {
    expect(endpointFor('STS', 'ignoring', config, aws.env)).toBeUndefined();
    expect(endpointFor('STS', 'with-url', config, { ...aws.env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'http://x' })).toBeUndefined();
  });
});

describe('source chains follow the SDK', () => {
  it('a profile may name itself once to use its own keys', () => {
    const chain = followSourceChain('self', config.profiles);
    expect(chain.problem).toBeUndefined();
    expect(chain.links).toEqual([
      { profile: 'self', kind: 'assumeRole', roleArn: 'arn:aws:iam::111111111111:role/r' },
      { profile: 'self', kind: 'static' },
    ]);
  });

  it('naming itself without keys is a loop', () => {
    expect(followSourceChain('self-loop', config.profiles).problem).toEqual({ kind: 'cycle', profiles: ['self-loop', 'self-loop'] });
  });

  it('a source with keys ends the chain even if it has a role_arn', () => {
    expect(followSourceChain('uses-keys-and-role', config.profiles).links.map((link) => `${link.profile}:${link.kind}`)).toEqual(['uses-keys-and-role:assumeRole', 'keys-and-role:static']);
  });

  it('a source with only credential_source hands over those credentials; an unknown source is a problem', () => {
    expect(followSourceChain('via-ec2-source', config.profiles).links.at(-1)).toEqual({ profile: 'ec2-source', kind: 'instanceRole', credentialSource: 'Ec2InstanceMetadata' });
    expect(followSourceChain('odd-source', config.profiles).problem).toEqual({ kind: 'unsupportedCredentialSource', profile: 'odd-source', credentialSource: 'Laptop' });
  });
});
