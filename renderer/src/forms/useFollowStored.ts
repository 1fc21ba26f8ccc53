import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';

export interface FollowedForm<V> {
  /** True while newer stored values wait because the member is editing (the form is dirty). */
  changedElsewhere: boolean;
  /** Discards the member's edits and shows the stored values. */
  loadStored: () => void;
  /** Makes `values` the form's start, e.g. what this form's own save stored. */
  take: (values: V) => void;
  /**
   * Runs this form's own save: meanwhile the values being saved count as stored, so the save
   * announcing itself back (which may come before its answer) raises no notice; if it fails,
   * the edits count as edits again.
   */
  saving: (run: () => Promise<void>) => Promise<void>;
}

/**
 * Keeps a settings form on the stored values it edits while they change elsewhere (another till,
 * or another window; issue 12, section 2). `stored` is the form's values for what is stored now;
 * `source` what identifies it (by default `stored`; the SMS form, which never shows the stored
 * keys, passes the provider's status). When `source` changes, a clean form takes the new values;
 * a dirty one keeps the member's edits and reports `changedElsewhere` until the member loads the
 * stored values or saves (`saving`, then the save's `take`). A form that already shows what
 * arrived takes it quietly too.
 */
export function useFollowStored<V>(
  form: UseFormReturnType<V>,
  stored: V,
  source: unknown = stored,
): FollowedForm<V> {
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const latest = useRef({ form, stored });
  useLayoutEffect(() => {
    latest.current = { form, stored };
  });
  const take = useCallback((values: V) => {
    latest.current.form.setInitialValues(values);
    latest.current.form.reset();
    setChangedElsewhere(false);
  }, []);
  const saving = useCallback(async (run: () => Promise<void>) => {
    const { form: current } = latest.current;
    const before = current.getInitialValues();
    current.resetDirty();
    try {
      await run();
    } catch (error) {
      current.setInitialValues(before);
      throw error;
    }
  }, []);
  const key = JSON.stringify(source);
  const seen = useRef(key);
  // In the commit that shows the new stored values, not after it: a mode picked or a key typed
  // in between would otherwise be overwritten by a `take` that began before it.
  useLayoutEffect(() => {
    if (key === seen.current) return;
    seen.current = key;
    const { form: current, stored: next } = latest.current;
    const shows = JSON.stringify(current.getValues()) === JSON.stringify(next);
    if (current.isDirty() && !shows) setChangedElsewhere(true);
    else take(next);
  }, [key, take]);
  const loadStored = useCallback(() => take(latest.current.stored), [take]);
  return { changedElsewhere, loadStored, take, saving };
}
