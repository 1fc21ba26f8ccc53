/** Handlers for product categories (issue 11, section 1). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createCategoryHandlers(s: Services): DomainHandlers<'categories'> {
  return {
    'categories:list': (input) => s.categories.list(input),
    'categories:create': (input, { session }) => s.categories.create(session, input),
    'categories:update': (input, { session }) => s.categories.update(session, input),
    'categories:archive': (input, { session }) => s.categories.archive(session, input.id),
  };
}
