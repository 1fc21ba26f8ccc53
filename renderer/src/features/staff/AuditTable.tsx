import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { actionLabel, targetLabel } from './audit-labels';

const OUTCOME_COLORS: Record<AuditEventView['outcome'], string> = {
  success: 'teal.9',
  failure: 'orange.4',
  denied: 'red.8',
};

/** The audit events as a table: when, who, what (its label), to whom or what, where, outcome. */
export function AuditTable({ items }: { items: readonly AuditEventView[] }) {
  const { t } = useTranslation('audit');
  const { dateTime } = useFormat();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" striped aria-label={t('table.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('table.when')}</Table.Th>
            <Table.Th>{t('table.who')}</Table.Th>
            <Table.Th>{t('table.action')}</Table.Th>
            <Table.Th>{t('table.target')}</Table.Th>
            <Table.Th>{t('table.terminal')}</Table.Th>
            <Table.Th>{t('table.outcome')}</Table.Th>
            <Table.Th>{t('table.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td>
                {dateTime(event.at, { dateStyle: 'medium', timeStyle: 'medium' })}
              </Table.Td>
              <Table.Td>{event.actorName ?? t('table.nobody')}</Table.Td>
              <Table.Td>
                <Text size="sm" title={event.action}>
                  {actionLabel(t, event.action)}
                </Text>
              </Table.Td>
              <Table.Td>{targetLabel(t, event)}</Table.Td>
              <Table.Td>{event.terminal}</Table.Td>
              <Table.Td>
                <Badge color={OUTCOME_COLORS[event.outcome]} variant="filled" autoContrast>
                  {t(`outcomes.${event.outcome}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="k-audit-detail">
                  {event.detail ?? ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
