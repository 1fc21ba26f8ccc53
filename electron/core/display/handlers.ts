/** Handlers for the customer display (issue 10, section 4; rules in customer-display.ts). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createDisplayHandlers(s: Services): DomainHandlers<'display'> {
  return {
    'display:cart': () => s.customerDisplay.view(),
  };
}
