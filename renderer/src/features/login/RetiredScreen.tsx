import { Alert, Text } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { useFormat } from '../../format/locale';
import { useSessionStore } from '../../stores/session';

/**
 * Shown instead of sign-in once an admin retired this till from its store server
 * (`storeServer:retireTill`, issue 12; app:status `retired`): when and by whom, and what can be
 * done. Nothing else answers on a retired till (TILL_RETIRED), so there is nothing to press.
 */
export function RetiredScreen() {
  const { t } = useTranslation('shell');
  const { dateTime } = useFormat();
  const retired = useSessionStore((s) => s.status?.retired);
  if (!retired) return null;
  return (
    <AuthLayout title={t('retired.title')}>
      <Alert color="red" variant="light" icon={<IconBuildingStore size={20} aria-hidden />}>
        {t(retired.by ? 'retired.when' : 'retired.whenNoName', {
          when: dateTime(retired.at),
          name: retired.by,
        })}
      </Alert>
      <Text size="sm">{t('retired.next')}</Text>
    </AuthLayout>
  );
}
