/**
 * The IICS services the app and the CLI call (DESIGN §6): login and logout, the session-bound
 * client, runtime environments and agents, and the Amazon S3 v2 connection. What they assume
 * about IICS beyond its documentation is in ./iics-assumptions.
 */
export { loginIics, logoutIics, resolveLoginUrl } from './login';
export type { IicsDeps, IicsLoginOptions, LogoutResult } from './login';
export { loginUrlForPod, POD_NAMES } from './login-hosts';
export { IicsClient } from './iics-client';
export type { IicsClientDeps } from './iics-client';
export { storedSessions } from './iics-session';
export type { IicsApiVersion, IicsSession } from './iics-session';
export { agentServices, findRuntimeEnvironment, listRuntimeEnvironments, requireIamCapable } from './runtime-environments';
export type { AgentService, RuntimeEnvironment, RuntimeEnvironmentKind, RuntimeEnvironmentStatus, SecureAgent } from './runtime-environments';
export { agentHostCandidates, hostsAgent } from './agent-host';
export type { AgentHostCandidates, Ec2InstanceAddress } from './agent-host';
export { discoverS3v2Connector } from './s3v2-connector';
export type { S3v2Connector } from './s3v2-connector';
export { applyS3v2Connection, findConnectionByName } from './apply-s3v2-connection';
export type { AppliedConnection, ConnectionAction } from './apply-s3v2-connection';
export type { ConnectionChange } from './s3v2-connection-diff';
export { checkConnectionInput } from './s3v2-connection-request';
export type { S3v2ConnectionInput } from './s3v2-connection-request';
export { testConnectionById, testConnectionByName } from './test-s3v2-connection';
export type { ConnectionTestResult } from './test-s3v2-connection';
