/**
 * The session store: the till's status (set-up needed, till name, safe mode) and the signed-in
 * member's session as the main process reports it. Every action calls the API client only; a
 * failed action throws the AppError so the form that started it can show it next to its fields.
 *
 * The screen to show follows from this state alone (see `selectPhase`): set-up, sign-in (with its
 * code step when 2FA is on), lock, forced password change, 2FA enrolment the role requires, the
 * contact verification the store's policy asks for, or the app.
 */
import { create } from 'zustand';
import type { ChannelInput, ChannelOutput, SessionInfo } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import type { Permission } from '../../../shared/permissions';
import { call } from '../api/client';
import { ERROR_MESSAGES, messageFor } from '../api/messages';
import { clearToasts } from '../components/notify';

export type AppStatus = ChannelOutput<'app:status'>;

/** Which top-level screen the app shows. */
export type SessionPhase =
  | 'starting'
  | 'unavailable'
  | 'retired'
  | 'setup'
  | 'signedOut'
  | 'locked'
  | 'changePassword'
  | 'enrolTwoFactor'
  | 'verifyContact'
  | 'ready';

/** The main process counts activity; reporting it more often than this adds nothing. */
export const ACTIVITY_THROTTLE_MS = 20_000;

export interface SessionState {
  status: AppStatus | null;
  session: SessionInfo | null;
  /**
   * UTC; set while the sign-in waits for the authenticator code (the password was right and 2FA
   * is on): the sign-in screen shows the code step until then.
   */
  secondFactorUntil: string | null;
  /** Why the sign-in screen is showing, e.g. after the session expired. */
  notice: string | null;
  /** Set when the till status could not be read at start-up. */
  startError: string | null;
  /** When activity was last reported (ms since epoch), for the throttle. */
  lastActivityReportAt: number;

  /** Reads the till status and any existing session. */
  start: () => Promise<void>;
  /** Re-reads the session (polling); notices when it ended or locked elsewhere. */
  refresh: () => Promise<void>;
  /** Re-reads the till status (polling): safe mode or a broken audit chain found after start. */
  refreshStatus: () => Promise<void>;
  createAdmin: (input: ChannelInput<'setup:createAdmin'>) => Promise<void>;
  login: (input: ChannelInput<'auth:login'>) => Promise<void>;
  /** The code step of sign-in: a 6-digit code or a recovery code. */
  verifySecondFactor: (code: string) => Promise<void>;
  /** Leaves the code step for the password step. */
  cancelSecondFactor: () => void;
  /** Resolves to the answer: pending, or a code to enter first (`status: 'verify'`). */
  requestAccess: (
    input: ChannelInput<'auth:requestAccess'>,
  ) => Promise<ChannelOutput<'auth:requestAccess'>>;
  logout: () => Promise<void>;
  lock: () => Promise<void>;
  unlock: (password: string) => Promise<void>;
  changePassword: (input: ChannelInput<'auth:changePassword'>) => Promise<void>;
  reauthenticate: (password: string) => Promise<void>;
  /** Tells the main process the member is active, at most once per ACTIVITY_THROTTLE_MS. */
  reportActivity: () => void;
  /** Reacts to the SESSION_PROBLEM_CODES (locked, expired, signed out, a required step). */
  handleSessionProblem: (error: AppError) => void;
  dismissNotice: () => void;
}

export const initialSessionState = {
  status: null,
  session: null,
  secondFactorUntil: null,
  notice: null,
  startError: null,
  lastActivityReportAt: 0,
} satisfies Partial<SessionState>;

/** The session store. Components read it through selectors; see `selectPhase`. */
export const useSessionStore = create<SessionState>()((set, get) => {
  /** Signs out locally, with a reason for the sign-in screen. */
  const signedOut = (notice: string | null) => {
    clearToasts();
    set({ session: null, notice, lastActivityReportAt: 0 });
  };
  const signedIn = (session: SessionInfo) => {
    if (get().session?.staff.id !== session.staff.id) clearToasts();
    set({ session, notice: null, secondFactorUntil: null });
  };

  return {
    ...initialSessionState,

    start: async () => {
      try {
        // Both settled before either is looked at: a rejection not yet awaited is uncaught.
        const [asked, current] = await Promise.allSettled([
          call('app:status'),
          call('auth:session'),
        ]);
        if (asked.status === 'rejected') throw asked.reason;
        const status = asked.value;
        // A retired till answers nothing else (TILL_RETIRED): there is no session to read.
        if (status.retired) return set({ status, session: null, startError: null });
        if (current.status === 'rejected') throw current.reason;
        set({
          status,
          session: status.setupRequired ? null : current.value.session,
          startError: null,
        });
      } catch (error) {
        set({ startError: messageFor(error) });
      }
    },

    refresh: async () => {
      const before = get().session;
      let current: SessionInfo | null;
      try {
        current = (await call('auth:session')).session;
      } catch {
        return; // A failed poll changes nothing; the next one will tell.
      }
      if (current) {
        if (current.locked && !before?.locked) clearToasts();
        set({ session: current });
      } else if (before) signedOut(ERROR_MESSAGES.UNAUTHENTICATED);
    },

    refreshStatus: async () => {
      try {
        set({ status: await call('app:status') });
      } catch {
        // A failed poll changes nothing; the next one will tell.
      }
    },

    createAdmin: async (input) => {
      const session = await call('setup:createAdmin', input);
      const status = get().status;
      set({ status: status ? { ...status, setupRequired: false } : status });
      signedIn(session);
    },

    login: async (input) => {
      const answer = await call('auth:login', input);
      if ('secondFactor' in answer) set({ secondFactorUntil: answer.until, notice: null });
      else signedIn(answer);
    },

    verifySecondFactor: async (code) => {
      try {
        signedIn(await call('twoFactor:signIn', { code }));
      } catch (error) {
        // Timed out or locked: back to the password step, with the reason.
        const code = (error as AppError).code;
        if (code === 'NOT_FOUND' || code === 'UNAUTHENTICATED' || code === 'ACCOUNT_LOCKED')
          set({ secondFactorUntil: null, notice: messageFor(error) });
        throw error;
      }
    },

    cancelSecondFactor: () => set({ secondFactorUntil: null }),

    requestAccess: (input) => call('auth:requestAccess', input),

    logout: async () => {
      try {
        await call('auth:logout');
      } finally {
        // Even if the main process already ended it, this window is signed out now.
        signedOut(null);
      }
    },

    lock: async () => {
      clearToasts();
      set({ session: await call('auth:lock') });
    },

    unlock: async (password) => {
      try {
        signedIn(await call('auth:unlock', { password }));
      } catch (error) {
        // Too many failures lock the account and may end the session: find out which.
        await get().refresh();
        throw error;
      }
    },

    changePassword: async (input) => {
      signedIn(await call('auth:changePassword', input));
    },

    reauthenticate: async (password) => {
      signedIn(await call('auth:reauthenticate', { password }));
    },

    reportActivity: () => {
      const { session, lastActivityReportAt } = get();
      const now = Date.now();
      if (!session || session.locked || now - lastActivityReportAt < ACTIVITY_THROTTLE_MS) return;
      set({ lastActivityReportAt: now });
      call('auth:activity').catch(() => undefined); // Session problems are handled by the client.
    },

    handleSessionProblem: (error) => {
      const { session } = get();
      switch (error.code) {
        case 'SESSION_LOCKED':
          clearToasts();
          if (session) set({ session: { ...session, locked: true } });
          else void get().refresh();
          break;
        case 'PASSWORD_CHANGE_REQUIRED':
          if (session) set({ session: { ...session, mustChangePassword: true } });
          break;
        case 'TWO_FACTOR_ENROLMENT_REQUIRED':
          if (session) set({ session: { ...session, twoFactorEnrolmentRequired: true } });
          break;
        case 'VERIFICATION_REQUIRED':
          // The store's policy now asks this member to verify (or an admin's own policy change
          // was refused for that reason): the session, as the core reports it, tells which.
          if (session) void get().refresh();
          break;
        case 'SESSION_EXPIRED':
          signedOut(ERROR_MESSAGES.SESSION_EXPIRED);
          break;
        case 'UNAUTHENTICATED':
          if (session) signedOut(ERROR_MESSAGES.UNAUTHENTICATED);
          break;
        default:
          break;
      }
    },

    dismissNotice: () => set({ notice: null }),
  };
});

/** The top-level screen for a session state. */
export function selectPhase(
  state: Pick<SessionState, 'status' | 'session' | 'startError'>,
): SessionPhase {
  if (state.startError) return 'unavailable';
  if (!state.status) return 'starting';
  if (state.status.retired) return 'retired';
  if (state.status.setupRequired) return 'setup';
  if (!state.session) return 'signedOut';
  if (state.session.locked) return 'locked';
  if (state.session.mustChangePassword) return 'changePassword';
  if (state.session.twoFactorEnrolmentRequired) return 'enrolTwoFactor';
  if (state.session.verificationRequired) return 'verifyContact';
  return 'ready';
}

/** True when the session grants `permission`. Access is decided by permission, never by role name. */
export function can(session: SessionInfo | null, permission: Permission): boolean {
  return session?.permissions.includes(permission) ?? false;
}
