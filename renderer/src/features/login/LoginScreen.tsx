import { Button, Divider, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { RequestAccessForm } from './RequestAccessForm';
import { RequestSent } from './RequestSent';
import { SignInForm } from './SignInForm';

type View = 'signIn' | 'request' | 'sent';

/** The sign-in screen, with the access request form and its confirmation as alternative views. */
export function LoginScreen() {
  const { t } = useTranslation('auth');
  const [view, setView] = useState<View>('signIn');
  const back = () => setView('signIn');
  return (
    <AuthLayout title={t(`login.${view}.title`)} subtitle={t(`login.${view}.subtitle`)}>
      {view === 'signIn' && (
        <Stack gap="md">
          <SignInForm />
          <Divider label={t('login.newHere')} labelPosition="center" />
          <Button variant="light" onClick={() => setView('request')}>
            {t('login.request.button')}
          </Button>
        </Stack>
      )}
      {view === 'request' && <RequestAccessForm onSent={() => setView('sent')} onCancel={back} />}
      {view === 'sent' && <RequestSent onBack={back} />}
    </AuthLayout>
  );
}
