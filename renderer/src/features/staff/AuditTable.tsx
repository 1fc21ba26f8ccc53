import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../../shared/contract';
import './staff.css';
import { useFormat } from '../../format/locale';
import { actionLabel, actorLabel, targetLabel } from './audit-labels';

const OUTCOME_COLORS: Record<AuditEventView['outcome'], string> = {
  success: 'teal.9',
  failure: 'orange.4',
  denied: 'red.8',
};

export interface AuditTableProps {
  items: readonly AuditEventView[];
  /** Display names by staff id, so "who" reads as a name rather than a username. */
  names: ReadonlyMap<number, string>;
}

/** The audit events as a table: when, who, what (its label), to whom or what, where, outcome. */
export function AuditTable({ items, names }: AuditTableProps) {
  const { t } = useTranslation('audit');
  const { dateTime } = useFormat();
  return (
    // Native scrolling, focusable and named, so keyboard users can scroll a wide log (WCAG 2.1.1).
    <Table.ScrollContainer
      minWidth={900}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={t('table.scroll')}
    >
      <Table verticalSpacing="xs" striped aria-label={t('table.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('table.when')}</Table.Th>
            <Table.Th>{t('table.who')}</Table.Th>
            <Table.Th miw={170}>{t('table.action')}</Table.Th>
            <Table.Th>{t('table.target')}</Table.Th>
            <Table.Th>{t('table.terminal')}</Table.Th>
            <Table.Th miw={130}>{t('table.outcome')}</Table.Th>
            <Table.Th miw={260}>{t('table.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td className="k-audit-nowrap">
                {dateTime(event.at, { dateStyle: 'short', timeStyle: 'medium' })}
              </Table.Td>
              <Table.Td>{actorLabel(t, event, names)}</Table.Td>
              <Table.Td>
                <Text size="sm" title={event.action}>
                  {actionLabel(t, event.action)}
                </Text>
              </Table.Td>
              <Table.Td>{targetLabel(t, event)}</Table.Td>
              <Table.Td className="k-audit-nowrap">{event.terminal}</Table.Td>
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
