import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftFigures, ZReport } from '../../../../shared/contract';
import { countTotal, noteRequired } from '../../../../shared/denominations';
import { AppError } from '../../../../shared/errors';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { useBusy } from '../../hooks/useBusy';
import { can, useSessionStore } from '../../stores/session';
import { useShiftsStore } from '../../stores/shifts';
import { compare, countedOther, OTHER_TENDERS, type OtherDraft, otherAmount } from './close-draft';
import { type CountDraft, draftCount, emptyDraft } from './count-draft';
import { useCashTable } from './use-cash-table';

export type CloseStep = 'count' | 'cash' | 'tenders' | 'review' | 'z';
export const CLOSE_STEPS: CloseStep[] = ['count', 'cash', 'tenders', 'review', 'z'];

/**
 * The close-shift wizard's state and steps (issue 10, section 1): the blind cash count, then
 * (for members with reports.view) the X report's expected figures, the other tenders, the
 * over/short review with its note rule (`noteRequired`, the store's threshold; the core's
 * SHIFT_NOTE_REQUIRED asks too), and the Z report the close returns. `next` submits the current
 * step; amounts are minor units of the store's currency. With `shiftId`, the open shift of another
 * till of the store server, one that is off (Settings → Store server; `shifts:close` says whether
 * it may be closed here); without, this till's.
 */
export function useCloseShift(onClose: () => void, shiftId?: number) {
  const { t } = useTranslation('shifts');
  const table = useCashTable();
  const { denominations, exponent } = table;
  const threshold = useShiftsStore((s) => s.settings?.overShortNoteThreshold ?? 0);
  const mayCompare = can(
    useSessionStore((s) => s.session),
    'reports.view',
  );
  const [step, setStep] = useState<CloseStep>('count');
  const [cash, setCash] = useState<CountDraft>(emptyDraft);
  const [other, setOther] = useState<OtherDraft>({ card: '', other: '' });
  const [figures, setFigures] = useState<ShiftFigures | null>(null);
  const [note, setNote] = useState('');
  const [noteAsked, setNoteAsked] = useState(false);
  const [noteError, setNoteError] = useState<string | null>(null);
  const [report, setReport] = useState<ZReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();
  // The denomination table, where nothing on the screen read the shift settings yet (Settings).
  useEffect(() => {
    if (!useShiftsStore.getState().settings) void useShiftsStore.getState().load();
  }, []);

  const cashCount = draftCount(cash, denominations, exponent);
  const others = countedOther(other, exponent);
  const rows =
    figures && cashCount && others
      ? [
          compare(figures, 'cash', countTotal(cashCount)),
          ...OTHER_TENDERS.map((type) =>
            compare(figures, type, otherAmount(other, type, exponent) ?? 0),
          ),
        ]
      : [];
  const needsNote =
    noteAsked ||
    noteRequired(
      rows.map((r) => r.overShort),
      threshold,
    );

  const submitCount = () =>
    run(async () => {
      if (!mayCompare) return setStep('tenders');
      try {
        setFigures(
          await (shiftId === undefined
            ? useShiftsStore.getState().xReport()
            : call('shifts:xReport', { shiftId })),
        );
        setStep('cash');
      } catch (caught) {
        setError(messageFor(caught));
      }
    });

  const closeShift = () => {
    if (needsNote && note.trim() === '') return setNoteError(t('close.noteMissing'));
    return run(async () => {
      try {
        const input = {
          countedCash: cashCount ?? [],
          countedOther: others ?? [],
          note: note.trim() || null,
        };
        const z = await (shiftId === undefined
          ? useShiftsStore.getState().close(input)
          : call('shifts:close', { ...input, shiftId }));
        setReport(z);
        setStep('z');
      } catch (caught) {
        if (caught instanceof AppError && caught.code === 'SHIFT_NOTE_REQUIRED') {
          setNoteAsked(true);
          setNoteError(t('close.noteMissing'));
        } else setError(messageFor(caught));
      }
    });
  };

  const next = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNoteError(null);
    if (step === 'count') {
      if (cashCount === null) return setError(t('count.invalid'));
      return void submitCount();
    }
    if (step === 'cash') return setStep('tenders');
    if (step === 'tenders')
      return others === null ? setError(t('count.invalid')) : setStep('review');
    if (step === 'review') return void closeShift();
    onClose();
  };

  return {
    ...table,
    step,
    cash,
    setCash,
    other,
    setOther,
    figures,
    rows,
    note,
    setNote,
    needsNote,
    noteError,
    report,
    error,
    busy,
    next,
  };
}
