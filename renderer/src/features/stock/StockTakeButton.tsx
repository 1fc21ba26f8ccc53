import { Button } from '@mantine/core';
import { IconClipboardList } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StockTakeModal } from './StockTakeModal';

/** The Products screen's "Stock take" button and its dialog (stock.manage; see ProductStock). */
export function StockTakeButton() {
  const { t } = useTranslation('stock');
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconClipboardList size={20} />}
        onClick={() => setOpened(true)}
      >
        {t('take.button')}
      </Button>
      <StockTakeModal opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
