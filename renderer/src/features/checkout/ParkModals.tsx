import { Alert, Button, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParkedSale } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';
import { CheckoutModal } from './CheckoutModal';

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
 * "Parked sales": the carts put aside on this till (label, staff, items, time) with Resume and
 * Discard. Resuming while the current cart has items asks to park the current one first.
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
  const { dateTime } = useFormat();
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
          <Table aria-label={t('parked.title')} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('parked.label')}</Table.Th>
                <Table.Th>{t('parked.staff')}</Table.Th>
                <Table.Th>{t('parked.items')}</Table.Th>
                <Table.Th>{t('parked.parkedAt')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('parked.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {parked.map((p, i) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    {p.label || (
                      <Text span c="gray.7">
                        {t('parked.unlabelled')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{p.staff.name}</Table.Td>
                  <Table.Td>{p.lineCount}</Table.Td>
                  <Table.Td>{dateTime(p.createdAt)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="sm"
                        aria-label={t('parked.resumeOne', {
                          label: p.label || t('parked.numbered', { id: p.id }),
                        })}
                        disabled={busy}
                        data-autofocus={i === 0 || undefined}
                        onClick={() => {
                          setDiscarding(null);
                          if (currentItems > 0) setAsking(p);
                          else void run(() => onResume(p, false));
                        }}
                      >
                        {t('parked.resume')}
                      </Button>
                      <Button
                        size="sm"
                        variant="subtle"
                        color="red"
                        aria-label={t('parked.discardOne', {
                          label: p.label || t('parked.numbered', { id: p.id }),
                        })}
                        disabled={busy}
                        onClick={() => {
                          setAsking(null);
                          setDiscarding(p);
                        }}
                      >
                        {t('parked.discard')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </CheckoutModal>
  );
}
