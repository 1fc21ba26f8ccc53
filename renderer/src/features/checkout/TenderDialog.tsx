import { Button, Group, Stack, TextInput } from '@mantine/core';
import { IconCash, IconCreditCard, IconWallet } from '@tabler/icons-react';
import { type KeyboardEvent, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { HeldSaleNotice } from './HeldSaleNotice';
import { useFormat } from '../../format/locale';
import {
  BigTenderQuestion,
  CashHandedOver,
  TenderFigures,
  TenderFooter,
  TenderList,
} from './TenderParts';
import { CONFIRM_FACTOR } from './tenders';
import { CheckoutModal } from './CheckoutModal';
import type { HeldKey } from './useHeldKeys';
import { useTenderDraft } from './useTenderDraft';

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
  /** The keys typed after the pay key, before the dialog was there (usePayTypeAhead.ts). */
  takeTypedAhead: () => HeldKey[];
}

/**
 * "Take payment": quick buttons (card or cash for what is left, the cash a customer is likely to hand over), an amount for any
 * tender, several tenders for a split payment, remaining due and change due (cash only: card and
 * other may not come to more than the amount due, the rule the core enforces). "Complete sale"
 * sends `sales:checkout` with the cart, the tenders and the attempt's UUID, kept for a retry.
 *
 * Keys (issue 8, item 6): Enter on an empty Amount adds what is left as cash, and on a paid sale
 * completes it; F12 adds a typed amount as cash and completes, or says why it cannot. Amount
 * refuses a scanner's burst (item 1) and asks before taking over 100 × what is due. Keys typed
 * after the pay key, before the dialog was there, are its own: it opens with them played.
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
  takeTypedAhead,
}: TenderDialogProps) {
  const { t } = useTranslation('checkout');
  const { money } = useFormat();
  const draft = useTenderDraft({ total, currency, exponent, startWithCard, onScan });
  const { remaining, asking } = draft;
  const amountRef = useRef<HTMLInputElement>(null);

  // Once, as the dialog opens: the keys typed ahead, and the focus on Amount at once (the focus
  // trap moves it a task later, and a key typed meanwhile would go to the scan field). Escape
  // typed ahead closes it from a timer: the screen's own move of the focus back to the scan
  // field, a task after closing, then comes after the trap's first move into the dialog.
  useLayoutEffect(() => {
    if (draft.playTypedAhead(takeTypedAhead())) return void setTimeout(onClose);
    amountRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening only: the keys are taken once.
  }, []);

  const onAmountKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      draft.keyTyped(e.timeStamp);
      return;
    }
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    draft.enter(e.currentTarget.value, e.timeStamp);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'F12' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      draft.finish();
    } else if (e.key === 'F9') {
      e.preventDefault();
      draft.addTyped('card');
    }
  };

  return (
    <div onKeyDown={onKeyDown}>
      <Stack gap="md">
        <TenderFigures
          total={total}
          remaining={remaining}
          change={draft.change}
          currency={currency}
        />
        <div className="k-co-tender-entry">
          <TextInput
            ref={amountRef}
            label={t('pay.amount')}
            placeholder={money(remaining, currency)}
            description={t('pay.amountHelp')}
            value={draft.amountText}
            onChange={(e) => draft.typeAmount(e.currentTarget.value)}
            onKeyDown={onAmountKey}
            error={draft.amountError}
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
                draft.addTender(asking, true);
                amountRef.current?.focus();
              }}
              onChange={() => {
                draft.changeAsked();
                amountRef.current?.focus();
                amountRef.current?.select();
              }}
            />
          )}
          <Group gap="xs">
            <Button
              leftSection={<IconCreditCard size={18} />}
              onClick={() => draft.addTyped('card')}
            >
              {t('pay.type.card')}
            </Button>
            <Button leftSection={<IconCash size={18} />} onClick={() => draft.addTyped('cash')}>
              {t('pay.type.cash')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconWallet size={18} />}
              onClick={() => draft.addTyped('other')}
            >
              {t('pay.type.other')}
            </Button>
          </Group>
        </div>

        <CashHandedOver
          currency={currency}
          exponent={exponent}
          remaining={remaining}
          onAmount={(amount) => draft.addTender({ type: 'cash', amount })}
        />

        <TenderList tenders={draft.tenders} currency={currency} onRemove={draft.removeTender} />

        <FormAlert message={draft.error} />
        {draft.busy && <HeldSaleNotice />}

        <TenderFooter
          busy={draft.busy}
          remaining={remaining}
          onCancel={onClose}
          onComplete={draft.complete}
        />
      </Stack>
    </div>
  );
}
