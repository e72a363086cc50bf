import { z } from 'zod';
import { Identity, ProfileListing, SsoAccountRoles, SsoAccounts, SsoAccountTarget, SsoLoginStarted, SsoTarget, VaultStatus, WhoamiRequest } from './accounts-contract';
import { DoctorReport, DoctorRequest } from './doctor-contract';
import { AppliedConnectionInfo, ApplyConnectionRequest, ConnectionTestInfo, IicsEnvironments, IicsLoginRequest, IicsLogoutResult, IicsSessionInfo, IicsStatus, TestConnectionRequest } from './iics-contract';
import { ApplyResult, InstanceListing, InstancesRequest, PlanReview, RollbackResult, RunListing, RunRequest } from './engine-contract';
import { ProvisionInput } from '../plan/provision-input';

/**
 * The one list of every operation the renderer may ask of main (model: GitHub Desktop's
 * ipc-shared). The router validates requests with these schemas, the preload builds its API
 * from the same keys, and no channel string is written anywhere else.
 *
 * Later issues add operations here; an operation name is `namespace.verb`.
 */

const NoRequest = z.object({}).strict();

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['linux', 'darwin', 'win32', 'other']),
  arch: z.string(),
  keychain: z.discriminatedUnion('available', [
    z.object({ available: z.literal(true), backend: z.string() }),
    z.object({ available: z.literal(false), reason: z.string() }),
  ]),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const ExternalLinkRequest = z.object({ url: z.string().max(2048) }).strict();

/** Files of one export (Terraform, CloudFormation, ...), built in the renderer from the shared model. */
export const SaveExportRequest = z
  .object({
    format: z.enum(['json', 'terraform', 'cloudformation', 'aws-cli']),
    suggestedFolderName: z.string().min(1).max(100),
    files: z
      .array(z.object({ name: z.string().min(1).max(200), content: z.string().max(1_000_000) }).strict())
      .min(1)
      .max(50),
  })
  .strict();
export const SaveExportResponse = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), folder: z.string(), files: z.array(z.string()) }),
  z.object({ saved: z.literal(false) }),
]);
export type SaveExportResponse = z.infer<typeof SaveExportResponse>;

export const contract = {
  'app.info': { request: NoRequest, response: AppInfo },
  'app.openExternal': { request: ExternalLinkRequest, response: z.object({ opened: z.literal(true) }) },
  'export.save': { request: SaveExportRequest, response: SaveExportResponse },
  'vault.status': { request: NoRequest, response: VaultStatus },
  'aws.listProfiles': { request: NoRequest, response: ProfileListing },
  'aws.whoami': { request: WhoamiRequest, response: Identity },
  'aws.ssoLogin': { request: SsoTarget, response: SsoLoginStarted },
  'aws.ssoCancel': { request: z.object({ taskId: z.string().max(64) }).strict(), response: z.object({ cancelled: z.boolean() }) },
  'aws.ssoAccounts': { request: SsoTarget, response: SsoAccounts },
  'aws.ssoAccountRoles': { request: SsoAccountTarget, response: SsoAccountRoles },
  'engine.doctor': { request: DoctorRequest, response: DoctorReport },
  'aws.listInstances': { request: InstancesRequest, response: InstanceListing },
  'engine.plan': { request: ProvisionInput, response: PlanReview },
  'engine.apply': { request: RunRequest, response: ApplyResult },
  'engine.runs': { request: NoRequest, response: RunListing },
  'engine.rollback': { request: RunRequest, response: RollbackResult },
  'iics.login': { request: IicsLoginRequest, response: IicsSessionInfo },
  'iics.status': { request: NoRequest, response: IicsStatus },
  'iics.environments': { request: NoRequest, response: IicsEnvironments },
  'iics.applyConnection': { request: ApplyConnectionRequest, response: AppliedConnectionInfo },
  'iics.testConnection': { request: TestConnectionRequest, response: ConnectionTestInfo },
  'iics.logout': { request: NoRequest, response: IicsLogoutResult },
} as const satisfies Record<`${string}.${string}`, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type RequestOf<Op extends OperationName> = z.input<Contract[Op]['request']>;
export type ResponseOf<Op extends OperationName> = z.infer<Contract[Op]['response']>;

export const operationNames = Object.keys(contract) as OperationName[];

export function isOperationName(value: unknown): value is OperationName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
