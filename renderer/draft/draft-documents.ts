import { isKeylessError, KeylessFailure } from '../../shared/errors';
import type { KeylessError } from '../../shared/errors';
import { draftExportInput } from '../../shared/export/draft-export';
import type { ExportInput } from '../../shared/export/export-input';
import type { PolicyDocument, PolicyKind } from '../../shared/policy/model';
import type { ResourceTag } from '../../shared/validation/tags';
import type { DraftForm } from './draft-store';

/** One document shown on the right: what it is, where it goes, and how it is linted. */
export interface DraftDocument {
  readonly id: 'permissions' | 'instanceRoleTrust' | 'connectorRoleTrust' | 'assume';
  readonly title: string;
  readonly attachedTo: string;
  readonly kind: PolicyKind;
  readonly document: PolicyDocument;
  /** The S3 rules of the Informatica connector apply to the permissions policy only. */
  readonly informatica: boolean;
}

export type DraftOutcome =
  | { readonly ok: true; readonly input: ExportInput; readonly documents: readonly DraftDocument[] }
  | { readonly ok: false; readonly error: KeylessError };

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

function parseTags(text: string): ResourceTag[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const eq = line.indexOf('=');
      if (eq <= 0) {
        throw new KeylessFailure({ code: 'INVALID_TAG', message: `The tag line "${line}" has no key=value.`, nextStep: 'Write one tag per line as key=value.' });
      }
      return { key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim() };
    });
}

/** Builds the documents the form describes, or the first reason it cannot. */
export function draftDocuments(form: DraftForm): DraftOutcome {
  if (form.bucket.trim() === '') {
    return { ok: false, error: { code: 'INVALID_BUCKET_NAME', message: 'Enter the bucket the connection reads or writes.', nextStep: 'Type the S3 bucket name, e.g. acme-landing.' } };
  }
  const twoRoles = form.setup !== 'instanceRole';
  try {
    const folder = optional(form.folder);
    const kmsKeyArn = optional(form.kmsKeyArn);
    const boundary = optional(form.permissionsBoundaryArn);
    const accountId = optional(form.accountId);
    const trusted = optional(form.trustedAccountId);
    const externalId = optional(form.externalId);
    const instanceId = optional(form.instanceId);
    const input = draftExportInput({
      setup: form.setup,
      bucket: form.bucket.trim(),
      access: form.access,
      advancedMode: form.advancedMode,
      partition: form.partition,
      roleName: form.roleName.trim(),
      policyName: form.policyName.trim(),
      instanceProfileName: form.instanceProfileName.trim(),
      path: form.path.trim(),
      tags: parseTags(form.tags),
      ...(folder === undefined ? {} : { folder }),
      ...(kmsKeyArn === undefined ? {} : { kmsKeyArn }),
      ...(boundary === undefined ? {} : { permissionsBoundaryArn: boundary }),
      ...(twoRoles ? { connectorRoleName: form.connectorRoleName.trim(), assumePolicyName: form.assumePolicyName.trim() } : {}),
      ...(twoRoles && accountId !== undefined ? { accountId } : {}),
      ...(form.setup === 'crossAccount' && trusted !== undefined ? { trustedAccountId: trusted } : {}),
      ...(twoRoles && externalId !== undefined ? { externalId } : {}),
      ...(instanceId === undefined ? {} : { instanceId }),
    });
    return { ok: true, input, documents: documentsOf(input) };
  } catch (error) {
    if (error instanceof KeylessFailure) return { ok: false, error: error.detail };
    if (isKeylessError(error)) return { ok: false, error };
    throw error;
  }
}

function documentsOf(input: ExportInput): DraftDocument[] {
  const { documents, names } = input;
  const s3Holder = input.setup === 'instanceRole' ? names.role : (names.connectorRole ?? names.role);
  const list: DraftDocument[] = [
    { id: 'permissions', title: 'S3 permissions', attachedTo: `managed policy ${names.policy} on ${s3Holder}`, kind: 'managed', document: documents.permissions, informatica: true },
    { id: 'instanceRoleTrust', title: 'Instance role trust', attachedTo: `trust policy of ${names.role}`, kind: 'trust', document: documents.instanceRoleTrust, informatica: false },
  ];
  if (documents.connectorRoleTrust !== undefined) {
    list.push({ id: 'connectorRoleTrust', title: 'Connector role trust', attachedTo: `trust policy of ${names.connectorRole ?? ''}`, kind: 'trust', document: documents.connectorRoleTrust, informatica: false });
  }
  if (documents.assume !== undefined) {
    list.push({ id: 'assume', title: 'Assume connector role', attachedTo: `managed policy ${names.assumePolicy ?? ''} on ${names.role}`, kind: 'managed', document: documents.assume, informatica: false });
  }
  return list;
}
