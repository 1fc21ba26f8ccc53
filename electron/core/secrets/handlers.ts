/** Handlers for where the till keeps its secrets, and the key-file opt-in (issue 9, section 1). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createSecretsHandlers(s: Services): DomainHandlers<'secrets'> {
  return {
    'secrets:status': () => s.keyFile.status(),
    'secrets:useKeyFile': (_input, { session }) => s.keyFile.useKeyFile(session),
  };
}
