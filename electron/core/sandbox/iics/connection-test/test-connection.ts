import type { StoredConnection } from '../connection-store';
import { S3V2_PARAM } from '../s3v2-connector-fixture';
import type { IicsAgent, IicsSecureAgentGroup, IicsWorld, S3AccessLevel } from '../world';
import { assumeConnectorRole } from './assume-role-check';
import type { AwsStateReader } from './aws-state-reader';
import type { ConnectionTestOutcome } from './link-failure';
import { LinkFailure } from './link-failure';
import type { RolePolicies } from './policy-evaluation';
import { rolePolicies } from './policy-evaluation';
import { checkS3Access, parseFolderPath } from './s3-access-check';

/**
 * `connection/test/<id>` for an Amazon S3 v2 connection with IAM authentication: it walks what
 * the Secure Agent would rely on in AWS, and the first broken link fails the test with its name.
 */

interface AuthSettings {
  readonly useEc2RoleToAssumeRole: boolean;
  readonly iamRoleArn: string;
  readonly externalId: string;
}

function authSettings(connection: StoredConnection): AuthSettings {
  const p = connection.connParams;
  const param = (name: string): string => (p[name] ?? '').trim();
  const federated = param(S3V2_PARAM.federatedSsoIdp);
  if (param(S3V2_PARAM.accessKey) !== '' || param(S3V2_PARAM.secretKey) !== '') {
    throw new LinkFailure(
      'AUTHENTICATION_NOT_EMULATED',
      `Connection "${connection.name}" carries an Access Key or Secret Key: the sandbox tests IAM-role authentication only. Clear both keys to use the agent's EC2 role.`,
    );
  }
  if (federated !== '' && federated !== 'None') {
    throw new LinkFailure('AUTHENTICATION_NOT_EMULATED', `Connection "${connection.name}" uses federated SSO, which the sandbox does not emulate.`);
  }
  const settings = {
    useEc2RoleToAssumeRole: param(S3V2_PARAM.useEc2RoleToAssumeRole) === 'true',
    iamRoleArn: param(S3V2_PARAM.iamRoleArn),
    externalId: param(S3V2_PARAM.externalId),
  };
  if (settings.useEc2RoleToAssumeRole && settings.iamRoleArn === '') {
    throw new LinkFailure('IAM_ROLE_ARN_UNUSED', '"Use EC2 Role to Assume Role" is set, but "IAM Role ARN" is empty: enter the ARN of the role to assume.');
  }
  if (!settings.useEc2RoleToAssumeRole && settings.iamRoleArn !== '') {
    throw new LinkFailure(
      'IAM_ROLE_ARN_UNUSED',
      `"IAM Role ARN" is set to ${settings.iamRoleArn} without access keys or "Use EC2 Role to Assume Role": select "Use EC2 Role to Assume Role" to assume it with the agent's EC2 role.`,
    );
  }
  return settings;
}

function activeAgent(group: IicsSecureAgentGroup): IicsAgent {
  if (group.agents.length === 0) {
    throw new LinkFailure('AGENT_MISSING', `Runtime environment "${group.name}" has no Secure Agent: install one on the EC2 instance.`);
  }
  const agent = group.agents.find((a) => a.active);
  if (agent === undefined) {
    const names = group.agents.map((a) => `"${a.name}" (${a.agentHost})`).join(', ');
    throw new LinkFailure(
      'AGENT_INACTIVE',
      `No Secure Agent of runtime environment "${group.name}" is active: agent ${names} is inactive. Start the Secure Agent service on its machine.`,
    );
  }
  return agent;
}

export class ConnectionTester {
  constructor(
    private readonly world: IicsWorld,
    private readonly reader: AwsStateReader,
    private readonly endpoint: string,
  ) {}

  accessFor(connection: StoredConnection): S3AccessLevel {
    const tests = this.world.connectionTests;
    return tests.accessByConnectionName[connection.name] ?? tests.defaultAccess;
  }

  async test(connection: StoredConnection): Promise<ConnectionTestOutcome> {
    const progress = { step: 'starting' };
    try {
      return { ok: true, description: await this.walk(connection, progress) };
    } catch (error) {
      if (error instanceof LinkFailure) return { ok: false, status: error.status, code: error.link, message: error.message };
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return {
        ok: false,
        status: 502,
        code: 'AWS_UNREACHABLE',
        message: `The sandbox could not read AWS at ${this.endpoint} while ${progress.step}: ${detail}`,
      };
    }
  }

  private async walk(connection: StoredConnection, progress: { step: string }): Promise<string> {
    const environment = this.world.runtimeEnvironments.find((e) => e.id === connection.runtimeEnvironmentId);
    if (environment === undefined) {
      throw new LinkFailure('RUNTIME_ENVIRONMENT_MISSING', `The runtime environment ${connection.runtimeEnvironmentId} of connection "${connection.name}" no longer exists.`);
    }
    const auth = authSettings(connection);
    if (environment.kind === 'serverless') {
      throw new LinkFailure(
        'SERVERLESS_IAM_UNSUPPORTED',
        `Runtime environment "${environment.name}" is serverless: IAM authentication${auth.useEc2RoleToAssumeRole ? ' and "Use EC2 Role to Assume Role"' : ''} need a Secure Agent on an EC2 instance. Choose a Secure Agent group that runs on EC2.`,
      );
    }
    const location = parseFolderPath(connection.connParams[S3V2_PARAM.folderPath] ?? '');
    const agent = activeAgent(environment);
    const agentLabel = `agent "${agent.name}"`;

    progress.step = `looking for the EC2 instance of ${agentLabel}`;
    const instance = await this.reader.findInstanceByHost(agent.agentHost);
    if (instance === undefined) {
      throw new LinkFailure(
        'EC2_INSTANCE_NOT_FOUND',
        `No EC2 instance has the private DNS name or IP "${agent.agentHost}" of ${agentLabel}: the agent does not run on EC2 in this account and region.`,
      );
    }
    if (instance.state !== 'running') {
      throw new LinkFailure('EC2_INSTANCE_NOT_RUNNING', `The EC2 instance ${instance.instanceId} hosting ${agentLabel} is ${instance.state}.`);
    }

    progress.step = `reading the instance profile of ${instance.instanceId}`;
    const profileArn = await this.reader.associatedInstanceProfileArn(instance.instanceId);
    if (profileArn === undefined) {
      throw new LinkFailure('INSTANCE_PROFILE_MISSING', `The EC2 instance ${instance.instanceId} hosting ${agentLabel} has no IAM instance profile.`);
    }
    const profileName = profileArn.slice(profileArn.lastIndexOf('/') + 1);
    const profile = await this.reader.instanceProfile(profileName);
    if (profile === undefined) {
      throw new LinkFailure(
        'INSTANCE_PROFILE_NOT_FOUND',
        `The instance profile ${profileArn} associated with EC2 instance ${instance.instanceId} (${agentLabel}) does not exist.`,
      );
    }
    const profileRole = profile.roles[0];
    if (profileRole === undefined) {
      throw new LinkFailure('INSTANCE_PROFILE_WITHOUT_ROLE', `The instance profile ${profile.arn} of EC2 instance ${instance.instanceId} (${agentLabel}) has no IAM role.`);
    }

    progress.step = `reading role ${profileRole.arn}`;
    const instanceRoleState = await this.reader.role(await this.reader.agentAccount(), profileRole.name);
    if (instanceRoleState === undefined) {
      throw new LinkFailure('ROLE_NOT_FOUND', `The role ${profileRole.arn} in instance profile ${profile.name} does not exist.`);
    }
    const instanceRole = rolePolicies(instanceRoleState);

    let actingRole: RolePolicies = instanceRole;
    let sessionName = instance.instanceId;
    if (auth.useEc2RoleToAssumeRole) {
      progress.step = `checking AssumeRole to ${auth.iamRoleArn}`;
      actingRole = await assumeConnectorRole({
        reader: this.reader,
        instanceRole,
        instanceId: instance.instanceId,
        targetRoleArn: auth.iamRoleArn,
        externalId: auth.externalId,
      });
      sessionName = `informatica-${instance.instanceId}`;
    }

    progress.step = `checking bucket ${location.bucket}`;
    const access = this.accessFor(connection);
    const granted = await checkS3Access({
      reader: this.reader,
      actingRole,
      sessionName,
      location,
      regionName: connection.connParams[S3V2_PARAM.regionName] ?? '',
      access,
    });
    const via = auth.useEc2RoleToAssumeRole ? `role ${instanceRole.role.arn}, assuming ${actingRole.role.arn}` : `role ${instanceRole.role.arn}`;
    return (
      `The test for connection "${connection.name}" was successful: ${agentLabel} on ${instance.instanceId} uses ${via}, ` +
      `which may ${granted.join(', ')} in s3://${location.bucket}/${location.folder === '' ? '' : `${location.folder}/`} (${access}).`
    );
  }
}
