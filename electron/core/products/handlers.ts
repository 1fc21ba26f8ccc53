/** Handlers for the product catalogue. */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createProductHandlers(s: Services): DomainHandlers<'products'> {
  return {
    'products:list': (input) => s.products.list(input),
    'products:lookup': (input) => s.products.lookup(input.code),
    'products:get': (input) => s.products.get(input.id),
    'products:create': (input, { session }) => s.products.create(session, input),
    'products:update': (input, { session }) => s.products.update(session, input),
    'products:remove': (input, { session }) => s.products.remove(session, input.id),
    'products:restore': (input, { session }) => s.products.restore(session, input.id),
    'products:import': (input, { session }) =>
      s.importJobs.run(session, input.jobId, (job) => s.products.importCsv(session, input, job)),
  };
}
