/** Handlers for reports. */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createReportHandlers(s: Services): DomainHandlers<'reports'> {
  return {
    'reports:daySummary': (input) => s.daySummary.summary(input),
    'reports:today': () => s.daySummary.today(),
  };
}
