import { useEffect, useState } from 'react';
import { lintPolicy } from '../../shared/policy/lint';
import type { LintFinding } from '../../shared/policy/lint';
import type { IamCatalogue } from '../../shared/policy/catalogue';
import { createBundledCatalogue } from '../policy/bundled-catalogue';
import type { DraftDocument } from './draft-documents';
import type { DraftForm } from './draft-store';

let catalogue: IamCatalogue | undefined;
/** One catalogue per window: each service's data loads once, on first use. */
function sharedCatalogue(): IamCatalogue {
  catalogue ??= createBundledCatalogue();
  return catalogue;
}

export type FindingsByDocument = Readonly<Record<string, readonly LintFinding[]>>;

/** Lints every shown document whenever it changes; stale results from an older draft are dropped. */
export function useLintFindings(documents: readonly DraftDocument[] | undefined, form: DraftForm): FindingsByDocument | undefined {
  const [findings, setFindings] = useState<{ for: readonly DraftDocument[]; value: FindingsByDocument } | undefined>();
  // The trust rules compare trusted principals with the account that owns the role: in B and C
  // that is the account id typed in the form (C: the bucket's account, trusting the agent's).
  const agentAccount = form.accountId.trim();
  const { access, advancedMode, partition } = form;

  useEffect(() => {
    if (documents === undefined) return;
    let current = true;
    void Promise.all(
      documents.map(async (doc) => {
        const list = await lintPolicy(doc.document, {
          kind: doc.kind,
          catalogue: sharedCatalogue(),
          partition,
          ...(doc.informatica ? { informatica: { access, advancedMode } } : {}),
          ...(agentAccount === '' ? {} : { agentAccount }),
        });
        return [doc.id, list] as const;
      }),
    ).then((entries) => {
      if (current) setFindings({ for: documents, value: Object.fromEntries(entries) });
    });
    return () => {
      current = false;
    };
  }, [documents, access, advancedMode, partition, agentAccount]);

  return findings !== undefined && findings.for === documents ? findings.value : undefined;
}
