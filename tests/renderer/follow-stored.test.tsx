/**
 * Issue 12, section 2: a settings form follows stored values that change elsewhere
 * (`useFollowStored`). A value the member picks the moment new stored values arrive is the
 * member's, and must not be overwritten by the form taking what arrived. The race is pinned here:
 * the pick is clicked as soon as the new values are on the screen, before React's next task, as a
 * loaded CI machine once did (the stock panel's test in `settings-panels-refresh.test.tsx`).
 */
import { useForm } from '@mantine/form';
import { render, screen, waitFor } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFollowStored } from '../../renderer/src/forms/useFollowStored';

type Mode = 'warn' | 'refuse';
const other = (mode: Mode): Mode => (mode === 'warn' ? 'refuse' : 'warn');

let arrive: (mode: Mode) => void = () => undefined;

/** A form with two modes over `stored`, which `arrive` changes as a read from another till would. */
function ModeForm({ follow }: { follow: (set: (mode: Mode) => void) => void }) {
  const [stored, setStored] = useState<Mode>('refuse');
  useEffect(() => follow(setStored), [follow]);
  const form = useForm<{ mode: Mode }>({ mode: 'controlled', initialValues: { mode: stored } });
  const followed = useFollowStored(form, { mode: stored });
  const picked = form.getValues().mode;
  return (
    <form>
      <output aria-label="stored">{stored}</output>
      {(['warn', 'refuse'] as const).map((m) => (
        <input
          key={m}
          type="radio"
          aria-label={m}
          checked={picked === m}
          onChange={() => form.setFieldValue('mode', m)}
        />
      ))}
      <output aria-label="state">
        {form.isDirty() ? 'edited' : 'clean'}
        {followed.changedElsewhere ? ', changed elsewhere' : ''}
      </output>
    </form>
  );
}

/** Clicks the `mode` radio in the microtask after `stored` shows `now`: before React's next task. */
function pickAsSoonAs(now: Mode, mode: Mode): Promise<void> {
  const stored = screen.getByLabelText('stored');
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (stored.textContent !== now) return;
      observer.disconnect();
      queueMicrotask(() => {
        screen.getByLabelText(mode).click();
        resolve();
      });
    });
    observer.observe(stored, { childList: true, characterData: true, subtree: true });
  });
}

// Updates arrive as a resolved read does, outside act(): React schedules them as it would in the
// window, with its effects in a later task.
const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
let before: boolean | undefined;
beforeEach(() => {
  before = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
});
afterEach(() => {
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = before;
});

describe('a followed form and a pick made as new stored values arrive', () => {
  it('ten rounds: a picked mode arrives, and the mode picked back at once is kept', async () => {
    render(
      <ModeForm
        follow={(set) => {
          arrive = set;
        }}
      />,
    );
    let stored: Mode = 'refuse';
    for (let round = 0; round < 10; round += 1) {
      const arriving = other(stored);
      // The member picks a mode; another till saves the same one; the form takes it quietly.
      screen.getByLabelText(arriving).click();
      await waitFor(() => expect(screen.getByLabelText('state')).toHaveTextContent(/^edited$/));
      // ...and the member changes their mind at the very moment it arrives.
      const pickedBack = pickAsSoonAs(arriving, stored);
      setTimeout(() => arrive(arriving), 0);
      await pickedBack;
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(screen.getByLabelText(stored)).toBeChecked();
      expect(screen.getByLabelText('state')).toHaveTextContent(/^edited$/);
      // Picking what arrived leaves the form clean for the next round.
      screen.getByLabelText(arriving).click();
      await waitFor(() => expect(screen.getByLabelText('state')).toHaveTextContent(/^clean$/));
      stored = arriving;
    }
  });
});
