/**
 * Handlers for suppliers and purchase orders (issue 11, section 3); `stock:receive` sits with the
 * other stock channels in stock/handlers.ts.
 */
import type { ChannelName } from '../../../shared/contract';
import type { Handlers } from '../handler-types';
import type { Services } from '../services';

type ReceivingChannel = Extract<ChannelName, `suppliers:${string}` | `purchaseOrders:${string}`>;

export function createReceivingHandlers(s: Services): Pick<Handlers, ReceivingChannel> {
  return {
    'suppliers:list': (input) => s.suppliers.list(input),
    'suppliers:create': (input, { session }) => s.suppliers.create(session, input),
    'suppliers:update': (input, { session }) => s.suppliers.update(session, input),
    'suppliers:archive': (input, { session }) => s.suppliers.archive(session, input.id),
    'purchaseOrders:list': (input) => s.purchaseOrders.list(input),
    'purchaseOrders:get': (input) => s.purchaseOrders.get(input.id),
    'purchaseOrders:create': (input, { session }) => s.purchaseOrders.create(session, input),
    'purchaseOrders:update': (input, { session }) => s.purchaseOrders.update(session, input),
    'purchaseOrders:candidates': (input) => s.purchaseOrders.candidates(input),
    'purchaseOrders:setStatus': (input, { session }) => s.purchaseOrders.setStatus(session, input),
    'purchaseOrders:receive': (input, { session }) => s.purchaseOrders.receiveOrder(session, input),
    'purchaseOrders:export': (input, { session, caller }) =>
      s.purchaseOrderExport.export(session, caller, input),
  };
}
