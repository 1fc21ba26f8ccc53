import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '../staff.css';
import {
  PERMISSION_GROUPS,
  type Permission,
  type PermissionGroup,
} from '../../../../../shared/permissions';

export interface PermissionChecklistProps {
  value: readonly Permission[];
  onChange?: (value: Permission[]) => void;
  /** Shown ticked and greyed (the built-in Admin role). */
  readOnly?: boolean;
}

/**
 * A role's permissions as checkboxes, grouped (sales, catalogue, reports, staff, settings), each
 * labelled with the permission's description from the `staff` catalogue (shared/permissions.ts).
 */
export function PermissionChecklist({ value, onChange, readOnly }: PermissionChecklistProps) {
  const { t } = useTranslation('staff');
  const groups = Object.entries(PERMISSION_GROUPS) as Array<
    [PermissionGroup, readonly Permission[]]
  >;
  const toggle = (p: Permission, on: boolean) =>
    onChange?.(on ? [...value, p] : value.filter((x) => x !== p));
  return (
    // A CSS grid (staff.css), not SimpleGrid's responsive props: those inject a <style> the CSP refuses.
    <div className="k-permission-grid">
      {groups.map(([group, permissions]) => (
        <fieldset key={group} className="k-permission-group">
          <legend>
            <Text fw={600} size="sm">
              {t(`rolesEditor.groups.${group}`)}
            </Text>
          </legend>
          <Stack gap={8}>
            {permissions.map((p) => (
              <Checkbox
                key={p}
                label={t(`permissions.${p}`)}
                checked={value.includes(p)}
                disabled={readOnly}
                onChange={(event) => toggle(p, event.currentTarget.checked)}
              />
            ))}
          </Stack>
        </fieldset>
      ))}
    </div>
  );
}
