import { Button, Group, Stack, TextInput } from '@mantine/core';
import { IconCash, IconCreditCard, IconWallet } from '@tabler/icons-react';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TenderType } from '../../../../shared/contract';
import { parseMoney } from '../../../../shared/money';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';
import { createBurstTracker } from './scanner-burst';
import {
  BigTenderQuestion,
  CashNotes,
  TenderFigures,
  TenderFooter,
  TenderList,
} from './TenderParts';
import {
  CONFIRM_FACTOR,
  type DraftTender,
  needsConfirmation,
  summarizeTenders,
  tenderRefusal,
} from './tenders';
import { CheckoutModal } from './CheckoutModal';
import { useCompleteSale } from './useCompleteSale';

export interface TenderDialogProps {
  opened: boolean;
  /** The quoted total, minor units. */
  total: number;
  currency: string;
  exponent: number;
  /** Open with what is due already added as a card payment (the card shortcut, F9). */
  startWithCard: boolean;
  onClose: () => void;
  /** A scanner typed `code` into Amount: it is not a payment, the screen rings it up as a scan. */
  onScan: (code: string) => void;
}

/**
 * "Take payment": quick buttons (card or cash for what is left, cash notes), an amount for any
 * tender, several tenders for a split payment, remaining due and change due (cash only: card and
 * other may not come to more than the amount due, the rule the core enforces). "Complete sale"
 * sends `sales:checkout` with the cart, the tenders and the attempt's UUID, kept for a retry.
 *
 * Keys (issue 8, item 6): Enter on an empty Amount adds what is left as cash, and on a paid sale
 * completes it; F12 adds a typed amount as cash and completes, or says why it cannot. Amount
 * refuses a scanner's burst (item 1) and asks before taking over 100 × what is due.
 */
export function TenderDialog(props: TenderDialogProps) {
  const { t } = useTranslation('checkout');
  return (
    <CheckoutModal opened={props.opened} onClose={props.onClose} title={t('pay.title')} size="lg">
      {props.opened && <TenderForm {...props} />}
    </CheckoutModal>
  );
}

function TenderForm({
  total,
  currency,
  exponent,
  startWithCard,
  onClose,
  onScan,
}: TenderDialogProps) {
  const { t } = useTranslation('checkout');
  const { money } = useFormat();
  const [tenders, setTenders] = useState<DraftTender[]>(() =>
    startWithCard && total > 0 ? [{ type: 'card', amount: total }] : [],
  );
  const [amountText, setAmountText] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [asking, setAsking] = useState<DraftTender | null>(null);
  const { busy, error, setError, complete } = useCompleteSale(total, currency);
  const burst = useRef(createBurstTracker());
  const amountRef = useRef<HTMLInputElement>(null);
  const { remaining, change } = summarizeTenders(total, tenders);

  /** Adds `tender` (after the checks); returns the new list, or null if it was not added. */
  const addTender = (tender: DraftTender, confirmed = false): DraftTender[] | null => {
    const refusal = tenderRefusal(total, tenders, tender);
    if (refusal) {
      setAmountError(refusal);
      return null;
    }
    if (!confirmed && needsConfirmation(total, tenders, tender)) {
      setAsking(tender);
      return null;
    }
    const next = [...tenders, tender];
    setTenders(next);
    setAmountText('');
    setAmountError(null);
    setAsking(null);
    setError(null);
    return next;
  };

  /** Card / Cash / Other: the typed amount, or what is left to pay. */
  const addTyped = (type: TenderType): DraftTender[] | null => {
    if (amountText.trim() === '') {
      if (remaining === 0) {
        setAmountError(t('tender.refuse.nothingLeft'));
        return null;
      }
      return addTender({ type, amount: remaining });
    }
    const amount = parseMoney(amountText, exponent);
    if (amount === null || amount <= 0) {
      setAmountError(
        t('pay.amountInvalid', { example: (1234 / 100).toFixed(Math.min(exponent, 2)) }),
      );
      return null;
    }
    return addTender({ type, amount });
  };

  /** F12: the typed amount (as cash) and complete; or complete what is there; or say why not. */
  const finish = () => {
    if (busy || asking) return;
    if (amountText.trim() === '') return void complete(tenders);
    const next = addTyped('cash');
    if (next) void complete(next);
  };

  const onAmountKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      burst.current.key(e.timeStamp);
      return;
    }
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const value = e.currentTarget.value;
    // A scan: the whole field is taken as the code (a busy till may stretch the gap after the
    // first key, and an amount typed before a scan is no payment either).
    if (burst.current.enter(e.timeStamp) > 0) {
      setAmountText('');
      onScan(value.trim());
      return;
    }
    if (value.trim() !== '') addTyped('cash');
    else if (remaining > 0) addTender({ type: 'cash', amount: remaining });
    else void complete(tenders);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'F12' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      finish();
    } else if (e.key === 'F9') {
      e.preventDefault();
      addTyped('card');
    }
  };

  return (
    <div onKeyDown={onKeyDown}>
      <Stack gap="md">
        <TenderFigures total={total} remaining={remaining} change={change} currency={currency} />
        <div className="k-co-tender-entry">
          <TextInput
            ref={amountRef}
            label={t('pay.amount')}
            placeholder={money(remaining, currency)}
            description={t('pay.amountHelp')}
            value={amountText}
            onChange={(e) => {
              setAmountText(e.currentTarget.value);
              if (e.currentTarget.value === '') burst.current.reset();
              setAmountError(null);
              setAsking(null);
            }}
            onKeyDown={onAmountKey}
            error={amountError}
            inputMode="decimal"
            autoComplete="off"
            data-autofocus
          />
          {asking && (
            <BigTenderQuestion
              amount={asking.amount}
              due={remaining}
              factor={CONFIRM_FACTOR}
              currency={currency}
              onTake={() => {
                addTender(asking, true);
                amountRef.current?.focus();
              }}
              onChange={() => {
                setAsking(null);
                amountRef.current?.focus();
                amountRef.current?.select();
              }}
            />
          )}
          <Group gap="xs">
            <Button leftSection={<IconCreditCard size={18} />} onClick={() => addTyped('card')}>
              {t('pay.type.card')}
            </Button>
            <Button leftSection={<IconCash size={18} />} onClick={() => addTyped('cash')}>
              {t('pay.type.cash')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconWallet size={18} />}
              onClick={() => addTyped('other')}
            >
              {t('pay.type.other')}
            </Button>
          </Group>
        </div>

        <CashNotes
          currency={currency}
          exponent={exponent}
          onNote={(amount) => addTender({ type: 'cash', amount })}
        />

        <TenderList
          tenders={tenders}
          currency={currency}
          onRemove={(i) => {
            setTenders((all) => all.filter((_, j) => j !== i));
            setError(null);
          }}
        />

        <FormAlert message={error} />

        <TenderFooter
          busy={busy}
          remaining={remaining}
          onCancel={onClose}
          onComplete={() => void complete(tenders)}
        />
      </Stack>
    </div>
  );
}
