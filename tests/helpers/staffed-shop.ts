/**
 * A core with its staff signed in, each on their own window, as the sales and shift tests start:
 * an admin (window 1), an approved manager with the `manager` role (window 2) and an approved
 * cashier (window 3); the store on London time with a 15-minute idle lock.
 */
import { approvedMember, makeTestCore, withAdmin, type TestCore } from './core';

export const ADMIN_W = 1;
export const MANAGER_W = 2;
export const CASHIER_W = 3;

export const MANAGER = {
  username: 'mona',
  email: 'mona@shop.test',
  displayName: 'Mona Manager',
  password: 'seven paper boats drifting east',
};
export const CASHIER = {
  username: 'carl',
  email: 'carl@shop.test',
  displayName: 'Carl Cashier',
  password: 'copper kettle whistles at dawn',
};

export interface StaffedShop {
  t: TestCore;
  adminId: number;
  managerId: number;
  cashierId: number;
}

/** Makes the core (`opts` as makeTestCore takes them) and signs its staff in; see above. */
export async function staffedShop(
  opts: Parameters<typeof makeTestCore>[0] = {},
): Promise<StaffedShop> {
  const t = await makeTestCore(opts);
  const adminId = (await withAdmin(t)).staff.id;
  await t.must('settings:update', { timeZone: 'Europe/London', idleLockMinutes: 15 });
  const managerId = await approvedMember(t, MANAGER);
  await t.must('staff:setRole', { id: managerId, role: 'manager' });
  const cashierId = await approvedMember(t, CASHIER);
  for (const [who, windowId] of [
    [MANAGER, MANAGER_W],
    [CASHIER, CASHIER_W],
  ] as const)
    await t.must('auth:login', { identifier: who.username, password: who.password }, windowId);
  return { t, adminId, managerId, cashierId };
}
