import { call } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';
import { t } from '../../i18n';
import type { ZReportOutput } from './ZReportView';

/**
 * Export PDF (issue 10, section 1): the core draws the Z report on A4 and the shell's save dialog
 * asks where to put it (`shifts:exportPdf`, as the accountant's exports do). Says which file was
 * saved; a closed dialog says nothing; an error (REPORT_PDF_FAILED, …) is shown as a toast.
 * Resolves when the export is over, so the button can show it is busy until then.
 */
export const exportZReportPdf: ZReportOutput = async (report) => {
  try {
    const result = await call('shifts:exportPdf', { zReportId: report.id });
    if (result.outcome === 'saved')
      notifySuccess(t('shifts:z.pdfSaved', { number: report.zNo, file: result.fileName }));
  } catch (error) {
    notifyError(error);
  }
};
