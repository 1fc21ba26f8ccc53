import { PasswordInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { MemberDetailsFields } from './MemberDetailsFields';
import { useServerSubmit } from './useServerSubmit';
import { newMemberSchema, zodValidator } from './validation';

export type NewMemberValues = {
  username: string;
  email: string;
  displayName: string;
  password: string;
};
const FIELDS = ['username', 'email', 'displayName', 'password'] as const;

/**
 * The form for a person joining on their own (first-run set-up, request access): details plus a
 * password of their choosing, checked here for shape and by the main process for strength.
 * Returns the form's state, its submit handler and `fields`, the rendered inputs.
 */
export function useNewMemberForm(action: (values: NewMemberValues) => Promise<unknown>) {
  const { t } = useTranslation('forms');
  const form = useForm<NewMemberValues>({
    mode: 'controlled',
    initialValues: { username: '', email: '', displayName: '', password: '' },
    validate: zodValidator<NewMemberValues>(newMemberSchema),
    validateInputOnBlur: true,
  });
  const { busy, formError, submit } = useServerSubmit(form, FIELDS, action, {
    passwordField: 'password',
  });
  const fields = (
    <>
      <MemberDetailsFields inputProps={form.getInputProps} context="self" />
      <PasswordInput
        label={t('member.password')}
        description={t('member.passwordHint')}
        autoComplete="new-password"
        {...form.getInputProps('password')}
      />
    </>
  );
  return { busy, formError, onSubmit: form.onSubmit(submit), fields };
}
