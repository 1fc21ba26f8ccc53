import { Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale';

/** "Verified <when>" under a contact address, or "Not verified" (issue 9, section 4). */
export function VerifiedMark({ at }: { at: string | null }) {
  const { t } = useTranslation('staff');
  const { dateTime } = useFormat();
  if (!at)
    return (
      <Text size="xs" c="gray.7">
        {t('contacts.notVerified')}
      </Text>
    );
  return (
    <Text size="xs" c="teal.9" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <IconCircleCheck size={14} aria-hidden />
      {t('contacts.verifiedAt', { when: dateTime(at) })}
    </Text>
  );
}
