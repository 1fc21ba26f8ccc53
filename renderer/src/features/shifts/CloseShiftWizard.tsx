import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { CheckoutModal } from '../checkout/CheckoutModal';
import { CompareTable } from './CompareTable';
import { ReviewStep, TendersStep } from './CloseSteps';
import { DenominationCount } from './DenominationCount';
import { CLOSE_STEPS, useCloseShift } from './use-close-shift';
import { type ZReportOutput, ZReportView } from './ZReportView';

/**
 * Closing the shift (permission shifts.close; the core asks for the password again): 1) a blind
 * count of the cash by denomination, with no expected figure anywhere; 2) expected against counted
 * for cash; 3) the card and other tenders typed from the terminal's batch totals, compared;
 * 4) over/short, with a note required above the store's threshold; 5) the Z report. The expected
 * figures come from an X report read only after the count is submitted (and only for members with
 * reports.view; for others the Z report is the first place they appear, and the core's
 * SHIFT_NOTE_REQUIRED asks for the note). The submitted count cannot be changed. With `shift`,
 * the open shift of another till of the store, one that is off (Settings → Store server).
 */
export function CloseShiftWizard({
  opened,
  onClose,
  onPrint,
  onExportPdf,
  shift,
}: {
  opened: boolean;
  onClose: () => void;
  onPrint?: ZReportOutput;
  onExportPdf?: ZReportOutput;
  shift?: { id: number; tillName: string };
}) {
  const { t } = useTranslation('shifts');
  const title = shift ? t('close.titleOf', { till: shift.tillName }) : t('close.title');
  return (
    <CheckoutModal opened={opened} onClose={onClose} title={title} size="xl">
      {opened && (
        <CloseShiftBody
          onClose={onClose}
          onPrint={onPrint}
          onExportPdf={onExportPdf}
          shiftId={shift?.id}
        />
      )}
    </CheckoutModal>
  );
}

function CloseShiftBody({
  onClose,
  onPrint,
  onExportPdf,
  shiftId,
}: {
  onClose: () => void;
  onPrint?: ZReportOutput;
  onExportPdf?: ZReportOutput;
  shiftId?: number;
}) {
  const { t } = useTranslation('shifts');
  const w = useCloseShift(onClose, shiftId);
  const { step, currency, exponent, rows } = w;
  const formRef = useRef<HTMLFormElement>(null);

  // Keyboard-first: each step starts on its first field (or its button).
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [step]);

  const submitLabel = {
    count: 'submitCount',
    cash: 'next',
    tenders: 'next',
    review: 'submit',
    z: 'done',
  }[step];
  return (
    <form ref={formRef} onSubmit={w.next} noValidate>
      <Stack gap="md">
        <Text size="sm" fw={600} aria-live="polite">
          {t('close.step', {
            n: CLOSE_STEPS.indexOf(step) + 1,
            of: CLOSE_STEPS.length,
            name: t(`close.steps.${step}`),
          })}
        </Text>
        <FormAlert message={w.error} />
        {step === 'count' && (
          <>
            <Text size="sm">{t('close.countIntro')}</Text>
            <DenominationCount
              draft={w.cash}
              onChange={w.setCash}
              denominations={w.denominations}
              currency={currency}
              exponent={exponent}
              label={t('close.cash')}
            />
          </>
        )}
        {step === 'cash' && rows[0] && (
          <CompareTable rows={[rows[0]]} currency={currency} label={t('close.compareCash')} />
        )}
        {step === 'tenders' && (
          <TendersStep
            draft={w.other}
            onChange={w.setOther}
            figures={w.figures}
            currency={currency}
            exponent={exponent}
          />
        )}
        {step === 'review' && (
          <ReviewStep
            rows={rows}
            currency={currency}
            note={w.note}
            onNote={w.setNote}
            noteRequired={w.needsNote}
            noteError={w.noteError}
          />
        )}
        {step === 'z' && w.report && (
          <ZReportView report={w.report} onPrint={onPrint} onExportPdf={onExportPdf} />
        )}
        <Group justify="flex-end" gap="sm">
          {step !== 'z' && (
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
          )}
          <Button
            type="submit"
            loading={w.busy}
            data-autofocus={step === 'cash' || step === 'z' ? true : undefined}
          >
            {t(`close.${submitLabel}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
