/**
 * The renderer's root: Mantine set up for the CSP (no injected <style>: theme variables come from
 * theme/theme.css), notifications, and the screen that follows from the session state.
 */
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './theme/theme.css';
import './app.css';
import './i18n'; // Before any screen: catalogues and the locale.

import { Button, Center, Loader, MantineProvider, Stack, Text } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from './components/AuthLayout';
import { ChangePasswordScreen } from './features/change-password/ChangePasswordScreen';
import { LockScreen } from './features/lock/LockScreen';
import { LoginScreen } from './features/login/LoginScreen';
import { SetupScreen } from './features/setup/SetupScreen';
import { StoreSetupGate } from './features/setup/StoreSetupGate';
import { Shell } from './features/shell/Shell';
import { useSessionKeeper } from './hooks/useSessionKeeper';
import { connectStores, selectPhase, useSessionStore } from './stores';
import { theme } from './theme/theme';

connectStores();

export interface AppProps {
  /** 'test' turns off transitions and portals (Testing Library). */
  env?: 'default' | 'test';
}

/** The whole renderer. */
export function App({ env = 'default' }: AppProps) {
  return (
    <MantineProvider
      theme={theme}
      env={env}
      forceColorScheme="light"
      withCssVariables={false}
      withGlobalClasses={false}
    >
      <Notifications position="bottom-right" zIndex={1000} />
      <Screens />
    </MantineProvider>
  );
}

/** Picks the top-level screen from the session state, and keeps the session alive. */
function Screens() {
  const phase = useSessionStore(selectPhase);
  const start = useSessionStore((s) => s.start);
  const { t } = useTranslation();
  useSessionKeeper();

  useEffect(() => {
    void start();
  }, [start]);

  switch (phase) {
    case 'starting':
      return (
        <Center mih="100vh">
          <Loader size="lg" aria-label={t('app.starting')} />
        </Center>
      );
    case 'unavailable':
      return <Unavailable />;
    case 'setup':
      return <SetupScreen />;
    case 'signedOut':
      return <LoginScreen />;
    case 'locked':
      return <LockScreen />;
    case 'changePassword':
      return <ChangePasswordScreen />;
    case 'ready':
      return (
        <StoreSetupGate>
          <Shell />
        </StoreSetupGate>
      );
  }
}

function Unavailable() {
  const message = useSessionStore((s) => s.startError);
  const start = useSessionStore((s) => s.start);
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('app.unavailableTitle')}>
      <Stack gap="md">
        <Text role="alert">{message}</Text>
        <Button onClick={() => void start()}>{t('app.tryAgain')}</Button>
      </Stack>
    </AuthLayout>
  );
}
