import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';

/**
 * "Choose…" beside the second backup folder: the system's folder dialog (`backups:chooseFolder`),
 * so the admin picks the USB drive or share instead of typing its path. The folder picked fills
 * the field; saving it is still the form's `backups:updateSettings`. Without a dialog (no shell)
 * `onTypeOnly` tells the form to ask for the path to be typed.
 */
export function ChooseFolderButton({
  onChosen,
  onTypeOnly,
  onError,
}: {
  onChosen: (folder: string) => void;
  onTypeOnly: () => void;
  onError: (message: string | null) => void;
}) {
  const { t } = useTranslation('backups');
  const [busy, setBusy] = useState(false);
  const choose = async () => {
    onError(null);
    setBusy(true);
    try {
      const r = await call('backups:chooseFolder', {});
      if (!r.available) onTypeOnly();
      else if (r.folder !== null) onChosen(r.folder);
    } catch (e) {
      onError(messageFor(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="default" loading={busy} onClick={() => void choose()}>
      {t('settings.choose')}
    </Button>
  );
}
