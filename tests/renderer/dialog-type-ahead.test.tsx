/**
 * Keys typed between a checkout shortcut and the focus reaching its dialog's field are that
 * field's (features/checkout/useDialogTypeAhead.ts). Here the dialog takes the focus 50 ms after
 * its key, as Mantine's does a frame or more later in a browser; the keys are typed before then.
 * The browser proof, with the real discount and park dialogs, is test 5 of
 * tests/e2e/checkout-scanning.test.ts.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDialogTypeAhead } from '../../renderer/src/features/checkout/useDialogTypeAhead';
import { HOLD_MS } from '../../renderer/src/features/checkout/useHeldKeys';

/** How long the dialog takes to focus its field, ms. */
const FOCUS_AFTER_MS = 50;

/** The discount dialog's shape: a form with one text field, which Escape closes. */
function Dialog({ onSubmit, onClose }: { onSubmit: (v: string) => void; onClose: () => void }) {
  const [value, setValue] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => field.current?.focus(), FOCUS_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div role="dialog" aria-label="Discount" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(value);
        }}
      >
        <input
          ref={field}
          aria-label="Value"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </form>
    </div>
  );
}

/** A scan field with the focus, and F6 opening the dialog with its keys held. */
function Till({ onSubmit }: { onSubmit: (v: string) => void }) {
  const keys = useDialogTypeAhead();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F6') return;
      setOpen(true);
      keys.hold();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys]);
  return (
    <>
      <input aria-label="Scan" autoFocus />
      {open && <Dialog onSubmit={onSubmit} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The field once it has the focus (the dialog's delay has passed). */
async function focusedField(): Promise<HTMLElement> {
  const field = await screen.findByLabelText('Value');
  await vi.waitFor(() => expect(field).toHaveFocus());
  return field;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("keys typed after a dialog's shortcut, before its field has the focus", () => {
  it('ten in a row: the text, with Backspace, goes to the field and Enter submits it', async () => {
    const user = userEvent.setup({ delay: null });
    const submitted: string[] = [];
    render(<Till onSubmit={(v) => submitted.push(v)} />);
    for (let round = 1; round <= 10; round++) {
      const scan = screen.getByLabelText('Scan');
      act(() => scan.focus());
      await user.keyboard(`{F6}1${round}9{Backspace}{Enter}`);
      expect(scan).toHaveValue('');
      const field = await focusedField();
      await vi.waitFor(() => expect(submitted).toHaveLength(round));
      expect(submitted.at(-1)).toBe(`1${round}`);
      expect(field).toHaveValue(`1${round}`);
      // The next round's dialog starts afresh.
      fireEvent.keyDown(field, { key: 'Escape' });
      expect(screen.queryByRole('dialog')).toBeNull();
    }
  });

  it('Escape typed ahead closes the dialog, and keys after Enter are not held', async () => {
    const user = userEvent.setup({ delay: null });
    const submitted: string[] = [];
    render(<Till onSubmit={(v) => submitted.push(v)} />);
    await user.keyboard('{F6}5{Escape}');
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByLabelText('Scan')).toHaveValue('');

    // Enter ends the holding: what follows goes where it would (the scan field, still focused).
    act(() => screen.getByLabelText('Scan').focus());
    await user.keyboard('{F6}7{Enter}42');
    expect(screen.getByLabelText('Scan')).toHaveValue('42');
    await focusedField();
    await vi.waitFor(() => expect(submitted).toEqual(['7']));
  });

  it('keys typed more than HOLD_MS before the focus arrives are dropped', async () => {
    const user = userEvent.setup({ delay: null });
    const submitted: string[] = [];
    render(<Till onSubmit={(v) => submitted.push(v)} />);
    await user.keyboard('{F6}3');
    // happy-dom stamps each key with performance.now(): the focus comes after the hold.
    const later = performance.now() + HOLD_MS + 1;
    vi.spyOn(performance, 'now').mockReturnValue(later);
    const field = await focusedField();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(field).toHaveValue('');
    expect(submitted).toEqual([]);
  });
});
