/** Handlers for two-factor sign-in (issue 9 section 1; T1-T3). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createTwoFactorHandlers(s: Services): DomainHandlers<'twoFactor'> {
  return {
    'twoFactor:status': (_input, { session }) => s.twoFactor.status(session),
    'twoFactor:startEnrolment': (_input, { session }) => s.twoFactor.startEnrolment(session),
    'twoFactor:confirmEnrolment': (input, { session }) =>
      s.twoFactor.confirmEnrolment(session, input.code),
    'twoFactor:remove': (input, { session }) =>
      s.twoFactor.remove(session, input.password, input.code),
    'twoFactor:signIn': (input, { caller }) => s.twoFactor.signIn(caller.windowId, input.code),
    'twoFactor:reset': (input, { session }) => s.twoFactor.reset(session, input.staffId),
    'twoFactor:setRolePolicy': (input, { session }) =>
      s.twoFactor.setRolePolicy(session, input.roleId, input.required),
    'twoFactor:rolePolicies': () => s.twoFactor.rolePolicies(),
  };
}
