/**
 * Names of the entries that are not profiles in a file: credentials from the environment and
 * the EC2 instance or container role. The `@` keeps them apart from the usual profile names; a
 * real profile of the same name wins.
 */
export const ENVIRONMENT_PROFILE = '@environment';
export const INSTANCE_ROLE_PROFILE = '@instance-role';
