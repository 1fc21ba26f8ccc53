/** Handlers for printers, the print queue and reprints (issue 10, section 2). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';
import { deletePrinter, listPrinters, savePrinter } from './printer-store';

export function createPrintingHandlers(s: Services): DomainHandlers<'printing'> {
  return {
    'printing:listPrinters': () => listPrinters(s.db.manager),
    'printing:savePrinter': (input, { session }) =>
      s.db.write((em) => savePrinter(em, s.audit, s.clock, session, input)),
    'printing:deletePrinter': async ({ id }, { session }) => {
      await s.db.write((em) => deletePrinter(em, s.audit, session, id));
      return {};
    },
    'printing:testPage': ({ id }) => s.printing.testPage(id),
    'printing:status': () => s.printing.status(),
    'printing:reprintSale': ({ saleId }, { session }) => s.printing.reprint(session, saleId),
    'printing:retryJob': ({ id }) => s.printing.retry(id),
  };
}
