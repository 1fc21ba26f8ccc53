/**
 * Handlers for the retail channels (products, customers, sales, reports, imports). Each one only
 * delegates to its service; the router has already checked sender, session, permission and schema.
 */
import type { Handlers, Services } from './handlers';
import type { Session } from '../auth/sessions';
import { AppError } from '../../../shared/errors';

type RetailChannel =
  | `products:${string}`
  | `customers:${string}`
  | `sales:${string}`
  | `reports:${string}`
  | `import:${string}`;
export type RetailHandlers = Pick<Handlers, Extract<keyof Handlers, RetailChannel>>;

function need(session: Session | undefined): Session {
  if (!session) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
  return session;
}

export function createRetailHandlers(s: Services): RetailHandlers {
  return {
    'products:list': (input) => s.products.list(input),
    'products:lookup': (input) => s.products.lookup(input.code),
    'products:get': (input) => s.products.get(input.id),
    'products:create': (input, { session }) => s.products.create(need(session), input),
    'products:update': (input, { session }) => s.products.update(need(session), input),
    'products:remove': (input, { session }) => s.products.remove(need(session), input.id),
    'products:restore': (input, { session }) => s.products.restore(need(session), input.id),
    'products:import': (input, { session }) => s.products.importCsv(need(session), input),

    'customers:search': (input) => s.customers.search(input),
    'customers:get': (input) => s.customers.get(input.id),
    'customers:create': (input, { session }) => s.customers.create(need(session), input),
    'customers:update': (input, { session }) => s.customers.update(need(session), input),
    'customers:remove': (input, { session }) => s.customers.remove(need(session), input.id),
    'customers:restore': (input, { session }) => s.customers.restore(need(session), input.id),
    'customers:import': (input, { session }) => s.customers.importCsv(need(session), input),

    'sales:quote': (input, { session }) => s.checkout.quote(need(session), input),
    'sales:checkout': (input, { session }) => s.checkout.checkout(need(session), input),
    'sales:get': (input) => s.saleQueries.detail(input.id),
    'sales:list': (input) => s.saleQueries.list(input),
    'sales:void': (input, { session }) => s.saleActions.void(need(session), input),
    'sales:refund': (input, { session }) => s.saleActions.refund(need(session), input),
    'sales:annotate': (input, { session }) => s.saleActions.annotate(need(session), input),
    'sales:park': (input, { session }) => s.parked.park(need(session), input),
    'sales:parkedList': () => s.parked.list(),
    'sales:resume': (input, { session }) => s.parked.resume(need(session), input.id),
    'sales:discardParked': (input, { session }) => s.parked.discard(need(session), input.id),

    'reports:daySummary': (input) => s.daySummary.summary(input),

    'import:onlineRetail': (input, { session }) => s.onlineRetail.import(need(session), input.csv),
  };
}
