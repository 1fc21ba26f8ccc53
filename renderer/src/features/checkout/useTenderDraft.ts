/**
 * The payment dialog's draft (TenderDialog.tsx): the tenders added so far, the Amount text, and
 * what the dialog's keys and buttons do with them. The rules are tenders.ts's (card and other
 * may not come to more than is left, cash may and gives change; a tender over CONFIRM_FACTOR ×
 * what is due is asked about first), and Amount tells a scanner's code from a person's amount by
 * the keys' times (scanner-burst.ts). Amounts are minor units.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TenderType } from '../../../../shared/contract';
import { parseMoney } from '../../../../shared/money';
import { createBurstTracker } from './scanner-burst';
import { type DraftTender, needsConfirmation, summarizeTenders, tenderRefusal } from './tenders';
import { useCompleteSale } from './useCompleteSale';
import type { HeldKey } from './useHeldKeys';
import { typedAhead } from './usePayTypeAhead';

export interface TenderDraftOptions {
  /** The quoted total, minor units. */
  total: number;
  currency: string;
  exponent: number;
  /** Start with what is due added as a card payment (F9). */
  startWithCard: boolean;
  /** A scanner typed `code` into Amount: it is not a payment (the screen rings it up). */
  onScan: (code: string) => void;
}

/**
 * The draft of one payment dialog, from its opening (see the module comment): the tenders
 * (minor units), what is left and the change due, Amount's text and error, and the actions its
 * keys and buttons call. `complete` sends `sales:checkout` (useCompleteSale.ts).
 */
export function useTenderDraft({
  total,
  currency,
  exponent,
  startWithCard,
  onScan,
}: TenderDraftOptions) {
  const { t } = useTranslation('checkout');
  const [tenders, setTenders] = useState<DraftTender[]>(() =>
    startWithCard && total > 0 ? [{ type: 'card', amount: total }] : [],
  );
  const [amountText, setAmountText] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [asking, setAsking] = useState<DraftTender | null>(null);
  const { busy, error, setError, complete } = useCompleteSale(total, currency);
  const burst = useRef(createBurstTracker());
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

  /** Card / Cash / Other: the typed amount (`text`), or what is left to pay. */
  const addTyped = (type: TenderType, text = amountText): DraftTender[] | null => {
    if (text.trim() === '') {
      if (remaining === 0) {
        setAmountError(t('tender.refuse.nothingLeft'));
        return null;
      }
      return addTender({ type, amount: remaining });
    }
    const amount = parseMoney(text, exponent);
    if (amount === null || amount <= 0) {
      setAmountError(
        t('pay.amountInvalid', { example: (1234 / 100).toFixed(Math.min(exponent, 2)) }),
      );
      return null;
    }
    return addTender({ type, amount });
  };

  /** F12: the typed amount (as cash) and complete; or complete what is there; or say why not. */
  const finish = (text = amountText) => {
    if (busy || asking) return;
    if (text.trim() === '') return void complete(tenders);
    const next = addTyped('cash', text);
    if (next) void complete(next);
  };

  /** Enter in Amount holding `value`, pressed at `time` (`KeyboardEvent.timeStamp`, ms). */
  const enter = (value: string, time: number) => {
    // A scan: the whole field is taken as the code (a busy till may stretch the gap after the
    // first key, and an amount typed before a scan is no payment either).
    if (burst.current.enter(time) > 0) {
      setAmountText('');
      onScan(value.trim());
      return;
    }
    if (value.trim() !== '') addTyped('cash', value);
    else if (remaining > 0) addTender({ type: 'cash', amount: remaining });
    else void complete(tenders);
  };

  return {
    tenders,
    remaining,
    change,
    amountText,
    amountError,
    /** The tender waiting for "Take it" or "Change the amount", if any. */
    asking,
    busy,
    error,
    addTender,
    addTyped,
    /** Amount was edited to `text`. */
    typeAmount: (text: string) => {
      setAmountText(text);
      if (text === '') burst.current.reset();
      setAmountError(null);
      setAsking(null);
    },
    /** A character typed into Amount at `time` (`KeyboardEvent.timeStamp`, ms). */
    keyTyped: (time: number) => burst.current.key(time),
    /** The big tender is not taken; the amount is to be changed. */
    changeAsked: () => setAsking(null),
    finish,
    enter,
    /**
     * Plays the keys typed before the dialog was there (usePayTypeAhead.ts): their text into
     * Amount, then the key that acted. True when that key was Escape: the dialog is to close.
     */
    playTypedAhead: (keys: readonly HeldKey[]): boolean => {
      const { text, action } = typedAhead(keys, burst.current);
      if (action?.key === 'Escape') return true;
      setAmountText(text);
      if (action?.key === 'Enter') enter(text, action.timeStamp);
      else if (action?.key === 'F12') finish(text);
      else if (action?.key === 'F9') addTyped('card', text);
      return false;
    },
    removeTender: (index: number) => {
      setTenders((all) => all.filter((_, j) => j !== index));
      setError(null);
    },
    /** "Complete sale": `sales:checkout` with the tenders so far. */
    complete: () => void complete(tenders),
  };
}
