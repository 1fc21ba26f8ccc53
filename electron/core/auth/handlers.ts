/** Handlers for app status, first-run set-up, sign-in and the session (A1-A6, S1-S3, R1). */
import { REPLICA_WAIT_MESSAGE } from '../db/replica-wait';
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createAuthHandlers(s: Services): DomainHandlers<'app' | 'setup' | 'auth'> {
  return {
    'app:status': async () => {
      // Answers while the store server is away too, so the till can say so (issue 12).
      const retired = s.retired();
      const setupRequired =
        s.safeMode() || s.awaitingServer() || s.db.serverSilent || retired
          ? false
          : await s.auth.setupRequired().catch((e: unknown) => {
              if (!s.db.markUnreachable(e)) throw e;
              return false;
            });
      const fault = s.db.storageFault;
      const held = s.db.replicaWaitSince;
      return {
        setupRequired,
        terminalName: s.settings.terminalName,
        database: s.storeServer.connection().kind,
        safeMode: s.safeMode(),
        integrity: s.integrity.status(),
        storage: fault
          ? {
              ok: false,
              reason: fault.code === 'SERVER_UNREACHABLE' ? ('server' as const) : ('disk' as const),
              message: fault.message,
              since: fault.at,
            }
          : held
            ? { ok: false, reason: 'replica' as const, message: REPLICA_WAIT_MESSAGE, since: held }
            : { ok: true },
        locale: s.settings.locale(),
        ...(retired ? { retired } : {}),
      };
    },
    'setup:createAdmin': (input, { caller }) => s.auth.createFirstAdmin(input, caller.windowId),
    'auth:session': (_input, { session }) => ({ session: session ? s.auth.info(session) : null }),
    'auth:login': (input, { caller }) =>
      s.auth.login(input.identifier, input.password, caller.windowId),
    'auth:requestAccess': (input) => s.accessRequests.request(input),
    'auth:logout': (_input, { session }) => s.auth.logout(session),
    'auth:lock': (_input, { session }) => s.auth.lock(session),
    'auth:unlock': (input, { session }) => s.auth.unlock(session, input.password),
    'auth:activity': (_input, { session }) => ({
      idleLocksAt: s.sessions.idleLocksAt(session).toISOString(),
    }),
    'auth:reauthenticate': (input, { session }) => s.auth.reauthenticate(session, input.password),
    'auth:changePassword': (input, { session }) =>
      s.auth.changePassword(session, input.currentPassword, input.newPassword),
  };
}
