/**
 * The staff CSV import (issue 9, section 7), apart from the staff store so its code loads with the
 * Staff screen, not with the sign-in screen (the sign-in chunk's budget, issue 8 item 23).
 */
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { call } from '../api/client';
import { useStaffStore } from './staff';

/** staff:import (a dry run unless `commit`); after a commit the staff lists are loaded again. */
export async function importStaffCsv(
  input: ChannelInput<'staff:import'>,
): Promise<ChannelOutput<'staff:import'>> {
  const report = await call('staff:import', input);
  if (input.commit) {
    const staff = useStaffStore.getState();
    await Promise.all([staff.load(), staff.loadPending()]);
  }
  return report;
}
