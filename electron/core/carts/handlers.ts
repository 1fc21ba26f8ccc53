/** Handlers for the till's cart in progress (issue 8, item 4; rules in till-carts.ts). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createCartHandlers(s: Services): DomainHandlers<'cart'> {
  return {
    'cart:get': () => s.tillCarts.get(),
    'cart:save': (input, { session }) => s.tillCarts.save(session, input),
    'cart:takeOver': (input, { session }) => s.tillCarts.takeOver(session, input.version),
    'cart:park': (input, { session }) => s.tillCarts.park(session, input),
  };
}
