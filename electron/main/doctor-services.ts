import type { z } from 'zod';
import { clientsForAccounts } from '../core/engine/profile-clients';
import { readIicsConnection } from '../core/engine/doctor/iics-connection-reader';
import { runDoctor } from '../core/engine/doctor/run-doctor';
import type { DoctorInput } from '../core/engine/doctor/run-doctor';
import type { Vault } from '../core/vault/vault';
import { inputError } from '../../shared/errors';
import type { DoctorRequest } from '../../shared/ipc/doctor-contract';
import { validateRoleArn } from '../../shared/validation/arns';
import { validateBucketName } from '../../shared/validation/bucket-name';
import { validateExternalId } from '../../shared/validation/external-id';
import { validateFolderPath } from '../../shared/validation/folder-path';
import { validateInstanceId } from '../../shared/validation/instance-id';
import { requireValid } from '../../shared/validation/require-valid';
import type { ServiceTable } from './ipc-router';

/**
 * `engine.doctor`: the "Check an existing setup" screen over the same core as `keyless doctor`
 * (electron/cli/commands/doctor.ts) — clients from the chosen profile(s), the IICS connection read
 * with a password used once, then the read-only walk of the chain. Bad input is refused before
 * any AWS or IICS call, with the screen's field names in the message.
 */
export interface DoctorServiceDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The process's one vault, opened on first use (its credential cache serves SSO and role profiles). */
  readonly vault: () => Promise<Vault>;
}

type Request = z.output<typeof DoctorRequest>;

function refuse(message: string, nextStep: string): never {
  throw inputError('INVALID_DOCTOR_INPUT', message, nextStep);
}

/** The setup chosen on the screen must agree with the fields given for it. */
function checkSetup(request: Request): void {
  const fromConnection = request.iics !== undefined;
  if (request.instanceId === undefined && !fromConnection) {
    refuse('Tell the check where to start: no EC2 instance id and no IICS connection were given.', 'Enter the Secure Agent\'s instance id, or open "Start from an IICS connection" and name the connection.');
  }
  if (request.setup === 'a' && (request.connectorRoleArn !== undefined || request.bucketProfile !== undefined)) {
    refuse('Setup A (instance role) has no connector role and no second account.', 'Clear "IAM Role ARN" and the bucket account\'s profile, or choose setup B or C.');
  }
  if ((request.setup === 'b' || request.setup === 'c') && request.connectorRoleArn === undefined && !fromConnection) {
    refuse(`Setup ${request.setup.toUpperCase()} needs the connection's "IAM Role ARN": the role the agent assumes.`, 'Enter the IAM Role ARN (and External Id, if the connection has one), or start from the IICS connection.');
  }
  if (request.setup === 'c' && request.bucketProfile === undefined) {
    refuse('Setup C (cross-account) needs a profile of the bucket\'s account to read the connector role.', 'Choose the bucket account\'s AWS profile.');
  }
  if (request.externalId !== undefined && request.connectorRoleArn === undefined && !fromConnection) {
    refuse('An External Id goes with an IAM Role ARN.', 'Enter the IAM Role ARN of the role the agent assumes, or clear the External Id.');
  }
  if (request.folder !== undefined && request.bucket === undefined) {
    refuse(`The folder "${request.folder}" was given without its bucket.`, 'Enter the bucket name, or clear the folder.');
  }
}

/** The checked fields of the request; region and connection come from the profile and IICS. */
function checkedFields(request: Request): Omit<DoctorInput, 'region' | 'connection'> {
  const instanceId = request.instanceId === undefined ? undefined : requireValid(validateInstanceId(request.instanceId));
  const bucket = request.bucket === undefined ? undefined : requireValid(validateBucketName(request.bucket));
  const folder = request.folder === undefined ? undefined : requireValid(validateFolderPath(request.folder));
  const roleArn = request.connectorRoleArn === undefined ? undefined : requireValid(validateRoleArn(request.connectorRoleArn)).arn;
  const externalId = request.externalId === undefined ? undefined : requireValid(validateExternalId(request.externalId));
  return {
    ...(instanceId === undefined ? {} : { instanceId }),
    ...(bucket === undefined ? {} : { bucket }),
    ...(folder === undefined ? {} : { folder }),
    access: request.access ?? 'read',
    advancedMode: request.advancedMode ?? false,
    ...(roleArn === undefined ? {} : { assumeRole: { roleArn, ...(externalId === undefined ? {} : { externalId }) } }),
    ...(request.agentInContainer === undefined ? {} : { agentInContainer: request.agentInContainer }),
  };
}

/** The password is sent to IICS over TLS only; plain http is for a login host on this machine (the sandbox). */
function checkLoginUrl(loginUrl: string): void {
  const url = new URL(loginUrl);
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !loopback) {
    throw inputError('INVALID_IICS_LOGIN_URL', `The IICS login host ${url.origin} is not https: the password would travel in clear text.`, 'Use your POD\'s https login URL, e.g. https://dm-us.informaticacloud.com.');
  }
}

export function createDoctorServices(deps: DoctorServiceDeps): Pick<ServiceTable, 'engine.doctor'> {
  return {
    'engine.doctor': async (request) => {
      checkSetup(request);
      if (request.iics !== undefined) checkLoginUrl(request.iics.loginUrl);
      const fields = checkedFields(request);
      const { iics } = request;
      const connection = iics === undefined ? undefined : await readIicsConnection({ loginUrl: iics.loginUrl, username: iics.username, password: iics.password }, iics.connectionName);
      const accounts = await clientsForAccounts({ profile: request.profile, bucketProfile: request.bucketProfile }, { env: deps.env, vault: await deps.vault() }, request.region === undefined ? {} : { region: request.region });
      try {
        const { agent, bucket } = accounts;
        return await runDoctor({ ...fields, region: agent.region, ...(connection === undefined ? {} : { connection }) }, { agent: agent.clients, ...(bucket === undefined ? {} : { bucket: bucket.clients }) });
      } finally {
        accounts.destroy();
      }
    },
  };
}
