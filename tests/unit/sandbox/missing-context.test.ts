import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../shared/policy/parse';
import type { NamedPolicy } from '../../../shared/policy/model';
import { missingContextKeys } from '../../../electron/core/sandbox/gateway/missing-context';

function policy(name: string, statements: readonly object[]): NamedPolicy {
  const parsed = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }), 'inline');
  if (!parsed.ok) throw new Error(`test policy ${name} does not parse`);
  return { name, document: parsed.document };
}

const LIST_SALES = policy('list-sales', [
  { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::keyless-bucket', Condition: { StringLike: { 's3:prefix': ['sales/*'] } } },
  { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::keyless-bucket/*', Condition: { StringEqualsIfExists: { 's3:ExistingObjectTag/team': 'sales' }, Null: { 'aws:SourceVpc': 'false' } } },
  { Effect: 'Deny', NotAction: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
]);

describe('SimulatePrincipalPolicy MissingContextValues', () => {
  it('lists a condition key of an applicable statement that the simulation was not given', () => {
    expect(missingContextKeys([LIST_SALES], { action: 's3:ListBucket', resource: 'arn:aws:s3:::keyless-bucket' })).toEqual(['s3:prefix']);
  });

  it('does not list a key the simulation supplied, whatever its case', () => {
    expect(missingContextKeys([LIST_SALES], { action: 's3:ListBucket', resource: 'arn:aws:s3:::keyless-bucket', context: { 'S3:Prefix': 'sales/' } })).toEqual([]);
  });

  it('does not count IfExists and Null conditions, nor statements for other actions or resources', () => {
    expect(missingContextKeys([LIST_SALES], { action: 's3:GetObject', resource: 'arn:aws:s3:::keyless-bucket/sales/a.csv' })).toEqual([]);
    expect(missingContextKeys([LIST_SALES], { action: 's3:ListBucket', resource: 'arn:aws:s3:::other-bucket' })).toEqual([]);
  });

  it('a simulation without a resource stands for every resource; NotAction statements apply to actions outside them', () => {
    expect(missingContextKeys([LIST_SALES], { action: 's3:ListBucket', resource: '*' })).toEqual(['s3:prefix']);
    expect(missingContextKeys([LIST_SALES], { action: 'iam:GetRole', resource: '*' })).toEqual(['aws:SecureTransport']);
  });

  it('lists a key once even when several policies test it', () => {
    const again = policy('again', [{ Effect: 'Allow', Action: 's3:List*', Resource: '*', Condition: { StringEquals: { 'S3:PREFIX': 'sales/' } } }]);
    expect(missingContextKeys([LIST_SALES, again], { action: 's3:ListBucket', resource: 'arn:aws:s3:::keyless-bucket' })).toEqual(['s3:prefix']);
  });

  it('does not list keys the simulated principal implies, such as aws:PrincipalArn and aws:PrincipalAccount', () => {
    const byPrincipal = policy('by-principal', [
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/connector' }, StringEquals: { 'aws:PrincipalAccount': '111111111111' } } },
    ]);
    const principal = { arn: 'arn:aws:iam::111111111111:role/connector', account: '111111111111' };
    expect(missingContextKeys([byPrincipal], { action: 's3:GetObject', resource: '*', principal })).toEqual([]);
    expect(missingContextKeys([byPrincipal], { action: 's3:GetObject', resource: '*' })).toEqual(['aws:PrincipalArn', 'aws:PrincipalAccount']);
  });
});
