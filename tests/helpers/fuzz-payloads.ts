/**
 * A minimal payload that passes the input schema, for every channel in the contract. Shared by the
 * channel × role matrix (A7) and the fuzz (F1), which breaks these payloads one field at a time.
 *
 * The mapped type makes a missing channel a compile error, and both test files also fail at run
 * time when a channel in `channels` has no entry here, so a new channel cannot be forgotten.
 *
 * The payloads are chosen so that calling them stays cheap and harmless for a signed-in caller:
 * set-up and request-access reuse a taken username (SETUP_ALREADY_DONE / CONFLICT before any
 * bcrypt work), a password change reuses the current password (WEAK_PASSWORD, nothing written),
 * and staff administration targets throwaway members, never the caller.
 */
import type { ChannelInput, ChannelName } from '../../shared/contract';

export interface PayloadContext {
  /** The caller's own sign-in name and password (login, unlock, re-authentication). */
  identifier: string;
  password: string;
  /** An existing username and email, so set-up and request-access answer without hashing. */
  takenUsername: string;
  takenEmail: string;
  /** A member the caller may change without touching its own account. */
  targetId: number;
  /** A member with no history, which `staff:delete` may really delete. */
  deletableId: number;
  /** A fresh suffix for `staff:create` (lower-case letters and digits). */
  unique: string;
}

/** Passes the password policy (A3) and is not in the common-passwords list. */
export const STRONG_PASSWORD = 'amber kettle under 9 stars';

export const VALID_PAYLOADS: { [C in ChannelName]: (ctx: PayloadContext) => ChannelInput<C> } = {
  'app:status': () => ({}),
  'setup:createAdmin': (c) => ({
    username: c.takenUsername,
    email: c.takenEmail,
    displayName: 'Second Admin',
    password: STRONG_PASSWORD,
  }),
  'auth:session': () => ({}),
  'auth:login': (c) => ({ identifier: c.identifier, password: c.password }),
  'auth:requestAccess': (c) => ({
    username: c.takenUsername,
    email: c.takenEmail,
    displayName: 'Walk In',
    password: STRONG_PASSWORD,
  }),
  'auth:logout': () => ({}),
  'auth:lock': () => ({}),
  'auth:unlock': (c) => ({ password: c.password }),
  'auth:activity': () => ({}),
  'auth:reauthenticate': (c) => ({ password: c.password }),
  'auth:changePassword': (c) => ({ currentPassword: c.password, newPassword: c.password }),
  'settings:get': () => ({}),
  'settings:update': () => ({ idleLockMinutes: 5 }),
  'roles:list': () => ({}),
  'staff:list': () => ({ status: 'active', search: 'a', limit: 10, offset: 0 }),
  'staff:create': (c) => ({
    username: `new.${c.unique}`,
    email: `new.${c.unique}@shop.test`,
    displayName: 'New Member',
    role: 'cashier',
    approve: false,
  }),
  'staff:update': (c) => ({ id: c.targetId, displayName: 'Renamed Member' }),
  'staff:setRole': (c) => ({ id: c.targetId, role: 'manager' }),
  'staff:approve': (c) => ({ id: c.targetId }),
  'staff:reject': (c) => ({ id: c.targetId }),
  'staff:disable': (c) => ({ id: c.targetId }),
  'staff:enable': (c) => ({ id: c.targetId }),
  'staff:unlock': (c) => ({ id: c.targetId }),
  'staff:delete': (c) => ({ id: c.deletableId }),
  'staff:resetPassword': (c) => ({ id: c.targetId }),
  'staff:endSessions': (c) => ({ id: c.targetId }),
  'audit:list': () => ({ limit: 5 }),
};

/** The payload maker for `channel`, or undefined when the table has no entry (the tests fail on that). */
export function payloadMaker(channel: string): ((ctx: PayloadContext) => unknown) | undefined {
  return Object.prototype.hasOwnProperty.call(VALID_PAYLOADS, channel)
    ? (VALID_PAYLOADS as Record<string, (ctx: PayloadContext) => unknown>)[channel]
    : undefined;
}
