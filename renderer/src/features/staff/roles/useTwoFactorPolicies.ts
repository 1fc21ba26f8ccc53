/**
 * Which roles require two-factor sign-in (issue 9, section 1), for the roles table: read with
 * `twoFactor:rolePolicies`, changed one role at a time with `twoFactor:setRolePolicy` (staff.manage;
 * the password again, handled by the re-authentication dialog). Errors go to a notification.
 */
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../../api/client';
import { notifyError } from '../../../components/notify';

export interface TwoFactorPolicies {
  /** Role id → required; a role missing from the map is shown as not required. */
  required: ReadonlyMap<string, boolean>;
  /** The role whose rule is being saved, if any. */
  saving: string | null;
  set: (roleId: string, required: boolean) => Promise<void>;
}

/** Loads the policies when `roleCount` changes (a role was added or removed). */
export function useTwoFactorPolicies(roleCount: number): TwoFactorPolicies {
  const [required, setRequired] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [saving, setSaving] = useState<string | null>(null);
  const load = useCallback(async () => {
    const rows = await call('twoFactor:rolePolicies');
    setRequired(new Map(rows.map((r) => [r.roleId, r.required])));
  }, []);
  useEffect(() => {
    load().catch(notifyError);
  }, [load, roleCount]);
  const set = async (roleId: string, value: boolean) => {
    setSaving(roleId);
    try {
      await call('twoFactor:setRolePolicy', { roleId, required: value });
      await load();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(null);
    }
  };
  return { required, saving, set };
}
