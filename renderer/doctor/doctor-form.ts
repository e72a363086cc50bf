import type { DoctorRequest } from '../../shared/ipc/doctor-contract';

/**
 * What the "Check an existing setup" form holds: text as typed, so the fields stay controlled.
 * The IICS password is not here — it lives in its input only until Run sends it.
 */
export interface DoctorForm {
  readonly profile: string;
  readonly region: string;
  readonly instanceId: string;
  readonly bucket: string;
  readonly folder: string;
  readonly access: 'read' | 'write';
  readonly advancedMode: boolean;
  readonly setup: 'a' | 'b' | 'c';
  readonly bucketProfile: string;
  readonly connectorRoleArn: string;
  readonly externalId: string;
  readonly agentPlacement: 'unknown' | 'host' | 'container';
  readonly fromConnection: boolean;
  readonly iicsLoginUrl: string;
  readonly iicsUsername: string;
  readonly connectionName: string;
}

export const EMPTY_DOCTOR_FORM: DoctorForm = {
  profile: '',
  region: '',
  instanceId: '',
  bucket: '',
  folder: '',
  access: 'read',
  advancedMode: false,
  setup: 'a',
  bucketProfile: '',
  connectorRoleArn: '',
  externalId: '',
  agentPlacement: 'unknown',
  fromConnection: false,
  iicsLoginUrl: '',
  iicsUsername: '',
  connectionName: '',
};

const given = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/**
 * The `engine.doctor` request, built field by field: the contract is strict, and only what the
 * chosen setup uses is sent (a connector role typed for setup B and then left behind for A is not).
 * The connection's own "IAM Role ARN" and "External Id" win when starting from IICS, so the typed
 * ones are not sent then.
 */
export function doctorRequest(form: DoctorForm, password: string): DoctorRequest {
  const region = given(form.region);
  const instanceId = given(form.instanceId);
  const bucket = given(form.bucket);
  const folder = given(form.folder);
  const assumes = form.setup !== 'a' && !form.fromConnection;
  const connectorRoleArn = assumes ? given(form.connectorRoleArn) : undefined;
  const externalId = assumes ? given(form.externalId) : undefined;
  const bucketProfile = form.setup === 'c' ? given(form.bucketProfile) : undefined;
  return {
    profile: form.profile,
    ...(region === undefined ? {} : { region }),
    ...(instanceId === undefined ? {} : { instanceId }),
    ...(bucket === undefined ? {} : { bucket }),
    ...(folder === undefined ? {} : { folder }),
    access: form.access,
    advancedMode: form.advancedMode,
    setup: form.setup,
    ...(bucketProfile === undefined ? {} : { bucketProfile }),
    ...(connectorRoleArn === undefined ? {} : { connectorRoleArn }),
    ...(externalId === undefined ? {} : { externalId }),
    ...(form.agentPlacement === 'unknown' ? {} : { agentInContainer: form.agentPlacement === 'container' }),
    ...(form.fromConnection
      ? { iics: { loginUrl: form.iicsLoginUrl.trim(), username: form.iicsUsername.trim(), password, connectionName: form.connectionName.trim() } }
      : {}),
  };
}
