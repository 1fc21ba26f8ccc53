/**
 * Issue 8, item 5: a till can switch to touch size (larger text and targets); the choice belongs
 * to the till, so it is kept in this window's storage and applied again on the next start.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { applyStoredDensity, DENSITY_KEY } from '../../renderer/src/theme/density';
import { createFakeApi, ok, renderApp, sessionFor } from './helpers';

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.density;
});

describe('touch size', () => {
  it('the header switch turns touch size on and off, and the till remembers it', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('cashier') }));
    const { user } = renderApp(api);
    const banner = await screen.findByRole('banner');
    const toggle = within(banner).getByRole('button', { name: /Touch size/ });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.dataset.density).toBe('touch');
    expect(localStorage.getItem(DENSITY_KEY)).toBe('touch');

    // A restart applies it before the first screen draws.
    delete document.documentElement.dataset.density;
    applyStoredDensity();
    expect(document.documentElement.dataset.density).toBe('touch');

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(localStorage.getItem(DENSITY_KEY)).toBe('standard');
    expect(document.documentElement.dataset.density).toBe('standard');
  });

  it('an unknown stored value means standard size', () => {
    localStorage.setItem(DENSITY_KEY, 'huge');
    applyStoredDensity();
    expect(document.documentElement.dataset.density).toBe('standard');
  });
});
