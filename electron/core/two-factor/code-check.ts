/**
 * Checks a code typed at a second-factor prompt (sign-in, turning 2FA off) inside the caller's
 * write transaction (A8), so parallel guesses on one member are decided one after the other.
 *
 * - 6 digits: TOTP within ±1 step (T1); a step at or before the last accepted one is a replay,
 *   refused as TOTP_CODE_USED and audited `auth.totp_replay` (T2); otherwise the step is remembered.
 * - anything else: a recovery code, used up on success and audited `auth.recovery_code_used` (T3).
 * - every refusal counts towards the lockout like a wrong password (A4).
 */
import type { AuditAction } from '../../../shared/contract/audit';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { AuthService } from '../auth/auth-service';
import { lockedError } from '../auth/auth-service';
import { addMinutes } from '../db/time';
import { LOCKOUT_MINUTES } from '../auth/auth-service';
import type { StaffEntity } from '../staff/staff.entity';
import type { Clock, SecretStore } from '../types';
import { canonicalRecoveryCode, hashRecoveryCode } from './recovery-codes';
import { decryptSeed } from './seed-cipher';
import { matchingStep } from './totp';
import { acceptStep, totpRow, useRecoveryCode } from './two-factor-store';

export interface CodeCheckDeps {
  auth: AuthService;
  audit: AuditLog;
  clock: Clock;
  secrets: SecretStore;
}

/** How the code was accepted. */
export type CodeKind = 'authenticator code' | 'recovery code';

const WRONG = 'That code is not right.';

/**
 * Answers how the code was accepted, or the AppError to answer (its failure count and audit rows
 * are already written in `em`; the caller must commit them, so it returns the error rather than
 * throwing inside a nested write). Errors: INVALID_CREDENTIALS (on `code`), TOTP_CODE_USED,
 * ACCOUNT_LOCKED (this failure locked the account), KEYCHAIN_UNAVAILABLE (thrown: nothing counted).
 */
export async function checkCode(
  d: CodeCheckDeps,
  em: EntityManager,
  staff: StaffEntity,
  code: string,
  action: AuditAction,
): Promise<CodeKind | AppError> {
  const row = await totpRow(em, staff.id);
  if (!row?.confirmedAt)
    return new AppError('CONFLICT', 'Two-factor sign-in is not on for this account.');
  const now = d.clock.now();
  const digits = code.replace(/\s/g, '');
  const actor = d.auth.actor(staff);
  if (/^\d{6}$/.test(digits)) {
    const seed = await decryptSeed(d.secrets, staff.id, row.seed);
    const step = matchingStep(seed, digits, now);
    seed.fill(0);
    if (step !== null && row.lastStep !== null && step <= row.lastStep) {
      await d.audit.record(em, {
        ...actor,
        action: 'auth.totp_replay',
        outcome: 'denied',
        detail: `step ${step}, last accepted ${row.lastStep}`,
      });
      return failure(
        d,
        em,
        staff,
        action,
        'replayed code',
        () =>
          new AppError('TOTP_CODE_USED', 'That code was already used. Wait for the next code.', [
            { path: 'code', message: 'That code was already used.' },
          ]),
      );
    }
    if (step !== null) {
      await acceptStep(em, staff.id, step);
      return 'authenticator code';
    }
  } else {
    const canonical = canonicalRecoveryCode(code);
    if (
      canonical &&
      (await useRecoveryCode(em, staff.id, hashRecoveryCode(canonical), now.toISOString()))
    ) {
      await d.audit.record(em, { ...actor, action: 'auth.recovery_code_used', outcome: 'success' });
      return 'recovery code';
    }
  }
  return failure(
    d,
    em,
    staff,
    action,
    'wrong code',
    () => new AppError('INVALID_CREDENTIALS', WRONG, [{ path: 'code', message: WRONG }]),
  );
}

/** A4: counts the failure; answers ACCOUNT_LOCKED when it locked the account. */
async function failure(
  d: CodeCheckDeps,
  em: EntityManager,
  staff: StaffEntity,
  action: AuditAction,
  what: string,
  error: () => AppError,
): Promise<AppError> {
  if (await d.auth.recordFailure(em, staff, action, what))
    return lockedError(addMinutes(d.clock.now(), LOCKOUT_MINUTES).toISOString());
  return error();
}
