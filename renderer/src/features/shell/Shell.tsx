import { Box, Center, Loader } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IntegrityBanner } from '../../components/IntegrityBanner';
import { PanelBoundary } from '../../components/PanelBoundary';
import { SafeModeBanner } from '../../components/SafeModeBanner';
import { StorageBanner } from '../../components/StorageBanner';
import { useNavigationStore } from '../../stores/navigation';
import { useSessionStore } from '../../stores/session';
import { BackupBanner } from '../backups/BackupBanner';
import { CartTakeover } from '../cart-takeover/CartTakeover';
import { ChangePasswordModal } from '../change-password/ChangePasswordModal';
import { NothingToShow } from '../placeholders/NothingToShow';
import { ReauthDialog } from '../reauth/ReauthDialog';
import { StoreSetupBanner } from '../setup/StoreSetupBanner';
import { type NavItem, resolveScreen, visibleNavItems } from './navigation';
import { preloadScreens, SCREENS } from './screens';
import { ShellHeader } from './ShellHeader';
import { ShellNav } from './ShellNav';

/**
 * The signed-in app: header, navigation by permission, the current screen, and shared dialogs.
 * Each region sits in its own error boundary (issue 8, item 23), so one broken panel leaves the
 * others working; the screen's boundary starts afresh when the member switches screens.
 */
export function Shell() {
  const permissions = useSessionStore((s) => s.session?.permissions);
  const chosen = useNavigationStore((s) => s.screen);
  const go = useNavigationStore((s) => s.go);
  const [changingPassword, setChangingPassword] = useState(false);
  const { t } = useTranslation('shell');
  const items = visibleNavItems(permissions ?? []);
  const current = resolveScreen(chosen, items);
  const allowed = items.map((item) => item.id).join(' ');
  // The header's height (border box, px), so what sticks below it is never under it (app.css).
  const header = useElementSize();

  // Fetch the code of every screen this member may open, so none waits mid-sale.
  useEffect(() => {
    if (allowed) void preloadScreens(allowed.split(' ') as NavItem['id'][]).catch(() => {});
  }, [allowed]);

  return (
    <Box className="k-shell" __vars={{ '--k-header-h': `${header.height}px` }}>
      <PanelBoundary area={t('regions.header')}>
        <ShellHeader ref={header.ref} onChangePassword={() => setChangingPassword(true)} />
      </PanelBoundary>
      <PanelBoundary area={t('regions.navigation')}>
        <ShellNav items={items} current={current?.id ?? null} onSelect={go} />
      </PanelBoundary>
      <main className="k-shell-main">
        <PanelBoundary area={t('regions.notices')}>
          <SafeModeBanner />
        </PanelBoundary>
        <PanelBoundary area={t('regions.notices')}>
          <StorageBanner />
        </PanelBoundary>
        <PanelBoundary area={t('regions.notices')}>
          <IntegrityBanner />
        </PanelBoundary>
        <PanelBoundary area={t('regions.notices')}>
          <BackupBanner />
        </PanelBoundary>
        <PanelBoundary area={t('regions.notices')}>
          <StoreSetupBanner />
        </PanelBoundary>
        <PanelBoundary key={current?.id ?? 'none'} area={t(current?.label ?? 'regions.screen')}>
          <ScreenOutlet item={current} />
        </PanelBoundary>
        <PanelBoundary area={t('regions.dialogs')}>
          <ChangePasswordModal
            opened={changingPassword}
            onClose={() => setChangingPassword(false)}
          />
          <ReauthDialog />
          <CartTakeover />
        </PanelBoundary>
      </main>
    </Box>
  );
}

function ScreenOutlet({ item }: { item: NavItem | null }) {
  const { t } = useTranslation('shell');
  if (!item) return <NothingToShow />;
  const Screen = SCREENS[item.id];
  return (
    <Suspense
      fallback={
        <Center mih={240}>
          <Loader aria-label={t('loadingScreen', { screen: t(item.label) })} />
        </Center>
      }
    >
      <Screen />
    </Suspense>
  );
}
