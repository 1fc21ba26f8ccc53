/** Handlers for checkout, parked carts and completed sales (D2, M1-M3, S3). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';
import { salesScope } from './sale-queries';

export function createSalesHandlers(s: Services): DomainHandlers<'sales'> {
  return {
    'sales:quote': (input, { session }) => s.checkout.quote(session, input),
    'sales:checkout': (input, { session }) => s.checkout.checkout(session, input),
    'sales:get': (input, { session }) => s.saleQueries.get(input.id, session),
    'sales:list': (input, { session }) => s.saleQueries.list(input, salesScope(session)),
    'sales:void': (input, { session }) => s.saleActions.void(session, input),
    'sales:refund': (input, { session }) => s.saleActions.refund(session, input),
    'sales:annotate': (input, { session }) => s.saleActions.annotate(session, input),
    'sales:park': (input, { session }) => s.parked.park(session, input),
    'sales:parkedList': () => s.parked.list(),
    'sales:resume': (input, { session }) => s.parked.resume(session, input.id),
    'sales:discardParked': (input, { session }) => s.parked.discard(session, input.id),
  };
}
