import { fail, ok, type Result } from '../errors';
import { PARTITIONS, type Partition } from '../policy/model';

/** Region name patterns per partition (aws.md §5, from the SDK's partitions table). */
const REGION_PATTERNS: Readonly<Record<Partition, RegExp>> = {
  aws: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
  'aws-cn': /^cn-\w+-\d+$/,
  'aws-us-gov': /^us-gov-\w+-\d+$/,
};

export function isPartition(value: string): value is Partition {
  return (PARTITIONS as readonly string[]).includes(value);
}

export function validatePartition(value: string): Result<Partition> {
  if (isPartition(value)) return ok(value);
  return fail(
    'INVALID_PARTITION',
    `Unknown AWS partition "${value}"; Keyless supports ${PARTITIONS.join(', ')}.`,
    'Use "aws" for standard regions, "aws-cn" for China, "aws-us-gov" for GovCloud (US).',
  );
}

/** The partition a region belongs to, or undefined when the name fits none of them. */
export function partitionOfRegion(region: string): Partition | undefined {
  // GovCloud first: its names also fit the standard partition's `us-…-N` pattern.
  if (REGION_PATTERNS['aws-us-gov'].test(region)) return 'aws-us-gov';
  if (REGION_PATTERNS['aws-cn'].test(region)) return 'aws-cn';
  if (REGION_PATTERNS.aws.test(region)) return 'aws';
  return undefined;
}

/** A region name; with `partition`, it must also belong to that partition. */
export function validateRegion(region: string, partition?: Partition): Result<string> {
  const actual = partitionOfRegion(region);
  if (actual === undefined) {
    return fail(
      'INVALID_REGION',
      `"${region}" is not an AWS region name.`,
      'Use a region code such as "us-east-1", "eu-west-1", "cn-north-1" or "us-gov-west-1".',
    );
  }
  if (partition !== undefined && actual !== partition) {
    return fail(
      'INVALID_REGION',
      `Region "${region}" belongs to partition "${actual}", not "${partition}".`,
      `Choose a region of the "${partition}" partition, or set the partition to "${actual}".`,
    );
  }
  return ok(region);
}
