import { TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

type DetailField = 'displayName' | 'username' | 'email';

export interface MemberDetailsFieldsProps {
  /** The form's `getInputProps`, for a form with displayName, username and email. */
  inputProps: (field: DetailField) => GetInputPropsReturnType;
  /**
   * `self`: the member types their own details (browser autocomplete, autofocus);
   * `admin`: an admin types someone else's (no autocomplete; focus set by the modal).
   */
  context: 'self' | 'admin';
}

/** Display name, username and email, labelled and described the same way on every form. */
export function MemberDetailsFields({ inputProps, context }: MemberDetailsFieldsProps) {
  const { t } = useTranslation('forms');
  const self = context === 'self';
  return (
    <>
      <TextInput
        label={t('member.displayName')}
        description={t('member.displayNameHint')}
        autoComplete={self ? 'name' : 'off'}
        autoFocus={self}
        data-autofocus={self ? undefined : true}
        {...inputProps('displayName')}
      />
      <TextInput
        label={t('member.username')}
        description={t('member.usernameHint')}
        autoComplete={self ? 'username' : 'off'}
        autoCapitalize="none"
        spellCheck={false}
        {...inputProps('username')}
      />
      <TextInput
        label={t('member.email')}
        type="email"
        autoComplete={self ? 'email' : 'off'}
        {...inputProps('email')}
      />
    </>
  );
}
