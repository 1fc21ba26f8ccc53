import { TextInput, type TextInputProps } from '@mantine/core';
import { forwardRef } from 'react';

/** The digits of a typed or pasted code ("123 456", "123-456" → "123456"), at most six. */
export function codeDigits(typed: string): string {
  return typed.replace(/\D/g, '').slice(0, 6);
}

export interface OneTimeCodeInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  value: string;
  /** Called with the digits only (see `codeDigits`). */
  onChange: (digits: string) => void;
}

/**
 * A 6-digit one-time code field (issue 9, section 4): numeric keyboard, the browser's and the
 * phone's one-time-code autofill, and a pasted code with spaces or dashes kept as its digits.
 */
export const OneTimeCodeInput = forwardRef<HTMLInputElement, OneTimeCodeInputProps>(
  function OneTimeCodeInput({ value, onChange, ...props }, ref) {
    return (
      <TextInput
        ref={ref}
        autoComplete="one-time-code"
        inputMode="numeric"
        spellCheck={false}
        {...props}
        value={value}
        onChange={(e) => onChange(codeDigits(e.currentTarget.value))}
      />
    );
  },
);
