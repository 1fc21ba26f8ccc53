import { Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShiftFigures } from '../../../../shared/contract';
import { tenderLabel } from '../transactions/sale-format';
import {
  compare,
  type CompareRow,
  OTHER_TENDERS,
  type OtherDraft,
  otherAmount,
} from './close-draft';
import { CompareTable } from './CompareTable';

/** Step 3: the card and other tenders typed from the terminal's batch totals, then compared. */
export function TendersStep({
  draft,
  onChange,
  figures,
  currency,
  exponent,
}: {
  draft: OtherDraft;
  onChange: (draft: OtherDraft) => void;
  /** The X report taken after the blind count, when the member may see it (reports.view). */
  figures: ShiftFigures | null;
  currency: string;
  exponent: number;
}) {
  const { t } = useTranslation('shifts');
  const rows: CompareRow[] = [];
  for (const type of OTHER_TENDERS) {
    const amount = otherAmount(draft, type, exponent);
    if (figures && amount !== null && draft[type].trim() !== '')
      rows.push(compare(figures, type, amount));
  }
  return (
    <Stack gap="sm">
      <Text size="sm">{t('close.tendersIntro')}</Text>
      {OTHER_TENDERS.map((type, index) => (
        <TextInput
          key={type}
          label={t('close.tenderTotal', { tender: tenderLabel(type), currency })}
          inputMode="decimal"
          autoComplete="off"
          data-autofocus={index === 0 ? true : undefined}
          value={draft[type]}
          error={otherAmount(draft, type, exponent) === null ? t('count.badAmount') : undefined}
          onChange={(e) => onChange({ ...draft, [type]: e.currentTarget.value })}
        />
      ))}
      {rows.length > 0 && (
        <CompareTable rows={rows} currency={currency} label={t('close.compareOther')} />
      )}
    </Stack>
  );
}

/** Step 4: over/short of every tender, and the note (required above the store's threshold). */
export function ReviewStep({
  rows,
  currency,
  note,
  onNote,
  noteRequired,
  noteError,
}: {
  /** Empty when the member may not see the expected figures before the close. */
  rows: CompareRow[];
  currency: string;
  note: string;
  onNote: (note: string) => void;
  noteRequired: boolean;
  noteError: string | null;
}) {
  const { t } = useTranslation('shifts');
  return (
    <Stack gap="sm">
      {rows.length > 0 ? (
        <CompareTable rows={rows} currency={currency} label={t('close.overShort')} />
      ) : (
        <Text size="sm">{t('close.blindReview')}</Text>
      )}
      {noteRequired && (
        <Text size="sm" fw={600} role="status">
          {t('close.noteNeeded')}
        </Text>
      )}
      <Textarea
        label={t('close.note')}
        required={noteRequired}
        maxLength={500}
        rows={2}
        data-autofocus
        value={note}
        error={noteError}
        onChange={(e) => onNote(e.currentTarget.value)}
      />
    </Stack>
  );
}
