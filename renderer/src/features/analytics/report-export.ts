import type { ExportReport } from '../../../../shared/contract';
import { call } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';
import { t } from '../../i18n';
import { useAnalyticsStore } from '../../stores/analytics';
import { trendGrain } from './date-presets';

/**
 * Export from the dashboard (issue 11, section 4: "every report exports as CSV and PDF"): the core
 * makes the file for the dashboard's range and options (the trend's grain, the top lists' ranking
 * and category filter)
 * and the shell's save dialog asks where to put it (`analytics:export`). Says which file was
 * saved; a closed dialog says nothing; an error (REPORT_PDF_FAILED, …) is shown as a toast.
 * Resolves when the export is over, so the menu can show it is busy until then.
 */
export async function exportReport(report: ExportReport, format: 'csv' | 'pdf'): Promise<void> {
  const { range, topBy, categoryBy, categoryId } = useAnalyticsStore.getState();
  if (!range) return;
  try {
    const result = await call('analytics:export', {
      report,
      format,
      ...range,
      grain: trendGrain(range),
      by: topBy,
      categoryBy,
      limit: 10,
      ...(categoryId === null ? {} : { categoryId }),
    });
    if (result.outcome === 'saved')
      notifySuccess(
        t('reportExport:saved', {
          report: t(`reportExport:reports.${report}`),
          file: result.fileName,
        }),
      );
  } catch (error) {
    notifyError(error);
  }
}
