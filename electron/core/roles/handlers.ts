/** Handlers for the roles editor (issue 9, section 2). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createRoleHandlers(s: Services): DomainHandlers<'roles'> {
  return {
    'roles:list': () => s.roles.list(),
    'roles:create': (input, { session }) => s.roles.create(session, input),
    'roles:update': (input, { session }) => s.roles.update(session, input),
    'roles:duplicate': (input, { session }) => s.roles.duplicate(session, input),
    'roles:delete': (input, { session }) => s.roles.remove(session, input),
  };
}
