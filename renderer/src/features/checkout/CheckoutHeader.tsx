import { Badge, Button, Group, Kbd, Title } from '@mantine/core';
import { IconArchive, IconKeyboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParkedStore } from '../../stores/parked';

/** The screen's title, the shortcut overlay button (F1) and parked sales with their count (F7). */
export function CheckoutHeader({
  onShortcuts,
  onParked,
}: {
  onShortcuts: () => void;
  onParked: () => void;
}) {
  const { t } = useTranslation('checkout');
  const parkedCount = useParkedStore((s) => s.items.length);
  return (
    <Group justify="space-between" align="center" className="k-co-head">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Group gap="sm">
        <Button
          variant="subtle"
          leftSection={<IconKeyboard size={18} />}
          onClick={onShortcuts}
          rightSection={
            <Kbd size="xs" aria-hidden>
              F1
            </Kbd>
          }
        >
          {t('shortcuts.button')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconArchive size={18} />}
          rightSection={
            parkedCount > 0 ? (
              <Badge size="sm" circle aria-hidden>
                {parkedCount}
              </Badge>
            ) : (
              <Kbd size="xs" aria-hidden>
                F7
              </Kbd>
            )
          }
          onClick={onParked}
        >
          {t('parked.title')}
        </Button>
      </Group>
    </Group>
  );
}
