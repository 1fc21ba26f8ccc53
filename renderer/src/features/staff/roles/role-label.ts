/**
 * A role's name on screen. Roles are data an admin names (issue 9, section 2), so the stored name
 * is shown; a seeded role that still has its seeded name is shown in the screen's language
 * (catalogue `staff:roles.<id>`), so "Cashier" reads "Kassierer" in German until someone renames it.
 */
import type { TFunction } from 'i18next';
import { BUILT_IN_ROLES } from '../../../../../shared/permissions';

export function roleLabel(t: TFunction, role: { id: string; name: string }): string {
  const seeded = BUILT_IN_ROLES.find((r) => r.id === role.id);
  return seeded && seeded.name === role.name ? t(`staff:roles.${role.id}`) : role.name;
}

/** Select options for every role, labelled with {@link roleLabel}. */
export function roleOptions(t: TFunction, roles: readonly { id: string; name: string }[]) {
  return roles.map((r) => ({ value: r.id, label: roleLabel(t, r) }));
}
