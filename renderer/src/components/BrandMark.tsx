import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconReceipt2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The Kassa logo and name; `size` sets the icon size in px. */
export function BrandMark({ size = 36 }: { size?: number }) {
  const { t } = useTranslation('shell');
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={size} radius="md" variant="filled" aria-hidden>
        <IconReceipt2 size={Math.round(size * 0.6)} stroke={1.8} />
      </ThemeIcon>
      <Text fw={700} fz={size > 32 ? 'xl' : 'lg'} className="k-brand-name">
        {t('brand')}
      </Text>
    </Group>
  );
}
