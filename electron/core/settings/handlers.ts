/** Handlers for the till's settings and the first-run store set-up. */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createSettingsHandlers(s: Services): DomainHandlers<'settings'> {
  return {
    'settings:get': () => s.settings.get(),
    'settings:update': (input, { session }) => s.settings.update(session, input),
    'settings:setUpStore': (input, { session }) => s.settings.setUpStore(session, input),
  };
}
