import { Kbd, Table } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './useCheckoutShortcuts';
import { CheckoutModal } from './CheckoutModal';

/** The shortcut overlay (F1 or ?): every checkout key and what it does. */
export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('checkout');
  return (
    <CheckoutModal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="md">
      <Table aria-label={t('shortcuts.title')} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shortcuts.keys')}</Table.Th>
            <Table.Th>{t('shortcuts.does')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SHORTCUTS.map((s) => (
            <Table.Tr key={s.action}>
              <Table.Td className="k-co-shortcut-keys">
                {s.keys.map((k, j) => (
                  <Fragment key={k}>
                    {j > 0 && ' '}
                    <Kbd>{k.startsWith('keys.') ? t(k) : k}</Kbd>
                  </Fragment>
                ))}
              </Table.Td>
              <Table.Td>{t(`shortcuts.action.${s.action}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </CheckoutModal>
  );
}
