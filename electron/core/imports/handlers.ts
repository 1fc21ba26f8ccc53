/** Handlers for importing sales history. */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createImportHandlers(s: Services): DomainHandlers<'import'> {
  return {
    'import:onlineRetail': (input, { session }) => s.onlineRetail.import(session, input.csv),
  };
}
