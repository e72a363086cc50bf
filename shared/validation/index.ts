export { findBucketNameViolation, validateBucketName, type BucketNameRule, type BucketNameViolation } from './bucket-name';
export { validateFolderPath, utf8ByteLength, S3_KEY_MAX_BYTES } from './folder-path';
export { validateAccountId } from './account-id';
export { validateExternalId } from './external-id';
export {
  validateIamName,
  validateRoleName,
  validateInstanceProfileName,
  validateManagedPolicyName,
  validateIamPath,
  type IamNameKind,
} from './iam-names';
export { validateRoleArn, validateKmsKeyArn, validatePermissionsBoundaryArn, roleArn, type RoleArnParts } from './arns';
export { isPartition, partitionOfRegion, validatePartition, validateRegion } from './partition-region';
export { validateTag, validateTags, MAX_TAGS, type ResourceTag } from './tags';
export { validateInstanceId } from './instance-id';
export { requireValid } from './require-valid';
