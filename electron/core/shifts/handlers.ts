/** Handlers for shifts, cash movements and Z reports (issue 10, section 1). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';
import { printShiftReport } from './shift-printing';

export function createShiftHandlers(s: Services): DomainHandlers<'shifts'> {
  return {
    'shifts:current': () => s.shifts.current(),
    'shifts:open': (input, { session }) => s.shifts.open(session, input),
    'shifts:cashMovement': (input, { session }) => s.shifts.cashMovement(session, input),
    'shifts:noSale': (input, { session }) => s.shifts.noSale(session, input),
    'shifts:xReport': ({ shiftId }) => s.shifts.xReport(shiftId),
    'shifts:close': (input, { session }) => s.zReports.close(session, input),
    'shifts:list': (input) => s.zReports.list(input),
    'shifts:zReport': (input) => s.zReports.get(input.id),
    'shifts:settings': () => s.shiftSettings.read(s.db.manager),
    'shifts:updateSettings': (input, { session }) =>
      s.db.write((em) => s.shiftSettings.update(em, session, input)),
    'shifts:print': (input) => printShiftReport(s, input),
    'shifts:exportPdf': (input, { session, caller }) =>
      s.zReportPdf.export(session, caller, input.zReportId),
    'shifts:setDenominations': (input, { session }) =>
      s.db.write((em) =>
        s.shiftSettings.setDenominations(em, session, input.currency, input.denominations),
      ),
  };
}
