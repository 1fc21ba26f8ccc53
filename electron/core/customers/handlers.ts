/** Handlers for customers. */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createCustomerHandlers(s: Services): DomainHandlers<'customers'> {
  return {
    'customers:search': (input) => s.customers.search(input),
    'customers:get': (input) => s.customers.get(input.id),
    'customers:create': (input, { session }) => s.customers.create(session, input),
    'customers:update': (input, { session }) => s.customers.update(session, input),
    'customers:remove': (input, { session }) => s.customers.remove(session, input.id),
    'customers:restore': (input, { session }) => s.customers.restore(session, input.id),
    'customers:import': (input, { session }) =>
      s.importJobs.run(session, input.jobId, (job) => s.customers.importCsv(session, input, job)),
  };
}
