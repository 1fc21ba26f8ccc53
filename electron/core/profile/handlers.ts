/** Handlers for the caller's own profile (issue 9, section 3); each acts on the session's member. */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createProfileHandlers(s: Services): DomainHandlers<'profile'> {
  return {
    'profile:get': (_input, { session }) => s.profile.get(session),
    'profile:update': (input, { session }) => s.profile.update(session, input),
    'profile:signIns': async (_input, { session }) => ({
      items: await s.profile.signIns(session),
    }),
    'profile:sessions': (_input, { session }) => ({ items: s.profile.openSessions(session) }),
    'profile:endOtherSessions': (_input, { session }) => s.profile.endOtherSessions(session),
  };
}
