/**
 * The renderer's root: Mantine set up for the CSP (no injected <style>: theme variables come from
 * theme/theme.css), notifications, and the screen that follows from the session state.
 *
 * Only the sign-in screen is in the first chunk; set-up, lock, the forced password change and the
 * signed-in shell load on demand (issue 8, item 23; tests/renderer/bundle-size.test.ts keeps the
 * sign-in JavaScript within budget). A last error boundary keeps a render error from leaving a
 * blank window.
 */
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './theme/theme.css';
import './app.css';
import './i18n'; // Before any screen: catalogues and the locale.

import { Button, Center, Loader, MantineProvider, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from './components/AuthLayout';
import { lazyScreen } from './components/lazy-screen';
import { PanelBoundary } from './components/PanelBoundary';
import { LoginScreen } from './features/login/LoginScreen';
import { preloadStoreSetup, StoreSetupGate } from './features/setup/StoreSetupGate';
import { useSessionKeeper } from './hooks/useSessionKeeper';
import { connectStores, selectPhase, useSessionStore } from './stores';
import { theme } from './theme/theme';

connectStores();

// The toast container (and its transition library) is not needed to draw the sign-in screen.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

/** The top-level screens other than sign-in, each its own chunk. */
export const TOP_SCREENS = {
  setup: lazyScreen(() => import('./features/setup/SetupScreen').then((m) => m.SetupScreen)),
  lock: lazyScreen(() => import('./features/lock/LockScreen').then((m) => m.LockScreen)),
  changePassword: lazyScreen(() =>
    import('./features/change-password/ChangePasswordScreen').then((m) => m.ChangePasswordScreen),
  ),
  shell: lazyScreen(() => import('./features/shell/Shell').then((m) => m.Shell)),
  enrolTwoFactor: lazyScreen(() =>
    import('./features/profile/TwoFactorEnrolScreen').then((m) => m.TwoFactorEnrolScreen),
  ),
  verifyContact: lazyScreen(() =>
    import('./features/profile/VerifyContactScreen').then((m) => m.VerifyContactScreen),
  ),
  retired: lazyScreen(() => import('./features/login/RetiredScreen').then((m) => m.RetiredScreen)),
};
const {
  setup: SetupScreen,
  lock: LockScreen,
  changePassword: ChangePasswordScreen,
  shell: Shell,
  enrolTwoFactor: TwoFactorEnrolScreen,
  verifyContact: VerifyContactScreen,
  retired: RetiredScreen,
} = TOP_SCREENS;

export interface AppProps {
  /** 'test' turns off transitions and portals (Testing Library). */
  env?: 'default' | 'test';
}

/** Fetches the code of every screen ahead of time (tests; a till that must never wait). */
export function preloadAllScreens(): Promise<unknown> {
  return Promise.all([
    ...Object.values(TOP_SCREENS).map((screen) => screen.preload()),
    preloadStoreSetup(),
    import('./features/shell/screens').then((m) => m.preloadScreens()),
  ]);
}

/** The whole renderer. */
export function App({ env = 'default' }: AppProps) {
  const { t } = useTranslation('shell');
  return (
    <MantineProvider
      theme={theme}
      env={env}
      forceColorScheme="light"
      withCssVariables={false}
      withGlobalClasses={false}
    >
      <Suspense>
        {/* Bottom left: a dialog's buttons and the till's Pay and Park sit on the right, and a
            toast there covered them (a paused toast stays while the pointer is on it). */}
        <Notifications position="bottom-left" zIndex={1000} />
      </Suspense>
      <PanelBoundary area={t('brand')}>
        <Suspense fallback={<Starting />}>
          <Screens />
        </Suspense>
      </PanelBoundary>
    </MantineProvider>
  );
}

/** Picks the top-level screen from the session state, and keeps the session alive. */
function Screens() {
  const phase = useSessionStore(selectPhase);
  const start = useSessionStore((s) => s.start);
  useSessionKeeper();

  useEffect(() => {
    void start();
  }, [start]);

  // While the sign-in screen shows, fetch the signed-in app's code, so signing in is instant.
  useEffect(() => {
    if (phase === 'signedOut') void Shell.preload().catch(() => {});
  }, [phase]);

  switch (phase) {
    case 'starting':
      return <Starting />;
    case 'unavailable':
      return <Unavailable />;
    case 'retired':
      return <RetiredScreen />;
    case 'setup':
      return <SetupScreen />;
    case 'signedOut':
      return <LoginScreen />;
    case 'locked':
      return <LockScreen />;
    case 'changePassword':
      return <ChangePasswordScreen />;
    case 'enrolTwoFactor':
      return <TwoFactorEnrolScreen />;
    case 'verifyContact':
      return <VerifyContactScreen />;
    case 'ready':
      return (
        <StoreSetupGate>
          <Shell />
        </StoreSetupGate>
      );
  }
}

function Starting() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh">
      <Loader size="lg" aria-label={t('app.starting')} />
    </Center>
  );
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
