import { AppError } from '../../../../shared/errors';
import { call } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';
import { t } from '../../i18n';
import { usePrintingStore } from '../../stores/printing';
import { printOnly } from '../transactions/print';
import type { ZReportOutput } from './ZReportView';

/**
 * Print on the receipt printer (issue 10, section 2): the core queues the Z report again, marked
 * COPY (`shifts:print`). A store without a receipt printer (PRINTER_NOT_CONFIGURED) gets the
 * browser's print of the Z report instead, as before.
 */
export const printZReportOnPrinter: ZReportOutput = (report) => {
  void (async () => {
    try {
      await call('shifts:print', { zReportId: report.id });
      notifySuccess(t('shifts:z.printQueued', { number: report.zNo }));
      void usePrintingStore.getState().refresh();
    } catch (error) {
      if (error instanceof AppError && error.code === 'PRINTER_NOT_CONFIGURED')
        printOnly('zreport');
      else notifyError(error);
    }
  })();
};
