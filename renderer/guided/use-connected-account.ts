import { useEffect } from 'react';
import { useConnect } from '../connect/connect-store';
import { useDraft } from '../draft/draft-store';

/**
 * Fills the Draft form's account ids from the Connect identity where the user left them empty:
 * B's roles live in the agent's account, and C's connector role trusts it.
 */
export function useConnectedAccount(): void {
  const identity = useConnect((s) => s.identity);
  const form = useDraft((s) => s.form);
  const update = useDraft((s) => s.update);
  useEffect(() => {
    if (identity === undefined) return;
    if (form.setup === 'assumeConnectorRole' && form.accountId === '') update({ accountId: identity.account });
    if (form.setup === 'crossAccount' && form.trustedAccountId === '') update({ trustedAccountId: identity.account });
  }, [identity, form.setup, form.accountId, form.trustedAccountId, update]);
}
