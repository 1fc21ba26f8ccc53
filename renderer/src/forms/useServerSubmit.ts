import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { splitFormError, type FormErrorOptions } from '../api/form-errors';
import { useBusy } from '../hooks/useBusy';

/**
 * Submits a form to the main process: `busy` while the call runs, and a refusal split into
 * messages next to the fields it concerns plus one `formError` for the rest (never raw codes).
 */
export function useServerSubmit<V, F extends string>(
  form: UseFormReturnType<V>,
  fields: readonly F[],
  action: (values: V) => Promise<unknown>,
  options: FormErrorOptions<F> = {},
): { busy: boolean; formError: string | null; submit: (values: V) => Promise<void> } {
  const { busy, run } = useBusy();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = (values: V) =>
    run(async () => {
      setFormError(null);
      try {
        await action(values);
      } catch (error) {
        const split = splitFormError(error, fields, options);
        form.setErrors(split.fields);
        setFormError(split.form);
      }
    });
  return { busy, formError, submit };
}
