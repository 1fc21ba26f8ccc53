import { Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParkedSale } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';

/**
 * The parked sales as a table (label, staff, items, time) with Resume and Discard on each row.
 * On a store server, where a cart parked on another till can be taken here, a Till column names
 * the till each was parked on ("This till" for this one); with every cart on this till it is not
 * shown. A till's name and the time are kept on one line ("till-1" is not cut at its hyphen).
 * The first Resume button takes the dialog's first focus.
 */
export function ParkedSalesTable({
  parked,
  busy,
  onResume,
  onDiscard,
}: {
  parked: ParkedSale[];
  busy: boolean;
  onResume: (sale: ParkedSale) => void;
  onDiscard: (sale: ParkedSale) => void;
}) {
  const { t } = useTranslation('checkout');
  const { dateTime } = useFormat();
  const tills = parked.some((p) => !p.thisTill);
  const name = (p: ParkedSale) => p.label || t('parked.numbered', { id: p.id });
  return (
    <Table aria-label={t('parked.title')} verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('parked.label')}</Table.Th>
          <Table.Th>{t('parked.staff')}</Table.Th>
          {tills && <Table.Th>{t('parked.till')}</Table.Th>}
          <Table.Th>{t('parked.items')}</Table.Th>
          <Table.Th>{t('parked.parkedAt')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('parked.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {parked.map((p, i) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              {p.label || (
                <Text span c="gray.7">
                  {t('parked.unlabelled')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{p.staff.name}</Table.Td>
            {tills && (
              <Table.Td className="k-nowrap">{p.thisTill ? t('parked.thisTill') : p.till}</Table.Td>
            )}
            <Table.Td>{p.lineCount}</Table.Td>
            <Table.Td className="k-nowrap">{dateTime(p.createdAt)}</Table.Td>
            <Table.Td>
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                <Button
                  size="sm"
                  aria-label={t('parked.resumeOne', { label: name(p) })}
                  disabled={busy}
                  data-autofocus={i === 0 || undefined}
                  onClick={() => onResume(p)}
                >
                  {t('parked.resume')}
                </Button>
                <Button
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={t('parked.discardOne', { label: name(p) })}
                  disabled={busy}
                  onClick={() => onDiscard(p)}
                >
                  {t('parked.discard')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
