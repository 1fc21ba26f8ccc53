import { Button, Center, Divider, Loader, Stack } from '@mantine/core';
import { Suspense, useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { lazyScreen } from '../../components/lazy-screen';
import { useSessionStore } from '../../stores/session';
import { RequestSent } from './RequestSent';
import { SignInForm } from './SignInForm';

type View = 'signIn' | 'request' | 'requestCode' | 'sent' | 'forgot';

/** The access request form loads after the sign-in form has drawn (it carries the zod rules). */
const RequestAccessForm = lazyScreen(() =>
  import('./RequestAccessForm').then((m) => m.RequestAccessForm),
);
/** "Forgot password" (issue 9, section 6), offered only while e-mail is set up; loaded on demand. */
const ForgotPasswordForm = lazyScreen(() =>
  import('./ForgotPasswordForm').then((m) => m.ForgotPasswordForm),
);

/** The code step after the password (2FA on): loaded only when a sign-in needs it. */
const CodeStep = lazyScreen(() => import('./CodeStep').then((m) => m.CodeStep));

/**
 * The sign-in screen, with the access request form and its confirmation as alternative views,
 * and the authenticator-code step once the password was right for a member with 2FA on.
 */
export function LoginScreen() {
  const { t } = useTranslation('auth');
  const [view, setView] = useState<View>('signIn');
  const codeStep = useSessionStore((s) => s.secondFactorUntil !== null);
  const back = () => setView('signIn');
  const [canReset, setCanReset] = useState(false);
  useEffect(() => {
    void RequestAccessForm.preload();
    call('reset:available').then(
      (r) => setCanReset(r.available),
      () => setCanReset(false),
    );
  }, []);
  const loading = (
    <Center>
      <Loader aria-label={t('login.request.loading')} />
    </Center>
  );
  if (codeStep)
    return (
      <AuthLayout title={t('login.code.title')} subtitle={t('login.code.subtitle')}>
        <Suspense fallback={loading}>
          <CodeStep />
        </Suspense>
      </AuthLayout>
    );
  return (
    <AuthLayout title={t(`login.${view}.title`)} subtitle={t(`login.${view}.subtitle`)}>
      {view === 'signIn' && (
        <Stack gap="md">
          <SignInForm />
          {canReset && (
            <Button variant="subtle" onClick={() => setView('forgot')}>
              {t('login.forgot.button')}
            </Button>
          )}
          <Divider label={t('login.newHere')} labelPosition="center" />
          <Button variant="light" onClick={() => setView('request')}>
            {t('login.request.button')}
          </Button>
        </Stack>
      )}
      {(view === 'request' || view === 'requestCode') && (
        <Suspense fallback={loading}>
          <RequestAccessForm
            onSent={() => setView('sent')}
            onCodeStep={() => setView('requestCode')}
            onCancel={back}
          />
        </Suspense>
      )}
      {view === 'sent' && <RequestSent onBack={back} />}
      {view === 'forgot' && (
        <Suspense
          fallback={
            <Center>
              <Loader aria-label={t('login.forgot.loading')} />
            </Center>
          }
        >
          <ForgotPasswordForm onDone={back} />
        </Suspense>
      )}
    </AuthLayout>
  );
}
