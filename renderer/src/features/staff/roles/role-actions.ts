/**
 * The roles editor's writes (issue 9, section 2). Each calls the core (which asks for the password
 * again when needed, S3) and then reloads the roles and the staff list, whose role names and
 * member counts may have changed. Errors are thrown as AppError for the dialog to show.
 */
import type { ChannelInput, RoleView } from '../../../../../shared/contract';
import { call } from '../../../api/client';
import { useStaffStore } from '../../../stores/staff';

async function refreshed<T>(write: Promise<T>): Promise<T> {
  const answer = await write;
  const store = useStaffStore.getState();
  await Promise.all([store.loadRoles(), store.load()]);
  return answer;
}

export const roleActions = {
  create: (input: ChannelInput<'roles:create'>): Promise<RoleView> =>
    refreshed(call('roles:create', input)),
  update: (input: ChannelInput<'roles:update'>): Promise<RoleView> =>
    refreshed(call('roles:update', input)),
  duplicate: (input: ChannelInput<'roles:duplicate'>): Promise<RoleView> =>
    refreshed(call('roles:duplicate', input)),
  remove: (input: ChannelInput<'roles:delete'>): Promise<{ moved: number }> =>
    refreshed(call('roles:delete', input)),
};
