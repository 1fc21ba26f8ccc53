import { Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/errors';
import { useNewMemberForm } from '../../forms/useNewMemberForm';
import { FormAlert } from '../../components/FormAlert';
import { useSessionStore } from '../../stores/session';
import { RequestCodeStep, type VerifyAnswer } from './RequestCodeStep';

export interface RequestAccessFormProps {
  /** Called once the request is stored as pending. */
  onSent: () => void;
  /** Called when the request must first be verified with a code (the screen's title changes). */
  onCodeStep: () => void;
  onCancel: () => void;
}

/** Splits a refusal into its problem with `phone` (if any) and the rest, for the other fields. */
function withoutPhone(error: unknown): { phone: boolean; rest: AppError | null } {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED' || !error.issues)
    return { phone: false, rest: error instanceof AppError ? error : null };
  const rest = error.issues.filter((i) => i.path !== 'phone');
  const phone = rest.length < error.issues.length;
  return {
    phone,
    rest: rest.length ? new AppError(error.code, error.message, rest) : null,
  };
}

/**
 * Asks for access as a new staff member. The main process stores a pending Cashier that an admin
 * must approve; role and status cannot be chosen here (A7). Refusals (weak password, username or
 * email taken, invalid fields) are shown next to the field they concern.
 *
 * While the store's "verified before access" policy is in force (issue 9, section 4) the answer is
 * a code to enter first (RequestCodeStep). The phone field appears only when the core asks for it
 * (VALIDATION_FAILED on `phone`: only a phone counts and the request gave none), so most shops
 * never ask a newcomer for a number they do not need.
 */
export function RequestAccessForm({ onSent, onCodeStep, onCancel }: RequestAccessFormProps) {
  const { t } = useTranslation('auth');
  const requestAccess = useSessionStore((s) => s.requestAccess);
  const [phone, setPhone] = useState<string | null>(null);
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [verify, setVerify] = useState<{ identifier: string; answer: VerifyAnswer } | null>(null);
  const { busy, formError, onSubmit, fields } = useNewMemberForm(async (values) => {
    let answer;
    try {
      answer = await requestAccess(phone?.trim() ? { ...values, phone: phone.trim() } : values);
    } catch (error) {
      const split = withoutPhone(error);
      if (!split.phone) throw error;
      setPhoneError(t(phone?.trim() ? 'login.request.phoneInvalid' : 'login.request.phoneNeeded'));
      setPhone((p) => p ?? '');
      if (split.rest) throw split.rest;
      return;
    }
    if (answer.status !== 'verify') return onSent();
    setVerify({ identifier: values.username, answer });
    onCodeStep();
  });

  if (verify)
    return (
      <RequestCodeStep
        identifier={verify.identifier}
        answer={verify.answer}
        onVerified={onSent}
        onCancel={onCancel}
      />
    );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} />
        {fields}
        {phone !== null && (
          <TextInput
            label={t('login.request.phone')}
            description={t('login.request.phoneHelp')}
            type="tel"
            autoComplete="tel"
            value={phone}
            error={phoneError}
            onChange={(e) => {
              setPhone(e.currentTarget.value);
              setPhoneError(null);
            }}
          />
        )}
        <Button type="submit" size="lg" loading={busy} fullWidth>
          {t('login.request.button')}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {t('login.backToSignIn')}
        </Button>
      </Stack>
    </form>
  );
}
