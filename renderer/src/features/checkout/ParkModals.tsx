import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParkedSale } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { CheckoutModal } from './CheckoutModal';
import { ParkedSalesTable } from './ParkedSalesTable';

/** "Park sale": an optional label (e.g. "Blue coat, back soon"), then the cart is put aside. */
export function ParkSaleModal({
  opened,
  onClose,
  onPark,
}: {
  opened: boolean;
  onClose: () => void;
  /** Parks the cart; resolves to an error message, or null when parked. */
  onPark: (label: string) => Promise<string | null>;
}) {
  const { t } = useTranslation('checkout');
  return (
    <CheckoutModal opened={opened} onClose={onClose} title={t('park.title')} size="sm">
      {opened && <ParkForm onClose={onClose} onPark={onPark} />}
    </CheckoutModal>
  );
}

function ParkForm({
  onClose,
  onPark,
}: {
  onClose: () => void;
  onPark: (label: string) => Promise<string | null>;
}) {
  const { t } = useTranslation('checkout');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const failed = await onPark(label);
    setBusy(false);
    if (failed) setError(failed);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <FormAlert message={error} />
        <TextInput
          label={t('park.label')}
          description={t('park.labelHelp')}
          maxLength={60}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          data-autofocus
          autoComplete="off"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('park.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('park.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Parked sales": the carts put aside (on this till, and on a store server on the others too;
 * ParkedSalesTable) with Resume and Discard. Resuming while the current cart has items asks to
 * park the current one first.
 */
export function ParkedSalesModal({
  opened,
  parked,
  error,
  currentItems,
  onClose,
  onResume,
  onDiscard,
}: {
  opened: boolean;
  parked: ParkedSale[];
  error: string | null;
  /** Lines in the cart on screen now. */
  currentItems: number;
  onClose: () => void;
  /** `parkCurrent`: park the cart on screen first. */
  onResume: (sale: ParkedSale, parkCurrent: boolean) => Promise<void>;
  onDiscard: (sale: ParkedSale) => Promise<void>;
}) {
  const { t } = useTranslation('checkout');
  const [asking, setAsking] = useState<ParkedSale | null>(null);
  const [discarding, setDiscarding] = useState<ParkedSale | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
      setAsking(null);
      setDiscarding(null);
    }
  };

  return (
    <CheckoutModal
      opened={opened}
      onClose={() => {
        setAsking(null);
        setDiscarding(null);
        onClose();
      }}
      title={t('parked.title')}
      size="xl"
    >
      <Stack gap="md">
        <FormAlert message={error} />
        {asking && (
          <Alert color="yellow" variant="light" title={t('parked.notEmpty')}>
            <Stack gap="sm">
              <Text size="sm">
                {t('parked.parkFirst', {
                  count: currentItems,
                  label: asking.label || t('parked.unlabelledSale'),
                })}
              </Text>
              <Group gap="sm">
                <Button
                  size="sm"
                  loading={busy}
                  onClick={() => void run(() => onResume(asking, true))}
                  data-autofocus
                >
                  {t('parked.parkAndResume')}
                </Button>
                <Button size="sm" variant="default" onClick={() => setAsking(null)}>
                  {t('parked.keepCurrent')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {discarding && (
          <Alert color="red" variant="light" title={t('parked.discardTitle')}>
            <Stack gap="sm">
              <Text size="sm">
                {t('parked.discardText', { label: discarding.label || t('parked.unlabelledSale') })}
              </Text>
              <Group gap="sm">
                <Button
                  size="sm"
                  color="red"
                  loading={busy}
                  onClick={() => void run(() => onDiscard(discarding))}
                >
                  {t('parked.discardIt')}
                </Button>
                <Button size="sm" variant="default" onClick={() => setDiscarding(null)}>
                  {t('parked.keepIt')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {parked.length === 0 ? (
          <Text c="gray.7" ta="center" p="lg">
            {t('parked.none')}
          </Text>
        ) : (
          <ParkedSalesTable
            parked={parked}
            busy={busy}
            onResume={(p) => {
              setDiscarding(null);
              if (currentItems > 0) setAsking(p);
              else void run(() => onResume(p, false));
            }}
            onDiscard={(p) => {
              setAsking(null);
              setDiscarding(p);
            }}
          />
        )}
      </Stack>
    </CheckoutModal>
  );
}
