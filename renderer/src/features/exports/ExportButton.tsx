import { Button } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportDialog } from './ExportDialog';

/**
 * "Export for the accountant" on Reports (issue 10, section 6): opens the export dialog for a
 * range of business days ending on `today` (the core's business day, or null until known).
 */
export function ExportButton({ today }: { today: string | null }) {
  const { t } = useTranslation('exports');
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileExport size={18} />}
        disabled={today === null}
        onClick={() => setOpened(true)}
      >
        {t('open')}
      </Button>
      {today !== null && (
        <ExportDialog opened={opened} today={today} onClose={() => setOpened(false)} />
      )}
    </>
  );
}
