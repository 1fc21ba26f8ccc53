import { Alert, Stack, Table, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreTillSummary } from '../../../../shared/contract/store-server';
import { call } from '../../api/client';
import { FormAlert } from '../../components/FormAlert';
import { useStoreChange } from '../../hooks/useStoreChange';
import { can, useSessionStore } from '../../stores/session';
import { CloseShiftWizard } from '../shifts/CloseShiftWizard';
import { RetireTillModal } from './RetireTillModal';
import { TillRow } from './TillRow';

/**
 * Settings → Store server → the store's tills (issue 12; `storeServer:tills`): each till's name,
 * whether it is running or since when it is off, its open shift, and whether it holds the store's
 * key. While a till that is off has a shift open, a note says so, and a manager (shifts.close
 * and reports.view) counts its drawer and closes that shift here (CloseShiftWizard), its Z report
 * being that till's next. A till that is off with no shift open can be retired for good
 * (RetireTillModal). Read when Settings opens, after such a close or retirement, and when
 * another till joins, is retired, or opens or closes a shift (the `tills` store change).
 */
export function TillsList() {
  const { t } = useTranslation('settings');
  const [tills, setTills] = useState<StoreTillSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [closing, setClosing] = useState<{ id: number; tillName: string } | null>(null);
  const [retiring, setRetiring] = useState<StoreTillSummary | null>(null);
  const session = useSessionStore((st) => st.session);
  const mayClose = can(session, 'shifts.close') && can(session, 'reports.view');

  const load = useCallback(() => {
    call('storeServer:tills').then(
      (r) => setTills(r.items),
      () => setError(t('storeServer.tills.loadFailed')),
    );
  }, [t]);
  useEffect(load, [load]);
  useStoreChange('tills', load);

  const staleShift = tills?.some((till) => !till.running && till.openShift) ?? false;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" id="store-tills">
        {t('storeServer.tills.title')}
      </Title>
      <FormAlert message={error} />
      {staleShift && (
        <Alert
          role="status"
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={20} aria-hidden />}
        >
          {t('storeServer.tills.staleShift')}
        </Alert>
      )}
      {tills && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-labelledby="store-tills">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('storeServer.tills.till')}</Table.Th>
                <Table.Th>{t('storeServer.tills.status')}</Table.Th>
                <Table.Th>{t('storeServer.tills.shift')}</Table.Th>
                <Table.Th>{t('storeServer.tills.storeKey')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tills.map((till) => (
                <TillRow
                  key={till.id}
                  till={till}
                  mayClose={mayClose}
                  onCloseShift={(c) => setClosing({ id: c.openShift!.id, tillName: c.name })}
                  onRetire={setRetiring}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RetireTillModal
        till={retiring}
        onClose={() => setRetiring(null)}
        onDone={() => {
          setRetiring(null);
          load();
        }}
      />
      <CloseShiftWizard
        opened={closing !== null}
        shift={closing ?? undefined}
        onClose={() => {
          setClosing(null);
          load();
        }}
      />
    </Stack>
  );
}
