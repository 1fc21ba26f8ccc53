/**
 * The store's shared secrets moved from one key to another, in the caller's transaction: what
 * `StoreKey.start` runs when it makes a store's key, so that the secrets a till's file brought to
 * the server (sealed with that till's own data key) open on every till. Each part leaves what
 * `from` does not open as it was.
 */
import { resealMailPassword } from '../mail/mail-settings';
import { resealSmsProvider } from '../sms/sms-settings';
import { resealSeeds } from '../two-factor/seed-cipher';
import type { Reseal } from './store-key';

export const resealStoreSecrets: Reseal = async (em, from, to) => {
  await resealSeeds(em, from, to);
  await resealMailPassword(em, from, to);
  await resealSmsProvider(em, from, to);
};
