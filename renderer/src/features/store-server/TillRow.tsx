import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StoreTillSummary } from '../../../../shared/contract/store-server';
import { useFormat } from '../../format/locale';

interface Props {
  till: StoreTillSummary;
  /** Whether the member may close another till's shift (shifts.close and reports.view). */
  mayClose: boolean;
  onCloseShift: (till: StoreTillSummary) => void;
  onRetire: (till: StoreTillSummary) => void;
}

/**
 * One till in Settings → Store server's list: its name, running, off since when, or retired; its
 * open shift, with "Close shift" while it is off; whether it holds the store's key. A till that is
 * off with no shift open, other than this one, has "Retire". Times are formatted here from UTC.
 */
export function TillRow({ till, mayClose, onCloseShift, onRetire }: Props) {
  const { t } = useTranslation('settings');
  const { dateTime } = useFormat();
  const retirable = !till.thisTill && !till.running && !till.retiredAt && !till.openShift;
  return (
    <Table.Tr>
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
        {till.retiredAt ? (
          <Text size="sm">
            {t('storeServer.tills.retiredOn', { when: dateTime(till.retiredAt) })}
          </Text>
        ) : till.running ? (
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
        {retirable && (
          <Button size="xs" variant="default" mt={4} onClick={() => onRetire(till)}>
            {t('storeServer.tills.retire')} <VisuallyHidden>{till.name}</VisuallyHidden>
          </Button>
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
          <Button size="xs" variant="default" mt={4} onClick={() => onCloseShift(till)}>
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
            till.retiredAt
              ? 'storeServer.tills.keyRemoved'
              : till.storeKey
                ? 'storeServer.tills.keyHeld'
                : 'storeServer.tills.keyWaiting',
          )}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
