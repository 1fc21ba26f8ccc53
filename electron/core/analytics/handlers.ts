/**
 * Handlers for analytics (issue 11, section 4): read-only reports over a range of business days,
 * answered from the daily rollups on the read connection. Permission `reports.view` (the router
 * checks it); the contract has validated the range. `analytics:export` saves the same reports as
 * a file (report-export.ts).
 */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';
import { customerReport, staffPerformance } from './people-reports';
import { heatmap, keyFigures, trend } from './sales-reports';
import { taxReport, topProducts } from './catalogue-reports';
import { topCategories } from './category-reports';

export function createAnalyticsHandlers(s: Services): DomainHandlers<'analytics'> {
  const em = () => s.db.manager;
  const currency = () => s.settings.currency();
  return {
    'analytics:keyFigures': (input) => keyFigures(em(), input, currency()),
    'analytics:trend': (input) => trend(em(), input, currency()),
    'analytics:heatmap': (input) => heatmap(em(), input, currency()),
    'analytics:topProducts': (input) => topProducts(em(), input, currency()),
    'analytics:topCategories': (input) => topCategories(em(), input, currency()),
    'analytics:staffPerformance': (input) =>
      staffPerformance(em(), input, currency(), s.settings.timeZone()),
    'analytics:taxReport': (input) => taxReport(em(), input, currency()),
    'analytics:customers': (input) => customerReport(em(), input, currency()),
    'analytics:export': (input, { session, caller }) =>
      s.reportExport.export(session, caller, input),
  };
}
