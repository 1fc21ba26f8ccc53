import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../stores/session';
import { BrandMark } from './BrandMark';
import { SafeModeBanner } from './SafeModeBanner';
import { StorageBanner } from './StorageBanner';

export interface AuthLayoutProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}

/**
 * The centred card used by every screen before the app itself: set-up, sign-in, lock, password;
 * above it, the safe-mode and storage warnings (a till whose store server is away says so before
 * anyone signs in).
 */
export function AuthLayout({ title, subtitle, children }: AuthLayoutProps) {
  const terminalName = useSessionStore((s) => s.status?.terminalName ?? '');
  const { t } = useTranslation('shell');
  return (
    <main className="k-auth">
      <Stack gap="lg" className="k-auth-column">
        <Stack gap={4} align="center">
          <BrandMark size={44} />
          {terminalName && (
            <Text c="dimmed" size="sm">
              {t('till', { name: terminalName })}
            </Text>
          )}
        </Stack>
        <SafeModeBanner />
        <StorageBanner />
        <Paper shadow="sm" radius="lg" p="xl" withBorder>
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1} size="h2">
                {title}
              </Title>
              {subtitle && <Text c="dimmed">{subtitle}</Text>}
            </Stack>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </main>
  );
}
