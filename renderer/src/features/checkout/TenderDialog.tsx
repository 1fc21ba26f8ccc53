import { ActionIcon, Button, Group, Kbd, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCash, IconCreditCard, IconTrash, IconWallet } from '@tabler/icons-react';
import { type KeyboardEvent, useState } from 'react';
import type { TenderType } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { formatMoney, parseMoney } from '../../../../shared/money';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { useCartStore } from '../../stores/cart';
import { cashNotes, type DraftTender, summarizeTenders, tenderRefusal } from './tenders';

const TENDER_NAMES: Record<TenderType, string> = { cash: 'Cash', card: 'Card', other: 'Other' };

/** What the cashier is told when `sales:checkout` fails; the sale id is kept for a retry. */
export function checkoutMessage(error: unknown): string {
  if (!(error instanceof AppError)) return messageFor(error);
  switch (error.code) {
    case 'TENDER_SHORT':
      return 'The payments do not cover the amount due. Add another payment.';
    case 'PRODUCT_UNAVAILABLE':
      return 'A product in this sale is not for sale any more. Close this and check the cart.';
    case 'CONFLICT':
      return 'This sale was already recorded with different payments. Check Transactions before taking payment again.';
    case 'INTERNAL':
      return 'The sale could not be confirmed. Try again: it will not be recorded twice.';
    default:
      return messageFor(error);
  }
}

/**
 * "Take payment": quick buttons (card or cash for what is left, cash notes), an amount for any
 * tender, several tenders for a split payment, remaining due and change due (cash only: card and
 * other may not come to more than the amount due, the rule the core enforces). "Complete sale"
 * sends `sales:checkout` with the cart, the tenders and the attempt's UUID, kept for a retry.
 */
export function TenderDialog({
  opened,
  total,
  currency,
  exponent,
  onClose,
}: {
  opened: boolean;
  /** The quoted total, minor units. */
  total: number;
  currency: string;
  exponent: number;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Take payment" size="lg">
      {opened && (
        <TenderForm total={total} currency={currency} exponent={exponent} onClose={onClose} />
      )}
    </Modal>
  );
}

function TenderForm({
  total,
  currency,
  exponent,
  onClose,
}: {
  total: number;
  currency: string;
  exponent: number;
  onClose: () => void;
}) {
  const [tenders, setTenders] = useState<DraftTender[]>([]);
  const [amountText, setAmountText] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const money = (minor: number) => formatMoney(minor, currency);
  const { remaining, change } = summarizeTenders(total, tenders);
  const noteFormat = new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: exponent,
  });

  const addTender = (type: TenderType, amount: number) => {
    const tender = { type, amount };
    const refusal = tenderRefusal(total, tenders, tender);
    if (refusal) {
      setAmountError(refusal);
      return;
    }
    setTenders((t) => [...t, tender]);
    setAmountText('');
    setAmountError(null);
    setError(null);
  };

  /** Card / Cash / Other: the typed amount, or what is left to pay. */
  const addTyped = (type: TenderType) => {
    if (amountText.trim() === '') {
      if (remaining === 0) {
        setAmountError('Nothing is left to pay.');
        return;
      }
      addTender(type, remaining);
      return;
    }
    const amount = parseMoney(amountText, exponent);
    if (amount === null || amount <= 0) {
      setAmountError(`Enter an amount like ${(1234 / 100).toFixed(Math.min(exponent, 2))}`);
      return;
    }
    addTender(type, amount);
  };

  const complete = async () => {
    if (busy || remaining > 0) return;
    const store = useCartStore.getState();
    const input = { ...store.cartInput(), id: store.attemptId(), tenders };
    setBusy(true);
    setError(null);
    try {
      const sale = await call('sales:checkout', input);
      useCartStore.getState().complete(sale);
    } catch (e) {
      setError(checkoutMessage(e));
      if (
        e instanceof AppError &&
        ['TENDER_SHORT', 'PRODUCT_UNAVAILABLE', 'VALIDATION_FAILED'].includes(e.code)
      )
        useCartStore.getState().requote();
    } finally {
      setBusy(false);
    }
  };

  const onAmountKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    if (amountText.trim() !== '') addTyped('cash');
    else if (remaining === 0) void complete();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'F12' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      void complete();
    }
  };

  return (
    <div onKeyDown={onKeyDown}>
      <Stack gap="md">
        <dl className="k-co-tender-figures">
          <div>
            <dt>Total due</dt>
            <dd>{money(total)}</dd>
          </div>
          <div data-done={remaining === 0 || undefined}>
            <dt>Remaining</dt>
            <dd aria-label="Remaining due">{money(remaining)}</dd>
          </div>
          <div data-change={change > 0 || undefined}>
            <dt>Change due</dt>
            <dd>{money(change)}</dd>
          </div>
        </dl>

        <div className="k-co-tender-entry">
          <TextInput
            label="Amount"
            placeholder={money(remaining)}
            description="Empty: what is left to pay. Enter adds it as cash."
            value={amountText}
            onChange={(e) => {
              setAmountText(e.currentTarget.value);
              setAmountError(null);
            }}
            onKeyDown={onAmountKey}
            error={amountError}
            inputMode="decimal"
            autoComplete="off"
            data-autofocus
          />
          <Group gap="xs">
            <Button leftSection={<IconCreditCard size={18} />} onClick={() => addTyped('card')}>
              Card
            </Button>
            <Button leftSection={<IconCash size={18} />} onClick={() => addTyped('cash')}>
              Cash
            </Button>
            <Button
              variant="default"
              leftSection={<IconWallet size={18} />}
              onClick={() => addTyped('other')}
            >
              Other
            </Button>
          </Group>
        </div>

        <Group gap="xs" aria-label="Cash notes" role="group">
          <Text size="sm" c="dimmed">
            Cash handed over:
          </Text>
          {cashNotes(exponent).map((n) => (
            <Button
              key={n}
              variant="light"
              aria-label={`${noteFormat.format(n / 10 ** exponent)} note`}
              onClick={() => addTender('cash', n)}
            >
              {noteFormat.format(n / 10 ** exponent)}
            </Button>
          ))}
        </Group>

        {tenders.length > 0 && (
          <ul className="k-co-tenders" aria-label="Tenders">
            {tenders.map((t, i) => (
              <li key={i}>
                <Text fw={600}>{TENDER_NAMES[t.type]}</Text>
                <Text className="k-co-num">{money(t.amount)}</Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove tender ${i + 1}`}
                  onClick={() => {
                    setTenders((all) => all.filter((_, j) => j !== i));
                    setError(null);
                  }}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </li>
            ))}
          </ul>
        )}

        <FormAlert message={error} />

        <Group justify="space-between" align="center" wrap="nowrap">
          <Text size="xs" c="dimmed">
            <Kbd>Enter</Kbd> add cash · <Kbd>F12</Kbd> complete · <Kbd>Esc</Kbd> back
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button
              color="green.8"
              size="lg"
              onClick={() => void complete()}
              loading={busy}
              disabled={remaining > 0}
            >
              Complete sale
            </Button>
          </Group>
        </Group>
      </Stack>
    </div>
  );
}
