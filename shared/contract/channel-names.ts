/**
 * The IPC channel names, and nothing else: a zod-free copy of `Object.keys(channels)` from
 * `shared/contract/index.ts`, so the sandboxed preload bundle stays tiny (E2; Electron security
 * checklist #20). Keep it in the same order as the contract. Two checks keep it in step:
 * - at compile time, the assertions below fail if a name is missing here or extra here;
 * - at run time, `tests/shell/channel-names.test.ts` checks it equals `Object.keys(channels)`.
 */
import type { ChannelName } from './index';

export const CHANNEL_NAMES = [
  'app:status',
  'setup:createAdmin',
  'auth:session',
  'auth:login',
  'auth:requestAccess',
  'auth:logout',
  'auth:lock',
  'auth:unlock',
  'auth:activity',
  'auth:reauthenticate',
  'auth:changePassword',
  'settings:get',
  'settings:update',
  'roles:list',
  'staff:list',
  'staff:create',
  'staff:update',
  'staff:setRole',
  'staff:approve',
  'staff:reject',
  'staff:disable',
  'staff:enable',
  'staff:unlock',
  'staff:delete',
  'staff:resetPassword',
  'staff:endSessions',
  'audit:list',
  'products:list',
  'products:lookup',
  'products:get',
  'products:create',
  'products:update',
  'products:remove',
  'products:restore',
  'products:import',
  'customers:search',
  'customers:get',
  'customers:create',
  'customers:update',
  'customers:remove',
  'customers:restore',
  'customers:import',
  'sales:quote',
  'sales:checkout',
  'sales:get',
  'sales:list',
  'sales:void',
  'sales:refund',
  'sales:annotate',
  'sales:park',
  'sales:parkedList',
  'sales:resume',
  'sales:discardParked',
  'reports:daySummary',
  'reports:today',
  'import:onlineRetail',
] as const satisfies readonly ChannelName[];

type Listed = (typeof CHANNEL_NAMES)[number];
/** Compile-time check: every contract channel is listed here (a missing one makes this `never`). */
type AssertEvery<T extends true> = T;
export type _EveryChannelListed = AssertEvery<
  [Exclude<ChannelName, Listed>] extends [never] ? true : false
>;
