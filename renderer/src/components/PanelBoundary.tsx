/**
 * An error boundary around one region of the till (issue 8, item 23): when a panel throws while
 * rendering, only that panel is replaced by a short notice with "Try again"; the header, the
 * navigation and the other panels keep working, so a broken report never blanks the checkout.
 * React still reports the error (console), so tests and logs see it.
 *
 * Hand-written because React offers error boundaries only as class components and the app needs
 * nothing more than this (no library is installed for it).
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PanelBoundaryProps {
  /** What the region is, for the notice ("Checkout", "Navigation"). */
  area: string;
  children: ReactNode;
  /** Called with what was caught; the default does nothing more than React's own report. */
  onError?: (error: unknown, info: ErrorInfo) => void;
}

interface PanelBoundaryState {
  failed: boolean;
}

/** Keeps a render error inside `children`; see the module comment. */
export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { failed: false };

  static getDerivedStateFromError(): PanelBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  private readonly retry = () => this.setState({ failed: false });

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <PanelFailed area={this.props.area} onRetry={this.retry} />;
  }
}

/** The notice shown in place of a broken region. */
function PanelFailed({ area, onRetry }: { area: string; onRetry: () => void }) {
  const { t } = useTranslation('shell');
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={t('boundary.title', { area })}
      className="k-panel-failed"
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('boundary.body')}</Text>
        <Button variant="default" size="sm" onClick={onRetry}>
          {t('boundary.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
