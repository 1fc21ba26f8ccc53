import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { ParkedSale } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { formatDateTime } from '../../format/time';

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
  return (
    <Modal opened={opened} onClose={onClose} title="Park sale" size="sm">
      {opened && <ParkForm onClose={onClose} onPark={onPark} />}
    </Modal>
  );
}

function ParkForm({
  onClose,
  onPark,
}: {
  onClose: () => void;
  onPark: (label: string) => Promise<string | null>;
}) {
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
          label="Label (optional)"
          description="Helps find it again, e.g. the customer's name."
          maxLength={60}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          data-autofocus
          autoComplete="off"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Park
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
    <Modal
      opened={opened}
      onClose={() => {
        setAsking(null);
        setDiscarding(null);
        onClose();
      }}
      title="Parked sales"
      size="xl"
    >
      <Stack gap="md">
        <FormAlert message={error} />
        {asking && (
          <Alert color="yellow" variant="light" title="The current sale is not empty">
            <Stack gap="sm">
              <Text size="sm">
                It has {currentItems} {currentItems === 1 ? 'line' : 'lines'}. Park it before
                resuming “{asking.label || 'Unlabelled sale'}”?
              </Text>
              <Group gap="sm">
                <Button
                  size="sm"
                  loading={busy}
                  onClick={() => void run(() => onResume(asking, true))}
                  data-autofocus
                >
                  Park current and resume
                </Button>
                <Button size="sm" variant="default" onClick={() => setAsking(null)}>
                  Keep the current sale
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {discarding && (
          <Alert color="red" variant="light" title="Discard this parked sale?">
            <Stack gap="sm">
              <Text size="sm">
                “{discarding.label || 'Unlabelled sale'}” will be thrown away. This cannot be
                undone.
              </Text>
              <Group gap="sm">
                <Button
                  size="sm"
                  color="red"
                  loading={busy}
                  onClick={() => void run(() => onDiscard(discarding))}
                >
                  Discard it
                </Button>
                <Button size="sm" variant="default" onClick={() => setDiscarding(null)}>
                  Keep it
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {parked.length === 0 ? (
          <Text c="dimmed" ta="center" p="lg">
            No sales are parked on this till.
          </Text>
        ) : (
          <Table aria-label="Parked sales" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Label</Table.Th>
                <Table.Th>Staff</Table.Th>
                <Table.Th>Items</Table.Th>
                <Table.Th>Parked</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {parked.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    {p.label || (
                      <Text span c="dimmed">
                        Unlabelled
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{p.staff.name}</Table.Td>
                  <Table.Td>{p.lineCount}</Table.Td>
                  <Table.Td>{formatDateTime(p.createdAt)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="sm"
                        aria-label={`Resume ${p.label || `parked sale ${p.id}`}`}
                        disabled={busy}
                        onClick={() => {
                          setDiscarding(null);
                          if (currentItems > 0) setAsking(p);
                          else void run(() => onResume(p, false));
                        }}
                      >
                        Resume
                      </Button>
                      <Button
                        size="sm"
                        variant="subtle"
                        color="red"
                        aria-label={`Discard ${p.label || `parked sale ${p.id}`}`}
                        disabled={busy}
                        onClick={() => {
                          setAsking(null);
                          setDiscarding(p);
                        }}
                      >
                        Discard
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Modal>
  );
}
