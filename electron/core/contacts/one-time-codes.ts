/**
 * One-time codes (issue 9, sections 4 and 6): stored as an HMAC-SHA-256 under a key derived
 * (HKDF, RFC 5869) from the data-protection key, so a copied database file does not give a
 * six-digit code away to a million guesses. Single use; valid 10 minutes; 5 wrong tries; at most
 * one new code a minute and five an hour per member and purpose (the rules; OWASP
 * Forgot Password and ASVS 2.7 for out-of-band codes). Only the newest code of a purpose is open.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { In, IsNull, MoreThan, Not, type EntityManager } from 'typeorm';
import { AppError } from '../../../shared/errors';
import { getOrCreateDataProtectionKey } from '../secrets/data-key';
import type { Clock, SecretStore } from '../types';
import { type CodePurpose, VerificationCodeEntity } from './verification-code.entity';

export const CODE_TTL_MINUTES = 10;
export const MAX_ATTEMPTS = 5;
export const RESEND_GAP_SECONDS = 60;
export const CODES_PER_HOUR = 5;

/** What checking a code found. */
export type CodeCheck = 'ok' | 'invalid' | 'expired';

export class OneTimeCodes {
  constructor(
    private readonly clock: Clock,
    private readonly secrets: SecretStore,
  ) {}

  private now(): Date {
    return this.clock.now();
  }

  /** HMAC-SHA-256 (hex) of `code`. Errors: KEYCHAIN_UNAVAILABLE. */
  async hash(code: string): Promise<string> {
    const master = await getOrCreateDataProtectionKey(this.secrets);
    try {
      const key = Buffer.from(hkdfSync('sha256', master, '', 'kassa one-time codes v1', 32));
      return createHmac('sha256', key).update(code, 'utf8').digest('hex');
    } finally {
      master.fill(0);
    }
  }

  /**
   * Refuses a new code when one was sent less than a minute ago, or five in the last hour.
   * Errors: RATE_LIMITED (nothing written).
   */
  async assertMaySend(em: EntityManager, staffId: number, purpose: CodePurpose): Promise<void> {
    const hourAgo = new Date(this.now().getTime() - 3_600_000).toISOString();
    const recent = await em.getRepository(VerificationCodeEntity).find({
      where: { staffId, purpose, createdAt: MoreThan(hourAgo) },
      order: { createdAt: 'DESC' },
    });
    const last = recent[0];
    const gapUntil = last ? Date.parse(last.createdAt) + RESEND_GAP_SECONDS * 1000 : 0;
    if (gapUntil > this.now().getTime())
      throw new AppError(
        'RATE_LIMITED',
        'A code was sent less than a minute ago. Please wait a moment.',
      );
    if (recent.length >= CODES_PER_HOUR)
      throw new AppError(
        'RATE_LIMITED',
        'Five codes were sent in the last hour. Please try again later.',
      );
  }

  /** Records a new code (not yet the only open one: see {@link supersede}). */
  async open(
    em: EntityManager,
    row: Pick<
      VerificationCodeEntity,
      'staffId' | 'purpose' | 'target' | 'codeHash' | 'providerRequestId'
    >,
  ): Promise<VerificationCodeEntity> {
    const now = this.now();
    return em.getRepository(VerificationCodeEntity).save({
      ...row,
      attempts: 0,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000).toISOString(),
      closedAt: null,
    });
  }

  /** Closes every other open code of the member and purpose, once `row` was delivered. */
  async supersede(em: EntityManager, row: VerificationCodeEntity): Promise<void> {
    await em
      .getRepository(VerificationCodeEntity)
      .update(
        { staffId: row.staffId, purpose: row.purpose, id: Not(row.id), closedAt: IsNull() },
        { closedAt: this.now().toISOString() },
      );
  }

  /** Removes a code that could not be delivered, so a failed send changes nothing. */
  async discard(em: EntityManager, id: number): Promise<void> {
    await em.getRepository(VerificationCodeEntity).delete({ id });
  }

  /** Closes every open code of the member for these purposes (a password reset, a changed address). */
  async closeAll(em: EntityManager, staffId: number, purposes: CodePurpose[]): Promise<void> {
    await em
      .getRepository(VerificationCodeEntity)
      .update(
        { staffId, purpose: In(purposes), closedAt: IsNull() },
        { closedAt: this.now().toISOString() },
      );
  }

  /** The newest open code of the member and purpose, whatever its age. */
  newest(em: EntityManager, staffId: number, purpose: CodePurpose) {
    return em.getRepository(VerificationCodeEntity).findOne({
      where: { staffId, purpose, closedAt: IsNull() },
      order: { id: 'DESC' },
    });
  }

  /**
   * Checks `code` against the newest open code sent to `target`: `ok` closes it (single use);
   * a wrong code counts a try and the fifth closes it; `expired` when there is no open code, it
   * is older than 10 minutes, or it went to another address. Writes through `em`.
   */
  async check(
    em: EntityManager,
    staffId: number,
    purpose: CodePurpose,
    target: string,
    code: string,
  ): Promise<CodeCheck> {
    const row = await this.newest(em, staffId, purpose);
    const now = this.now();
    if (
      !row ||
      row.codeHash === null ||
      row.target !== target ||
      Date.parse(row.expiresAt) <= now.getTime()
    )
      return 'expired';
    const given = Buffer.from(await this.hash(code), 'hex');
    const right = timingSafeEqual(given, Buffer.from(row.codeHash, 'hex'));
    const repo = em.getRepository(VerificationCodeEntity);
    if (right) {
      await repo.update(row.id, { closedAt: now.toISOString() });
      return 'ok';
    }
    const attempts = row.attempts + 1;
    await repo.update(row.id, {
      attempts,
      closedAt: attempts >= MAX_ATTEMPTS ? now.toISOString() : null,
    });
    return 'invalid';
  }
}
