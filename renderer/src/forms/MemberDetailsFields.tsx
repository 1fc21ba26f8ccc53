import { TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';

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
  const self = context === 'self';
  return (
    <>
      <TextInput
        label="Display name"
        description="The name shown on screen and on receipts"
        autoComplete={self ? 'name' : 'off'}
        autoFocus={self}
        data-autofocus={self ? undefined : true}
        {...inputProps('displayName')}
      />
      <TextInput
        label="Username"
        description="3 to 32 letters, digits, dots, dashes or underscores"
        autoComplete={self ? 'username' : 'off'}
        autoCapitalize="none"
        spellCheck={false}
        {...inputProps('username')}
      />
      <TextInput
        label="Email"
        type="email"
        autoComplete={self ? 'email' : 'off'}
        {...inputProps('email')}
      />
    </>
  );
}
