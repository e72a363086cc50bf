export { buildPermissionsPolicy, PERMISSIONS_SIDS, type PermissionsPolicyOptions } from './permissions-policy';
export { buildTrustPolicy, ec2ServicePrincipal, TRUST_SIDS, type TrustedEntity, type TrustPolicyOptions } from './trust-policy';
export { buildAssumeRolePolicy, ASSUME_SID, type AssumeRolePolicyOptions } from './assume-role-policy';
export { literalForPolicy } from './policy-literal';
