import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/notify';
import { count } from '../../format/locale';
import { localeSettled, t as translate } from '../../i18n';
import { can, useSessionStore } from '../../stores/session';
import { useSettingsStore } from '../../stores/settings';
import { lazyScreen } from '../../components/lazy-screen';

/** Its own chunk: the sign-in screen's JavaScript stays small (item 23). */
const StoreSetupScreen = lazyScreen(() =>
  import('./StoreSetupScreen').then((m) => m.StoreSetupScreen),
);

/** Fetches the store set-up's code ahead of time (see App's `preloadAllScreens`). */
export const preloadStoreSetup = () => StoreSetupScreen.preload();

/**
 * Shows the store set-up instead of `children` (the app) while it is asked for: right after the
 * first admin is created, or from the "not set up yet" banner. Only for a member who may change
 * settings, and only while the store is not set up.
 */
export function StoreSetupGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('setup');
  const requested = useSettingsStore((s) => s.setupRequested);
  const settings = useSettingsStore((s) => s.settings);
  const requestSetup = useSettingsStore((s) => s.requestSetup);
  const allowed = useSessionStore((s) => can(s.session, 'settings.manage'));

  if (!requested || !allowed || settings?.storeSetUp) return <>{children}</>;
  if (!settings)
    return (
      <Center mih="100vh">
        <Loader size="lg" aria-label={t('loading')} />
      </Center>
    );
  return (
    <StoreSetupScreen
      settings={settings}
      onDone={(demo) => {
        requestSetup(false);
        // In the language just chosen, once its texts are here: the hook's `t` still speaks the
        // one this render had.
        void localeSettled().then(() =>
          notifySuccess(
            demo
              ? translate('setup:doneWithDemo', {
                  count: demo.salesCreated + demo.refundsCreated,
                  formatted: count(demo.salesCreated + demo.refundsCreated),
                })
              : translate('setup:done'),
          ),
        );
      }}
    />
  );
}
