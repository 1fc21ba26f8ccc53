import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_REPORTS, type ExportReport } from '../../../../shared/contract/analytics-export';
import { useAnalyticsStore } from '../../stores/analytics';
import { exportReport } from './report-export';

/**
 * The dashboard's Export menu (issue 11, section 4): the whole dashboard as PDF or CSV, or one
 * report as PDF or CSV, for the range shown. Mantine's menu is keyboard-operable (arrow keys,
 * Enter, Escape); the button stays busy while an export runs, so one click makes one file.
 */
export function ExportMenu() {
  const { t } = useTranslation('reportExport');
  const range = useAnalyticsStore((s) => s.range);
  const [busy, setBusy] = useState(false);
  const run = (report: ExportReport, format: 'csv' | 'pdf') => {
    setBusy(true);
    void exportReport(report, format).finally(() => setBusy(false));
  };
  return (
    <Menu
      position="bottom-end"
      withinPortal
      shadow="md"
      width={280}
      // Sixteen items: the list is cut to the room below the button and scrolls, instead of
      // running off the foot of the window (floating-ui's size middleware).
      middlewares={{ flip: true, shift: true, size: { padding: 8 } }}
    >
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden />}
          loading={busy}
          disabled={!range}
        >
          {t('menu.open')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown style={{ overflowY: 'auto' }}>
        {/* Items only: a label or divider inside role="menu" is not a menu child (axe). */}
        <Menu.Item onClick={() => run('dashboard', 'pdf')}>{t('menu.dashboardPdf')}</Menu.Item>
        <Menu.Item onClick={() => run('dashboard', 'csv')}>{t('menu.dashboardCsv')}</Menu.Item>
        {EXPORT_REPORTS.map((report) => (
          <Fragment key={report}>
            <Menu.Item onClick={() => run(report, 'pdf')}>
              {t('menu.reportPdf', { report: t(`reports.${report}`) })}
            </Menu.Item>
            <Menu.Item onClick={() => run(report, 'csv')}>
              {t('menu.reportCsv', { report: t(`reports.${report}`) })}
            </Menu.Item>
          </Fragment>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
