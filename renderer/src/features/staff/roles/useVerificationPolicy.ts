/**
 * The store's "verified before access" policy (issue 9, section 4), for Staff → Roles: read with
 * `contacts:policy`, set with `contacts:setPolicy` (staff.manage; the password again, handled by
 * the re-authentication dialog the client opens). A refusal is kept as the AppError so the panel
 * can say what to do about it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { VerificationPolicy, VerificationPolicyView } from '../../../../../shared/contract';
import { call } from '../../../api/client';

export interface VerificationPolicyState {
  view: VerificationPolicyView | null;
  /** A failed load or save, as thrown by the client. */
  error: unknown;
  saving: boolean;
  /** Resolves true once saved; false when refused (see `error`). */
  save: (policy: VerificationPolicy) => Promise<boolean>;
}

export function useVerificationPolicy(): VerificationPolicyState {
  const [view, setView] = useState<VerificationPolicyView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    call('contacts:policy').then(setView, setError);
  }, []);
  const save = useCallback(async (policy: VerificationPolicy) => {
    setSaving(true);
    setError(null);
    try {
      setView(await call('contacts:setPolicy', { policy }));
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setSaving(false);
    }
  }, []);
  return { view, error, saving, save };
}
