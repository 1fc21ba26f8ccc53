/**
 * The rows behind two-factor sign-in (migration 1790000007000): `staff_totp` (encrypted seed,
 * last accepted step) and `staff_recovery_codes` (hashes), and the per-role policy
 * `roles.require_totp`. Every function runs inside the caller's transaction.
 */
import type { EntityManager } from 'typeorm';
import { run } from '../db/sql';

export interface TotpRow {
  /** Encrypted seed (seed-cipher.ts). */
  seed: string;
  /** T2: the last accepted 30-second step; null before the first. */
  lastStep: number | null;
  createdAt: string;
  /** Null while enrolment is started but not confirmed. */
  confirmedAt: string | null;
}

export async function totpRow(em: EntityManager, staffId: number): Promise<TotpRow | null> {
  const rows = await run<{
    seed: string;
    last_step: number | string | null;
    created_at: string;
    confirmed_at: string | null;
  }>(em, 'SELECT seed, last_step, created_at, confirmed_at FROM staff_totp WHERE staff_id = ?', [
    staffId,
  ]);
  const r = rows[0];
  if (!r) return null;
  return {
    seed: r.seed,
    lastStep: r.last_step === null ? null : Number(r.last_step),
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
  };
}

/** True when the member has confirmed 2FA: sign-in asks for a code. */
export async function isEnrolled(em: EntityManager, staffId: number): Promise<boolean> {
  return (await totpRow(em, staffId))?.confirmedAt != null;
}

/** Starts (or restarts) an unconfirmed enrolment with a new encrypted seed. */
export async function saveUnconfirmed(
  em: EntityManager,
  staffId: number,
  seed: string,
  now: string,
): Promise<void> {
  await run(em, 'DELETE FROM staff_totp WHERE staff_id = ?', [staffId]);
  await run(
    em,
    'INSERT INTO staff_totp (staff_id, seed, last_step, created_at, confirmed_at) VALUES (?, ?, NULL, ?, NULL)',
    [staffId, seed, now],
  );
}

/** Turns 2FA on: confirms the seed at `step` and stores the recovery codes' hashes. */
export async function confirm(
  em: EntityManager,
  staffId: number,
  step: number,
  now: string,
  codeHashes: readonly string[],
): Promise<void> {
  await run(em, 'UPDATE staff_totp SET confirmed_at = ?, last_step = ? WHERE staff_id = ?', [
    now,
    step,
    staffId,
  ]);
  await run(em, 'DELETE FROM staff_recovery_codes WHERE staff_id = ?', [staffId]);
  for (const hash of codeHashes)
    await run(
      em,
      'INSERT INTO staff_recovery_codes (staff_id, code_hash, used_at) VALUES (?, ?, NULL)',
      [staffId, hash],
    );
}

/** T2: remembers `step` as the last accepted one. */
export async function acceptStep(em: EntityManager, staffId: number, step: number): Promise<void> {
  await run(em, 'UPDATE staff_totp SET last_step = ? WHERE staff_id = ?', [step, staffId]);
}

/** Uses up the unused recovery code with `hash`; false when there is none. */
export async function useRecoveryCode(
  em: EntityManager,
  staffId: number,
  hash: string,
  now: string,
): Promise<boolean> {
  const rows = await run(
    em,
    'UPDATE staff_recovery_codes SET used_at = ? WHERE staff_id = ? AND code_hash = ? AND used_at IS NULL RETURNING id',
    [now, staffId, hash],
  );
  return rows.length > 0;
}

export async function recoveryCodesLeft(em: EntityManager, staffId: number): Promise<number> {
  const rows = await run<{ n: number | string }>(
    em,
    'SELECT COUNT(*) AS n FROM staff_recovery_codes WHERE staff_id = ? AND used_at IS NULL',
    [staffId],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Turns 2FA off: the seed and every recovery code go. Answers whether 2FA was set up at all. */
export async function removeTwoFactor(em: EntityManager, staffId: number): Promise<boolean> {
  await run(em, 'DELETE FROM staff_recovery_codes WHERE staff_id = ?', [staffId]);
  const rows = await run(em, 'DELETE FROM staff_totp WHERE staff_id = ? RETURNING staff_id', [
    staffId,
  ]);
  return rows.length > 0;
}

/** Whether the role requires 2FA of its members. */
export async function roleRequiresTotp(em: EntityManager, roleId: string): Promise<boolean> {
  const rows = await run<{ r: number | string }>(
    em,
    'SELECT require_totp AS r FROM roles WHERE id = ?',
    [roleId],
  );
  return Number(rows[0]?.r ?? 0) === 1;
}

/** Every role and whether it requires 2FA, by id. */
export async function rolePolicies(
  em: EntityManager,
): Promise<{ roleId: string; required: boolean }[]> {
  const rows = await run<{ id: string; r: number | string }>(
    em,
    'SELECT id, require_totp AS r FROM roles ORDER BY id',
  );
  return rows.map((row) => ({ roleId: row.id, required: Number(row.r) === 1 }));
}

/** Sets a role's policy; answers the value before, or null for an unknown role. */
export async function setRoleRequiresTotp(
  em: EntityManager,
  roleId: string,
  required: boolean,
): Promise<boolean | null> {
  const before = await run<{ r: number | string }>(
    em,
    'SELECT require_totp AS r FROM roles WHERE id = ?',
    [roleId],
  );
  if (!before[0]) return null;
  await run(em, 'UPDATE roles SET require_totp = ? WHERE id = ?', [required ? 1 : 0, roleId]);
  return Number(before[0].r) === 1;
}
