import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCartStore } from '../../stores/cart';
import { can, useSessionStore } from '../../stores/session';
import { CustomerPicker } from '../transactions/CustomerPicker';

/**
 * The sale's customer: search to attach one (F4 focuses the field; it comes right after the scan
 * field in the tab order), or "New customer" for members who manage customers.
 */
export function CustomerPanel({ onNew }: { onNew: () => void }) {
  const { t } = useTranslation('checkout');
  const customer = useCartStore((s) => s.customer);
  const setCustomer = useCartStore((s) => s.setCustomer);
  const session = useSessionStore((s) => s.session);
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <CustomerPicker
          label={t('customer.label')}
          placeholder={t('customer.placeholder')}
          value={customer}
          onChange={setCustomer}
          className="k-co-customer"
        />
        <Group justify="space-between" gap={4}>
          <Text size="sm" c="gray.7" aria-live="polite">
            {customer ? t('customer.attached', { name: customer.name }) : t('customer.walkIn')}
          </Text>
          {can(session, 'customers.manage') && (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconUserPlus size={16} />}
              onClick={onNew}
              tabIndex={-1}
            >
              {t('customer.new')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
