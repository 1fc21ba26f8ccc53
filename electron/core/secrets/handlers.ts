/**
 * Handlers for where the till keeps its secrets, the key-file opt-in (issue 9, section 1), and
 * whether this till holds the store key on a store server (issue 12).
 */
import type { SecretsStatus } from '../../../shared/contract';
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';
import type { KeychainKind } from './key-file-opt-in';

export function createSecretsHandlers(s: Services): DomainHandlers<'secrets'> {
  const withStoreKey = async (where: { keychain: KeychainKind }): Promise<SecretsStatus> => ({
    ...where,
    storeKey: s.storeKey ? await s.storeKey.status() : null,
  });
  return {
    'secrets:status': async () => withStoreKey(await s.keyFile.status()),
    'secrets:useKeyFile': async (_input, { session }) => {
      const where = await s.keyFile.useKeyFile(session);
      // On a server the key file can now hold this till's key pair: publish it, and make the
      // store key if no till holds one, rather than at the next 5 s round.
      await s.storeKey?.start();
      return withStoreKey(where);
    },
  };
}
