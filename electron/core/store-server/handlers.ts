/** Handlers for joining a store server and changing the connection (issue 12, section 1). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createStoreServerHandlers(s: Services): DomainHandlers<'storeServer'> {
  return {
    'storeServer:test': (input) => s.storeServer.test(input),
    'storeServer:join': ({ connection, tillName }) => s.storeServer.join(connection, tillName),
    'storeServer:connection': () => s.storeServer.connection(),
    'storeServer:change': (input, { session }) => s.storeServer.change(input, session.staff),
    'storeServer:copy': ({ connection, tillName }, { session }) =>
      s.storeServer.copy(connection, tillName, session.staff),
  };
}
