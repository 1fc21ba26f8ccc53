/** Handlers for the stock take channels (issue 11, section 2; stock-count-service.ts). */
import type { Handlers } from '../handler-types';
import type { Services } from '../services';

type CountChannel =
  | 'stock:startCount'
  | 'stock:openCount'
  | 'stock:setCount'
  | 'stock:countSheet'
  | 'stock:postCount'
  | 'stock:cancelCount';

export function createStockCountHandlers(s: Services): Pick<Handlers, CountChannel> {
  return {
    'stock:startCount': (input, { session }) => s.stockCounts.start(session, input),
    'stock:openCount': () => s.stockCounts.open(),
    'stock:setCount': (input, { session }) => s.stockCounts.set(session, input),
    'stock:countSheet': (input) => s.stockCounts.sheet(input),
    'stock:postCount': (input, { session }) => s.stockCounts.post(session, input),
    'stock:cancelCount': (input, { session }) => s.stockCounts.cancel(session, input),
  };
}
