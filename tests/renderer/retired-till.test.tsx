/**
 * A till an admin retired from its store server (issue 12; `storeServer:retireTill`), against a
 * faked core: app:status says when and by whom, and the window shows that instead of sign-in; a
 * till in use that gets TILL_RETIRED reads app:status again and shows the same. The core's side
 * is tests/core/postgres-store-tills.test.ts.
 */
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { dateTime } from '../../renderer/src/format/locale';
import {
  createFakeApi,
  fail,
  ok,
  renderApp,
  sessionFor,
  SHOP_SETTINGS,
  SOUND,
  TILL,
} from './helpers';

const AT = '2026-12-05T11:00:00.000Z';
const RETIRED_STATUS = ok({
  setupRequired: false,
  terminalName: TILL,
  safeMode: false,
  integrity: SOUND,
  storage: { ok: true },
  retired: { at: AT, by: 'Ada Admin' },
});

describe('a retired till', () => {
  it('shows when and by whom it was retired, instead of sign-in', async () => {
    const api = createFakeApi();
    // As the core answers on a retired till: nothing but app:status, here the slower of the two
    // (a refusal not yet awaited must not be an uncaught error).
    api['app:status'].mockImplementation(
      () => new Promise((answer) => setTimeout(() => answer(RETIRED_STATUS), 50)),
    );
    api['auth:session'].mockResolvedValue(fail('TILL_RETIRED'));
    renderApp(api);
    expect(await screen.findByRole('heading', { name: 'This till was retired' })).toBeVisible();
    expect(
      screen.getByText(
        `An admin, Ada Admin, retired this till from the store on ${dateTime(AT)}. It can no longer sign in or sell, and its sales stay on the store server.`,
      ),
    ).toBeVisible();
    expect(screen.queryByRole('textbox', { name: /username/i })).toBeNull();
    const { violations } = await axe.run(document.body, {
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')).toEqual([]);
  });

  it('in use, a TILL_RETIRED answer brings the same screen', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
    api['settings:get'].mockResolvedValue(ok(SHOP_SETTINGS));
    api['storeServer:connection'].mockResolvedValue(fail('TILL_RETIRED'));
    const { user } = renderApp(api);
    const settings = await screen.findByRole('button', { name: 'Settings' });
    api['app:status'].mockResolvedValue(RETIRED_STATUS);
    await user.click(settings);
    expect(await screen.findByRole('heading', { name: 'This till was retired' })).toBeVisible();
  });
});
