import { compileArnLike } from './arn-operator';
import { compileBinaryEquals } from './binary-operator';
import { compileBool } from './bool-operator';
import {
  compileDateEquals,
  compileDateGreaterThan,
  compileDateGreaterThanEquals,
  compileDateLessThan,
  compileDateLessThanEquals,
} from './date-operators';
import { compileIpAddress } from './ip-address-operator';
import {
  compileNumericEquals,
  compileNumericGreaterThan,
  compileNumericGreaterThanEquals,
  compileNumericLessThan,
  compileNumericLessThanEquals,
} from './numeric-operators';
import type { CompileValue, ConditionOperator } from './operator';
import { compileStringEquals, compileStringEqualsIgnoreCase, compileStringLike } from './string-operators';

/**
 * Every condition operator IAM documents (IAM User Guide, "Condition operators"), by name.
 * `Null` is not here: it tests presence, not values, and the condition block handles it.
 */
const OPERATORS: readonly ConditionOperator[] = [
  op('StringEquals', compileStringEquals),
  op('StringNotEquals', compileStringEquals, true),
  op('StringEqualsIgnoreCase', compileStringEqualsIgnoreCase),
  op('StringNotEqualsIgnoreCase', compileStringEqualsIgnoreCase, true),
  op('StringLike', compileStringLike),
  op('StringNotLike', compileStringLike, true),
  op('ArnEquals', compileArnLike),
  op('ArnLike', compileArnLike),
  op('ArnNotEquals', compileArnLike, true),
  op('ArnNotLike', compileArnLike, true),
  op('NumericEquals', compileNumericEquals),
  op('NumericNotEquals', compileNumericEquals, true),
  op('NumericLessThan', compileNumericLessThan),
  op('NumericLessThanEquals', compileNumericLessThanEquals),
  op('NumericGreaterThan', compileNumericGreaterThan),
  op('NumericGreaterThanEquals', compileNumericGreaterThanEquals),
  op('DateEquals', compileDateEquals),
  op('DateNotEquals', compileDateEquals, true),
  op('DateLessThan', compileDateLessThan),
  op('DateLessThanEquals', compileDateLessThanEquals),
  op('DateGreaterThan', compileDateGreaterThan),
  op('DateGreaterThanEquals', compileDateGreaterThanEquals),
  op('Bool', compileBool),
  op('BinaryEquals', compileBinaryEquals),
  op('IpAddress', compileIpAddress),
  op('NotIpAddress', compileIpAddress, true),
];

function op(name: string, compile: CompileValue, negated = false): ConditionOperator {
  return { name, compile, negated };
}

const BY_NAME = new Map(OPERATORS.map((operator) => [operator.name.toLowerCase(), operator]));

/** Only String and ARN operators substitute policy variables (IAM User Guide, "Policy variables"). */
export function operatorAllowsVariables(operator: ConditionOperator): boolean {
  return operator.name.startsWith('String') || operator.name.startsWith('Arn');
}

export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export type ParsedOperator =
  | { readonly kind: 'values'; readonly operator: ConditionOperator; readonly qualifier: SetQualifier | undefined; readonly ifExists: boolean }
  | { readonly kind: 'null'; readonly qualifier: SetQualifier | undefined }
  | { readonly kind: 'unknown'; readonly name: string };

/**
 * Reads `[ForAllValues:|ForAnyValue:]Operator[IfExists]`. Names compare case-insensitively so
 * a document that AWS would reject for its casing still evaluates sensibly; the linter is
 * where casing is reported. `NullIfExists` does not exist (the Null operator already tests
 * presence).
 */
export function parseOperator(name: string): ParsedOperator {
  let rest = name.trim();
  let qualifier: SetQualifier | undefined;
  const lower = rest.toLowerCase();
  if (lower.startsWith('forallvalues:')) {
    qualifier = 'ForAllValues';
    rest = rest.slice('forallvalues:'.length);
  } else if (lower.startsWith('foranyvalue:')) {
    qualifier = 'ForAnyValue';
    rest = rest.slice('foranyvalue:'.length);
  }
  const base = rest.toLowerCase();
  if (base === 'null') return { kind: 'null', qualifier };
  const exact = BY_NAME.get(base);
  if (exact !== undefined) return { kind: 'values', operator: exact, qualifier, ifExists: false };
  if (base.endsWith('ifexists')) {
    const operator = BY_NAME.get(base.slice(0, -'ifexists'.length));
    if (operator !== undefined) return { kind: 'values', operator, qualifier, ifExists: true };
  }
  return { kind: 'unknown', name };
}
