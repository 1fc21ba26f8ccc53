import {
  Alert,
  Badge,
  Button,
  Group,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreTillSummary } from '../../../../shared/contract/store-server';
import { call } from '../../api/client';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';
import { can, useSessionStore } from '../../stores/session';
import { CloseShiftWizard } from '../shifts/CloseShiftWizard';

/**
 * Settings → Store server → the store's tills (issue 12; `storeServer:tills`): each till's name,
 * whether it is running or since when it is off, its open shift, and whether it holds the store's
 * key. While a till that is off has a shift open, a note says so, and a manager (shifts.close
 * and reports.view) counts its drawer and closes that shift here (CloseShiftWizard), its Z report
 * being that till's next. Read when Settings opens and after such a close; times are formatted at
 * the edge from UTC.
 */
export function TillsList() {
  const { t } = useTranslation('settings');
  const { dateTime } = useFormat();
  const [tills, setTills] = useState<StoreTillSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [closing, setClosing] = useState<{ id: number; tillName: string } | null>(null);
  const session = useSessionStore((st) => st.session);
  const mayClose = can(session, 'shifts.close') && can(session, 'reports.view');

  const load = useCallback(() => {
    call('storeServer:tills').then(
      (r) => setTills(r.items),
      () => setError(t('storeServer.tills.loadFailed')),
    );
  }, [t]);
  useEffect(load, [load]);

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
                <Table.Tr key={till.id}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {till.name}
                      </Text>
                      {till.thisTill && (
                        <Badge size="sm" variant="light" color="gray">
                          {t('storeServer.tills.thisTill')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {till.running ? (
                      <Badge variant="light" color="green">
                        {t('storeServer.tills.running')}
                      </Badge>
                    ) : (
                      <Text size="sm">
                        {till.lastSeenAt
                          ? t('storeServer.tills.lastSeen', { when: dateTime(till.lastSeenAt) })
                          : t('storeServer.tills.neverSeen')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {till.openShift
                        ? t('storeServer.tills.shiftOpen', {
                            when: dateTime(till.openShift.openedAt),
                            name: till.openShift.openedBy,
                          })
                        : t('storeServer.tills.noShift')}
                    </Text>
                    {mayClose && !till.running && till.openShift && (
                      <Button
                        size="xs"
                        variant="default"
                        mt={4}
                        onClick={() => setClosing({ id: till.openShift!.id, tillName: till.name })}
                      >
                        {t('storeServer.tills.closeShift')}{' '}
                        <VisuallyHidden>
                          {t('storeServer.tills.closeShiftTill', { till: till.name })}
                        </VisuallyHidden>
                      </Button>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t(
                        till.storeKey
                          ? 'storeServer.tills.keyHeld'
                          : 'storeServer.tills.keyWaiting',
                      )}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
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
