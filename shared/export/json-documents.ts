import { toPolicyJson } from '../policy/serialize';
import type { AccountStack } from './account-stacks';
import { planAccountStacks } from './account-stacks';
import type { ExportFile, ExportInput } from './export-input';

function fileName(stack: AccountStack, name: string): string {
  return stack.part === '' ? name : `${stack.part}/${name}`;
}

/**
 * The policy documents as a cloud team pastes them into the IAM console: one JSON file per
 * document, named after the IAM resource it belongs to.
 */
export function exportJsonDocuments(input: ExportInput): readonly ExportFile[] {
  const files: ExportFile[] = [];
  for (const stack of planAccountStacks(input)) {
    for (const role of stack.roles) {
      files.push({ name: fileName(stack, `${role.name}.trust-policy.json`), content: `${toPolicyJson(role.trust)}\n` });
      files.push({ name: fileName(stack, `${role.policy.name}.policy.json`), content: `${toPolicyJson(role.policy.document)}\n` });
    }
  }
  return files;
}
