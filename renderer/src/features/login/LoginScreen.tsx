import { Button, Divider, Stack } from '@mantine/core';
import { useState } from 'react';
import { AuthLayout } from '../../components/AuthLayout';
import { RequestAccessForm } from './RequestAccessForm';
import { RequestSent } from './RequestSent';
import { SignInForm } from './SignInForm';

type View = 'signIn' | 'request' | 'sent';

const TITLES: Record<View, { title: string; subtitle: string }> = {
  signIn: { title: 'Sign in', subtitle: 'Sign in with your username or email.' },
  request: {
    title: 'Request access',
    subtitle: 'New here? Ask for an account; an admin approves it.',
  },
  sent: { title: 'Request sent', subtitle: 'Thank you. Your request is waiting for approval.' },
};

/** The sign-in screen, with the access request form and its confirmation as alternative views. */
export function LoginScreen() {
  const [view, setView] = useState<View>('signIn');
  const back = () => setView('signIn');
  return (
    <AuthLayout title={TITLES[view].title} subtitle={TITLES[view].subtitle}>
      {view === 'signIn' && (
        <Stack gap="md">
          <SignInForm />
          <Divider label="New to this till?" labelPosition="center" />
          <Button variant="light" onClick={() => setView('request')}>
            Request access
          </Button>
        </Stack>
      )}
      {view === 'request' && <RequestAccessForm onSent={() => setView('sent')} onCancel={back} />}
      {view === 'sent' && <RequestSent onBack={back} />}
    </AuthLayout>
  );
}
