/**
 * The typed client over `window.api`. `call(channel, input)` resolves to the channel's data or
 * throws an AppError (shared/errors.ts); it never hands a Result to the screens.
 *
 * Two policies live here so no screen has to repeat them:
 * - session problems (locked, expired, signed out, password change required) are reported to one
 *   hook, which the session store installs, then thrown like any other error;
 * - REAUTH_REQUIRED asks a second hook for the password (the re-authentication dialog) and, once it
 *   has been given, retries the same call once.
 */
import type { KassaApi } from '../../../shared/api';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import type { StoreChangeTopic } from '../../../shared/contract/store-changes';
import { CHANNEL_FLAGS } from '../../../shared/contract/channel-names';
import {
  AppError,
  SESSION_PROBLEM_CODES,
  type AppErrorBody,
  type Result,
} from '../../../shared/errors';

export interface ClientHooks {
  /** Called with every error whose code is in SESSION_PROBLEM_CODES, before it is thrown. */
  onSessionProblem: (error: AppError) => void;
  /** Asks for the password again; resolves true once re-authenticated, false if the member cancelled. */
  onReauthRequired: () => Promise<boolean>;
  /**
   * D7: told whether the till can store writes: `false` after any STORAGE_FAILED answer, `true`
   * after any `writes` channel succeeded (the disk works again).
   */
  onStorage: (writable: boolean) => void;
  /** Issue 12: told that the store server could not be reached (a SERVER_UNREACHABLE answer). */
  onServerAway: () => void;
  /** Issue 12: told that an admin retired this till from its store (a TILL_RETIRED answer). */
  onRetired: () => void;
  /**
   * Told that a `writes` call has waited SLOW_WRITE_MS for its answer (`true`), and again once
   * it has answered (`false`): the till then asks its core why (issue 12: a store server holding
   * the sale for its standby).
   */
  onWriteSlow: (slow: boolean) => void;
}

/** How long a `writes` call may wait for its answer before `onWriteSlow` is told, in ms. */
export const SLOW_WRITE_MS = 2_000;

const defaultHooks: ClientHooks = {
  onSessionProblem: () => undefined,
  onReauthRequired: () => Promise.resolve(false),
  onStorage: () => undefined,
  onServerAway: () => undefined,
  onRetired: () => undefined,
  onWriteSlow: () => undefined,
};

let hooks: ClientHooks = defaultHooks;

/** Installs the global handlers (the stores do this once); missing ones keep their defaults. */
export function configureClient(next: Partial<ClientHooks>): void {
  hooks = { ...hooks, ...next };
}

/** Restores the default, do-nothing handlers. For tests. */
export function resetClient(): void {
  hooks = defaultHooks;
}

/** Channels whose input is empty take no argument; the rest require one. */
export type CallArgs<C extends ChannelName> =
  Record<string, never> extends ChannelInput<C>
    ? [input?: ChannelInput<C>]
    : [input: ChannelInput<C>];

/**
 * Calls one channel. Resolves to its data; throws an AppError for any failure, including a missing
 * bridge or a malformed answer (INTERNAL). On REAUTH_REQUIRED it asks for the password and retries
 * once; if the member cancels, the REAUTH_REQUIRED error is thrown.
 */
export async function call<C extends ChannelName>(
  channel: C,
  ...args: CallArgs<C>
): Promise<ChannelOutput<C>> {
  const input = args[0];
  const first = await invoke(channel, input);
  if (first.ok) return succeeded(channel, first.data);
  // A channel that takes the password itself never loops into the re-authentication dialog.
  const takesPassword = CHANNEL_FLAGS[channel]?.takesPassword === true;
  if (first.error.code === 'REAUTH_REQUIRED' && !takesPassword) {
    const confirmed = await hooks.onReauthRequired();
    if (confirmed) {
      const second = await invoke(channel, input);
      if (second.ok) return succeeded(channel, second.data);
      throw toAppError(second.error);
    }
  }
  throw toAppError(first.error);
}

/**
 * Calls `listener` with each store change the shell reports (`window.api.onStoreChange`, issue
 * 12, section 2: another till, or this one, changed the catalogue, the settings, the staff or
 * stock levels).
 * Answers the unsubscribe function; where the bridge has no subscription (the browser e2e
 * bridge), it subscribes nothing.
 */
export function onStoreChange(listener: (topic: StoreChangeTopic) => void): () => void {
  const subscribe = typeof window === 'undefined' ? undefined : window.api?.onStoreChange;
  return typeof subscribe === 'function' ? subscribe(listener) : () => undefined;
}

function succeeded<T>(channel: ChannelName, data: T): T {
  if (CHANNEL_FLAGS[channel]?.writes) hooks.onStorage(true);
  return data;
}

function toAppError(body: AppErrorBody): AppError {
  const error = new AppError(body.code, body.message, body.issues);
  if (SESSION_PROBLEM_CODES.includes(error.code)) hooks.onSessionProblem(error);
  if (error.code === 'STORAGE_FAILED') hooks.onStorage(false);
  if (error.code === 'SERVER_UNREACHABLE') hooks.onServerAway();
  if (error.code === 'TILL_RETIRED') hooks.onRetired();
  return error;
}

const internal = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message },
});

async function invoke<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C> | undefined,
): Promise<Result<ChannelOutput<C>>> {
  const api: Partial<KassaApi> | undefined = typeof window === 'undefined' ? undefined : window.api;
  const fn = api?.[channel];
  if (typeof fn !== 'function') return internal(`window.api['${channel}'] is not available`);
  let slow = false;
  const timer = CHANNEL_FLAGS[channel]?.writes
    ? setTimeout(() => {
        slow = true;
        hooks.onWriteSlow(true);
      }, SLOW_WRITE_MS)
    : undefined;
  try {
    const answer: unknown = await fn(input);
    return isResult<ChannelOutput<C>>(answer)
      ? answer
      : internal(`Malformed answer from ${channel}`);
  } catch {
    return internal(`${channel} failed to answer`);
  } finally {
    clearTimeout(timer);
    if (slow) hooks.onWriteSlow(false);
  }
}

function isResult<T>(value: unknown): value is Result<T> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'data' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
  );
}
