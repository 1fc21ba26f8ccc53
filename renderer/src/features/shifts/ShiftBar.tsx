import { Alert, Button, Group, Kbd, Menu, Paper, Text } from '@mantine/core';
import {
  IconCashBanknote,
  IconChevronDown,
  IconDoorExit,
  IconLockOpen,
  IconReceipt2,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale';
import { useSessionStore } from '../../stores/session';
import { useShiftsStore } from '../../stores/shifts';
import { shiftActions, type ShiftDialog } from './shift-actions';
import { ShiftDialogs } from './ShiftDialogs';
import { exportZReportPdf } from './z-report-pdf';
import { printZReportOnPrinter } from './z-report-print';
import './shifts.css';

const ICONS = {
  paidIn: IconCashBanknote,
  paidOut: IconCashBanknote,
  noSale: IconLockOpen,
  xReport: IconReceipt2,
  close: IconDoorExit,
} as const;

/**
 * The shift bar on checkout (issue 10, section 1): who opened the till's shift, when, and the
 * float, with the shift menu (paid in/out, no sale, X report, close: each shown only with its
 * permission). With no shift open it says so, plainly when sales need one, and offers "Open
 * shift". F10 opens the menu, or the Open shift dialog when none is open.
 */
export function ShiftBar() {
  const { t } = useTranslation('shifts');
  const { money, dateTime } = useFormat();
  const { current, settings, loaded, error, load } = useShiftsStore();
  const session = useSessionStore((s) => s.session);
  const [dialog, setDialog] = useState<ShiftDialog | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const actions = shiftActions(session);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F10' || document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      if (useShiftsStore.getState().current) setMenuOpen(true);
      else setDialog('open');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const dialogs = (
    <ShiftDialogs
      current={dialog}
      onClose={() => setDialog(null)}
      onPrintZReport={printZReportOnPrinter}
      onExportZReportPdf={exportZReportPdf}
    />
  );
  if (!loaded) return null;
  if (error)
    return (
      <Alert color="red" variant="light" className="k-shift-bar">
        {error}
      </Alert>
    );

  if (!current) {
    const required = settings?.requireOpenShift ?? true;
    return (
      <Paper
        withBorder
        radius="md"
        role="region"
        aria-label={t('bar.label')}
        className={`k-shift-bar ${required ? 'k-shift-bar-needed' : ''}`}
      >
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Text size="sm">
            <strong>{t('bar.noShift')}</strong> {required ? t('bar.required') : t('bar.optional')}
          </Text>
          <Button
            size="xs"
            className="k-shift-bar-action"
            onClick={() => setDialog('open')}
            rightSection={
              <Kbd size="xs" aria-hidden>
                F10
              </Kbd>
            }
          >
            {t('open.button')}
          </Button>
        </Group>
        {dialogs}
      </Paper>
    );
  }

  return (
    <Paper withBorder radius="md" className="k-shift-bar" role="region" aria-label={t('bar.label')}>
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm">
          {t('bar.open', {
            name: current.openedBy.name,
            at: dateTime(current.openedAt),
            float: money(current.float, current.currency),
          })}
        </Text>
        <Group gap="xs" wrap="nowrap">
          {actions.length > 0 && (
            <Menu opened={menuOpen} onChange={setMenuOpen} position="bottom-end">
              <Menu.Target>
                <Button
                  size="xs"
                  variant="default"
                  className="k-shift-bar-action"
                  rightSection={<IconChevronDown size={16} />}
                  leftSection={
                    <Kbd size="xs" aria-hidden>
                      F10
                    </Kbd>
                  }
                >
                  {t('bar.menu')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {actions.map((action) => {
                  const Icon = ICONS[action];
                  return (
                    <Menu.Item
                      key={action}
                      leftSection={<Icon size={16} />}
                      onClick={() => setDialog(action)}
                    >
                      {t(`actions.${action}`)}
                    </Menu.Item>
                  );
                })}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      {dialogs}
    </Paper>
  );
}
