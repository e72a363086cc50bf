import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIicsEmulator } from '../../../electron/core/sandbox/iics/start-iics-emulator';
import type { IicsEmulator } from '../../../electron/core/sandbox/iics/start-iics-emulator';
import {
  DEFAULT_IICS_IDS,
  DEFAULT_IICS_PASSWORD,
  DEFAULT_IICS_USERNAME,
  defaultIicsWorldInput,
} from '../../../electron/core/sandbox/iics/default-world';
import { NO_AWS, call, loginV2, v2 } from './iics-http';

interface Attribute {
  name: string;
  label: string;
  isMandatory: boolean;
  list: string[];
  value: string;
}

describe('IICS emulator resources', () => {
  let emulator: IicsEmulator;
  let api: string;
  let headers: Record<string, string>;
  /** connParams key by documented UI label, discovered from connector/metadata as a client must. */
  let key: (label: string) => string;

  beforeAll(async () => {
    emulator = await startIicsEmulator({
      world: defaultIicsWorldInput({ activeAgentHost: 'ip-10-0-1-23.ec2.internal', inactiveAgentHost: 'ip-10-0-1-42.ec2.internal' }),
      aws: NO_AWS,
    });
    const login = await loginV2(emulator.loginUrl, DEFAULT_IICS_USERNAME, DEFAULT_IICS_PASSWORD);
    api = `${login.serverUrl}/api/v2`;
    headers = v2(login.sessionId);
    const metadata = await call('GET', `${api}/connector/metadata?connectorName=${encodeURIComponent('Amazon S3 v2')}`, { headers });
    const attributes = (metadata.body as { attributes: Attribute[] }).attributes;
    key = (label) => {
      const found = attributes.find((a) => a.label === label);
      if (found === undefined) throw new Error(`no attribute labelled ${label}`);
      return found.name;
    };
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('lists runtime environments with their agents: an EC2 group, a group whose agent is down, a serverless one', async () => {
    const list = await call('GET', `${api}/runtimeEnvironment`, { headers });
    expect(list.status).toBe(200);
    const environments = list.body as Array<Record<string, unknown>>;
    expect(environments.map((e) => e.name)).toEqual(['aws-ec2-agents', 'aws-ec2-agents-down', 'serverless-aws']);
    expect(environments[0]).toMatchObject({
      '@type': 'runtimeEnvironment',
      id: DEFAULT_IICS_IDS.activeGroup,
      agents: [{ '@type': 'agent', id: DEFAULT_IICS_IDS.activeAgent, active: true, readyToRun: true, agentHost: 'ip-10-0-1-23.ec2.internal', agentGroupId: DEFAULT_IICS_IDS.activeGroup }],
      serverlessConfig: { cloudProviderConfig: { cloudConfig: [] } },
    });
    expect(environments[1]).toMatchObject({ agents: [{ active: false, agentHost: 'ip-10-0-1-42.ec2.internal' }] });
    expect(environments[2]).toMatchObject({ agents: [], serverlessConfig: { platform: 'AWS', cloudProviderConfig: { cloudConfig: [{ name: 'region', value: 'us-east-1' }] } } });

    const byId = await call('GET', `${api}/runtimeEnvironment/${DEFAULT_IICS_IDS.inactiveGroup}`, { headers });
    expect(byId.body).toMatchObject({ name: 'aws-ec2-agents-down' });
    const byName = await call('GET', `${api}/runtimeEnvironment/name/serverless-aws`, { headers });
    expect(byName.body).toMatchObject({ id: DEFAULT_IICS_IDS.serverless });
    const missing = await call('GET', `${api}/runtimeEnvironment/0100032500000000FFFF`, { headers });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ '@type': 'error', statusCode: 404 });
  });

  it('serves agents, by id and name, and agent details with the engine status', async () => {
    const agents = (await call('GET', `${api}/agent`, { headers })).body as Array<Record<string, unknown>>;
    expect(agents.map((a) => [a.name, a.active])).toEqual([
      ['ec2-agent-1', true],
      ['ec2-agent-2', false],
    ]);
    expect(agents[0]).not.toHaveProperty('agentConfigs');
    expect((await call('GET', `${api}/agent/${DEFAULT_IICS_IDS.inactiveAgent}`, { headers })).body).toMatchObject({ name: 'ec2-agent-2', agentHost: 'ip-10-0-1-42.ec2.internal' });
    expect((await call('GET', `${api}/agent/name/ec2-agent-1`, { headers })).body).toMatchObject({ id: DEFAULT_IICS_IDS.activeAgent });
    const details = await call('GET', `${api}/agent/details/${DEFAULT_IICS_IDS.inactiveAgent}`, { headers });
    expect(details.body).toMatchObject({ active: false, agentEngines: [{ agentEngineStatus: { appname: 'Data_Integration_Server', status: 'STOPPED' } }] });
    const running = await call('GET', `${api}/agent/details/${DEFAULT_IICS_IDS.activeAgent}`, { headers });
    expect(running.body).toMatchObject({ agentEngines: [{ agentEngineStatus: { status: 'RUNNING' } }] });
    expect((await call('GET', `${api}/agent/?includeUnassignedOnly=true`, { headers })).body).toEqual([]);
    expect((await call('GET', `${api}/agent/details/nope123`, { headers })).status).toBe(404);
  });

  it('lists the Amazon S3 v2 connector and its metadata with the documented UI labels', async () => {
    const connectors = await call('GET', `${api}/connector`, { headers });
    expect(connectors.body).toEqual([expect.objectContaining({ name: 'Amazon S3 v2', type: 'TOOLKIT_CCI' })]);
    const metadata = await call('GET', `${api}/connector/metadata?connectorName=Amazon%20S3%20v2`, { headers });
    const attributes = (metadata.body as { attributes: Attribute[] }).attributes;
    const labels = attributes.map((a) => a.label);
    for (const label of [
      'Access Key',
      'Secret Key',
      'IAM Role ARN',
      'External Id',
      'Use EC2 Role to Assume Role',
      'Folder Path',
      'Region Name',
      'Master Symmetric Key',
      'Customer Master Key ID',
      'Federated SSO IdP',
      'S3 VPC Endpoint Type',
    ]) {
      expect(labels).toContain(label);
    }
    const region = attributes.find((a) => a.label === 'Region Name')!;
    expect(region.list).toContain('EU(Frankfurt)');
    expect(region.isMandatory).toBe(true);
    expect(attributes.find((a) => a.label === 'Folder Path')!.isMandatory).toBe(true);
    // Names are not the labels: a client has to map through the metadata.
    expect(key('IAM Role ARN')).not.toBe('IAM Role ARN');

    expect((await call('GET', `${api}/connector/metadata?connectorName=Oracle`, { headers })).status).toBe(404);
    expect((await call('GET', `${api}/connector/metadata`, { headers })).status).toBe(400);
  });

  function s3Connection(name: string, params: Record<string, string>): Record<string, unknown> {
    return {
      '@type': 'connection',
      name,
      description: 'created by a test',
      type: 'TOOLKIT_CCI',
      instanceName: 'Amazon S3 v2',
      runtimeEnvironmentId: DEFAULT_IICS_IDS.activeGroup,
      connParams: Object.fromEntries(Object.entries(params).map(([label, value]) => [key(label), value])),
    };
  }

  it('creates, reads (by id, name and in the list), updates fully and partially, and deletes a connection, masking secrets', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const created = await call('POST', `${api}/connection`, {
      headers,
      body: s3Connection('S3 Landing', { 'Folder Path': 'landing-bucket/in', 'Region Name': 'EU(Frankfurt)', 'Access Key': 'AKIAEXAMPLE', 'Secret Key': secret }),
    });
    expect(created.status).toBe(200);
    const connection = created.body as { id: string; connParams: Record<string, string> };
    expect(connection).toMatchObject({ '@type': 'connection', name: 'S3 Landing', runtimeEnvironmentId: DEFAULT_IICS_IDS.activeGroup, type: 'TOOLKIT_CCI' });
    expect(connection.id).toMatch(/^[0-9A-Z]{20}$/);
    expect(connection.connParams[key('Secret Key')]).toBe('********');
    expect(connection.connParams[key('Access Key')]).toBe('********');
    expect(connection.connParams[key('Use EC2 Role to Assume Role')]).toBe('false');
    expect(connection.connParams.agentGroupId).toBe(DEFAULT_IICS_IDS.activeGroup);

    const byId = await call('GET', `${api}/connection/${connection.id}`, { headers });
    const byName = await call('GET', `${api}/connection/name/S3%20Landing`, { headers });
    const list = await call('GET', `${api}/connection`, { headers });
    expect(byName.body).toEqual(byId.body);
    expect((list.body as unknown[]).length).toBe(1);
    for (const answer of [created, byId, byName, list]) expect(answer.text).not.toContain(secret);

    const partial = await call('POST', `${api}/connection/${connection.id}`, {
      headers: { ...headers, 'Update-Mode': 'PARTIAL' },
      body: { '@type': 'connection', connParams: { [key('Folder Path')]: 'landing-bucket/archive' } },
    });
    expect(partial.status).toBe(200);
    const afterPartial = partial.body as { name: string; connParams: Record<string, string> };
    expect(afterPartial.name).toBe('S3 Landing');
    expect(afterPartial.connParams[key('Folder Path')]).toBe('landing-bucket/archive');
    expect(afterPartial.connParams[key('Region Name')]).toBe('EU(Frankfurt)');
    expect(afterPartial.connParams[key('Secret Key')]).toBe('********');

    const full = await call('POST', `${api}/connection/${connection.id}`, {
      headers,
      body: s3Connection('S3 Landing keyless', { 'Folder Path': 'landing-bucket/in', 'Region Name': 'US East(N. Virginia)' }),
    });
    expect(full.status).toBe(200);
    const afterFull = full.body as { name: string; connParams: Record<string, string> };
    expect(afterFull.name).toBe('S3 Landing keyless');
    // A full update replaces the object: the keys it did not send are gone.
    expect(afterFull.connParams[key('Secret Key')]).toBe('');
    expect(afterFull.connParams[key('Access Key')]).toBe('');
    expect((await call('GET', `${api}/connection/name/S3%20Landing`, { headers })).status).toBe(404);

    // GET → change → POST back (the round trip clients do) is accepted with every field IICS added.
    const fetched = (await call('GET', `${api}/connection/${connection.id}`, { headers })).body as Record<string, unknown>;
    const roundTrip = await call('POST', `${api}/connection/${connection.id}`, { headers, body: { ...fetched, description: 'edited' } });
    expect(roundTrip.status, roundTrip.text).toBe(200);
    expect(roundTrip.body).toMatchObject({ description: 'edited', name: 'S3 Landing keyless', createTime: fetched.createTime });
    const otherId = await call('POST', `${api}/connection/${connection.id}`, { headers, body: { ...fetched, id: '010003OB000000009999' } });
    expect(otherId.status).toBe(400);

    const deleted = await call('DELETE', `${api}/connection/${connection.id}`, { headers });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toBeUndefined();
    expect((await call('GET', `${api}/connection/${connection.id}`, { headers })).status).toBe(404);
    expect((await call('DELETE', `${api}/connection/${connection.id}`, { headers })).status).toBe(404);
  });

  it('refuses invalid connections with the v2 error object, naming the problem, and changes nothing', async () => {
    const good = { 'Folder Path': 'bucket/folder', 'Region Name': 'US East(N. Virginia)' };
    const existing = await call('POST', `${api}/connection`, { headers, body: s3Connection('Existing', good) });
    const id = (existing.body as { id: string }).id;
    const before = (await call('GET', `${api}/connection`, { headers })).text;

    const cases: Array<[unknown, RegExp]> = [
      [{ ...s3Connection('', good) }, /needs a "name"/],
      [s3Connection('Existing', good), /already exists/],
      [{ ...s3Connection('Other', good), runtimeEnvironmentId: 'nope00' }, /runtime environment nope00 does not exist/],
      [{ ...s3Connection('Other', good), type: 'Oracle' }, /connection type "Oracle"/],
      [{ ...s3Connection('Other', good), instanceName: 'Snowflake' }, /connector "Snowflake" is not available/],
      [{ ...s3Connection('Other', good), connParams: { 'IAM Role ARN': 'arn:aws:iam::1:role/x', [key('Folder Path')]: 'b', [key('Region Name')]: 'EU(Frankfurt)' } }, /label .* use "IAMRoleARN"/],
      [{ ...s3Connection('Other', good), connParams: { Bogus: 'x' } }, /"Bogus" is not a parameter/],
      [s3Connection('Other', { 'Region Name': 'US East(N. Virginia)' }), /"Folder Path" .* is required/],
      [s3Connection('Other', { ...good, 'Region Name': 'us-east-1' }), /"us-east-1" is not a value of "Region Name"/],
      [s3Connection('Other', { ...good, 'Use EC2 Role to Assume Role': 'yes' }), /must be "true" or "false"/],
      [{ ...s3Connection('Other', good), surprise: 1 }, /field "surprise" is not known/],
    ];
    for (const [body, message] of cases) {
      const answer = await call('POST', `${api}/connection`, { headers, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body).toMatchObject({ '@type': 'error', statusCode: 400, code: 'CONNECTION_INVALID' });
      expect((answer.body as { description: string }).description).toMatch(message);
    }
    const partialWithoutType = await call('POST', `${api}/connection/${id}`, {
      headers: { ...headers, 'Update-Mode': 'PARTIAL' },
      body: { connParams: { [key('Folder Path')]: 'elsewhere' } },
    });
    expect(partialWithoutType.status).toBe(400);
    expect((partialWithoutType.body as { description: string }).description).toMatch(/@type/);
    const partialBad = await call('POST', `${api}/connection/${id}`, {
      headers: { ...headers, 'Update-Mode': 'PARTIAL' },
      body: { '@type': 'connection', connParams: { [key('Region Name')]: 'Mars' } },
    });
    expect(partialBad.status).toBe(400);
    const notJson = await fetch(`${api}/connection`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"name":' });
    expect(notJson.status).toBe(400);
    expect((await call('GET', `${api}/connection`, { headers })).text).toBe(before);
    await call('DELETE', `${api}/connection/${id}`, { headers });
  });
});
