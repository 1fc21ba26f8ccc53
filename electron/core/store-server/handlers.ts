/**
 * Handlers for joining a store server, changing the connection (issue 12, section 1), and the
 * store's tills (listed, retired).
 */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createStoreServerHandlers(s: Services): DomainHandlers<'storeServer'> {
  return {
    'storeServer:test': ({ connection }) => s.storeServer.test(connection),
    'storeServer:join': ({ connection, tillName }) => s.storeServer.join(connection, tillName),
    'storeServer:connection': () => s.storeServer.connection(),
    'storeServer:change': ({ connection }, { session }) =>
      s.storeServer.change(connection, session.staff),
    'storeServer:copy': ({ connection, tillName }, { session }) =>
      s.storeServer.copy(connection, tillName, session.staff),
    'storeServer:tills': () => s.storeTills.list(),
    'storeServer:retireTill': ({ tillId }, { session }) =>
      s.storeTills.retire(tillId, session.staff),
  };
}
