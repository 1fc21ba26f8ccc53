/** Handlers for printers, the print queue and reprints (issue 10, section 2). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createPrintingHandlers(s: Services): DomainHandlers<'printing'> {
  return {
    'printing:listPrinters': () => s.printing.printers(),
    'printing:savePrinter': (input, { session }) => s.printing.savePrinter(session, input),
    'printing:deletePrinter': async ({ id }, { session }) => {
      await s.printing.deletePrinter(session, id);
      return {};
    },
    'printing:testPage': ({ id }) => s.printing.testPage(id),
    'printing:status': () => s.printing.status(),
    'printing:reprintSale': ({ saleId }, { session }) => s.printing.reprint(session, saleId),
    'printing:retryJob': ({ id }) => s.printing.retry(id),
  };
}
