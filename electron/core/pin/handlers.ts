/** Handlers for the till PIN and quick switch (issue 9, section 5). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createPinHandlers(s: Services): DomainHandlers<'pin'> {
  return {
    'pin:status': (_input, { session }) => s.pins.status(session),
    'pin:set': (input, { session }) => s.pins.set(session, input.password, input.pin),
    'pin:clear': (_input, { session }) => s.pins.clear(session),
    'pin:unlock': (input, { session }) => s.pins.unlock(session, input.pin),
    'pin:members': (_input, { session }) => s.pins.members(session),
    'pin:switch': (input, { session, caller }) =>
      s.pins.switchTo(session, input.staffId, input.pin, caller.windowId),
  };
}
