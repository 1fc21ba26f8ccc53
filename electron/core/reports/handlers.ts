/** Handlers for reports. */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';
import { reportTills } from './report-tills';

export function createReportHandlers(s: Services): DomainHandlers<'reports'> {
  return {
    'reports:daySummary': (input) => s.daySummary.summary(input),
    'reports:tills': () => reportTills(s.db),
    'reports:today': () => s.daySummary.today(),
  };
}
