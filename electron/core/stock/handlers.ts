/** Handlers for the stock ledger channels (issue 11, section 2). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';
import { createStockCountHandlers } from './count-handlers';

export function createStockHandlers(s: Services): DomainHandlers<'stock'> {
  return {
    'stock:adjust': (input, { session }) => s.stock.adjust(session, input),
    'stock:movements': (input) => s.stock.movements(input),
    'stock:levels': (input) => s.stock.levels(input),
    'stock:lowStock': (input) => s.stock.lowStock(input),
    'stock:setReorderLevel': (input, { session }) => s.stock.setReorderLevel(session, input),
    'stock:check': () => s.stock.check(),
    'stock:settings': () => s.stockSettings.read(s.db.manager),
    'stock:updateSettings': (input, { session }) =>
      s.db.write((em) => s.stockSettings.update(em, session, input)),
    ...createStockCountHandlers(s),
    // Receiving at cost (issue 11, section 3): electron/core/receiving/purchase-order-service.ts.
    'stock:receive': (input, { session }) => s.purchaseOrders.receive(session, input),
  };
}
