/**
 * Issue 12, section 2: the Settings panels that keep their values in the component (e-mail, SMS,
 * printers, backups, shifts and cash, stock) read them again when the settings change elsewhere. A
 * clean form takes the new values; a form being edited keeps the member's edits and says the
 * settings were changed on another till, with an action that loads the new values. Like every
 * store-change read, the panels' reads wait while nobody uses the window (S2).
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BackupStatus, MailSettingsView, Printer, SmsStatus } from '../../shared/contract';
import { useBackupsStore } from '../../renderer/src/stores/backups';
import { useSessionStore } from '../../renderer/src/stores/session';
import { ACTIVE_WINDOW_MS } from '../../renderer/src/stores/store-changes';
import {
  createFakeApi,
  fail,
  ok,
  renderApp,
  sessionFor,
  SHIFT_SETTINGS,
  SHOP_SETTINGS,
  withStoreChanges,
} from './helpers';

const NOTICE = 'Changed on another till';

/**
 * The element around the heading `title` (a panel's section, or a dialog): found by its text,
 * since a role query over the whole Settings screen is slow in a test DOM.
 */
async function around(title: string, selector: string): Promise<HTMLElement> {
  const heading = await screen.findByText(title, { selector: 'h2' });
  const found = heading.closest<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector} around ${title}`);
  return found;
}
const LOAD = 'Load the new values and discard my edits';

/** An admin on Settings, with `answer` faking the panels' reads; returns `change(topic)`. */
async function openSettings(answer: (api: ReturnType<typeof createFakeApi>) => void) {
  const { api, change } = withStoreChanges(createFakeApi());
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('admin') }));
  api['settings:get'].mockResolvedValue(ok(SHOP_SETTINGS));
  answer(api);
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: 'Settings' }));
  return { api, change, ...rendered };
}

const MAIL: MailSettingsView = {
  configured: true,
  host: 'smtp.one.test',
  port: 587,
  tls: 'starttls',
  user: 'till',
  passwordSet: true,
  from: 'till@shop.test',
};

const SMS_ON: SmsStatus = {
  configured: true,
  templateId: 'kassa-verify',
  updatedAt: '2026-11-23T09:00:00.000Z',
  unreadable: false,
};

const PRINTER: Printer = {
  id: 3,
  name: 'Front desk',
  connection: { type: 'network', host: '192.168.1.50', port: 9100 },
  paperWidth: '80mm',
  codepage: 'auto',
  autoPrint: true,
  cashDrawer: true,
  isDefault: true,
  receiptHeader: '',
  receiptFooter: '',
  logo: null,
};

const THRESHOLD = 'Over/short that needs a note (GBP)';
const REQUIRED = 'Sales need an open shift';

/** A call that answers only when the test says so: `answer()` resolves it with `value`. */
function held<T>(value: T): { call: () => Promise<T>; answer: () => void; asked: () => boolean } {
  let answer: (() => void) | undefined;
  return {
    call: () => new Promise<T>((resolve) => (answer = () => resolve(value))),
    answer: () => act(() => answer?.()),
    asked: () => answer !== undefined,
  };
}

const BACKUPS: BackupStatus = {
  lastRun: null,
  lastSuccessAt: null,
  nextDueAt: '2026-11-24T02:00:00.000Z',
  overdue: false,
  folder: '/media/usb-one',
  encrypted: false,
  running: false,
};

describe('settings panels follow changes made elsewhere', () => {
  it('e-mail: a clean form takes the new values; edits are kept until the member loads them', async () => {
    const { api, change, user } = await openSettings((a) => {
      a['mail:getSettings'].mockResolvedValue(ok(MAIL));
    });
    const mail = within(await around('E-mail', 'section'));
    expect(await mail.findByLabelText('SMTP server')).toHaveValue('smtp.one.test');

    api['mail:getSettings'].mockResolvedValue(ok({ ...MAIL, host: 'smtp.two.test' }));
    change('settings');
    await waitFor(() => expect(mail.getByLabelText('SMTP server')).toHaveValue('smtp.two.test'));
    expect(mail.queryByText(NOTICE)).toBeNull();

    await user.clear(mail.getByLabelText('Sender address'));
    await user.paste('shop@shop.test');
    // Another setting changed: read again, but these values are the same, so nothing to say.
    const reads = api['mail:getSettings'].mock.calls.length;
    change('settings');
    await waitFor(() => expect(api['mail:getSettings'].mock.calls.length).toBe(reads + 1));
    expect(mail.queryByText(NOTICE)).toBeNull();
    api['mail:getSettings'].mockResolvedValue(ok({ ...MAIL, host: 'smtp.three.test', port: 465 }));
    change('settings');
    expect(await mail.findByText(NOTICE)).toBeVisible();
    expect(mail.getByLabelText('SMTP server')).toHaveValue('smtp.two.test');
    expect(mail.getByLabelText('Sender address')).toHaveValue('shop@shop.test');

    await user.click(mail.getByText(LOAD));
    expect(mail.getByLabelText('SMTP server')).toHaveValue('smtp.three.test');
    expect(mail.getByLabelText('Port')).toHaveValue('465');
    expect(mail.getByLabelText('Sender address')).toHaveValue('till@shop.test');
    expect(mail.queryByText(NOTICE)).toBeNull();
  });

  it("e-mail: this till's own save and turn-off, announced back, raise no notice", async () => {
    const { api, change, user } = await openSettings((a) => {
      a['mail:getSettings'].mockResolvedValue(ok({ ...MAIL, passwordSet: false }));
    });
    const mail = within(await around('E-mail', 'section'));
    await user.clear(await mail.findByLabelText('SMTP server'));
    await user.paste('smtp.new.test');
    await user.click(mail.getByLabelText('Password'));
    await user.paste('new smtp secret');
    // The save's own announcement comes before its answer.
    const saved = { ...MAIL, host: 'smtp.new.test' };
    let answer: (() => void) | undefined;
    api['mail:updateSettings'].mockImplementation(
      () => new Promise((resolve) => (answer = () => resolve(ok(saved)))),
    );
    api['mail:getSettings'].mockResolvedValue(ok(saved));
    await user.click(mail.getByRole('button', { name: 'Save e-mail settings' }));
    await waitFor(() => expect(answer).toBeDefined());
    change('settings');
    // Read again and shown (a password is stored now), while the save still waits.
    expect(await mail.findByText(/A password is stored/)).toBeVisible();
    expect(mail.queryByText(NOTICE)).toBeNull();
    act(() => answer?.());
    expect(await screen.findByText('E-mail settings saved.')).toBeVisible();
    expect(mail.queryByText(NOTICE)).toBeNull();
    expect(mail.getByLabelText('Password')).toHaveValue('');
    expect(mail.getByLabelText('SMTP server')).toHaveValue('smtp.new.test');

    // Turning e-mail off while editing empties the form: the member asked for it.
    await user.click(mail.getByLabelText('Sender address'));
    await user.paste('.uk');
    api['mail:removeSettings'].mockResolvedValue(ok({}));
    api['mail:getSettings'].mockResolvedValue(
      ok({ ...MAIL, configured: false, host: '', user: '', passwordSet: false, from: '' }),
    );
    await user.click(mail.getByText('Turn e-mail off'));
    await waitFor(() => expect(mail.getByLabelText('SMTP server')).toHaveValue(''));
    expect(mail.getByLabelText('Sender address')).toHaveValue('');
    expect(mail.queryByText(NOTICE)).toBeNull();
  });

  it('SMS: reads wait while the window is unattended; typed keys are kept with the notice', async () => {
    const { api, change, user } = await openSettings((a) => {
      a['sms:status'].mockResolvedValue(ok(SMS_ON));
    });
    const sms = within(await around('Text messages (SMS)', 'section'));
    expect(await sms.findByText('Configured')).toBeVisible();

    // Nobody has used the window lately: the read waits for the next activity (S2).
    const reads = api['sms:status'].mock.calls.length;
    act(() =>
      useSessionStore.setState({ lastActivityReportAt: Date.now() - ACTIVE_WINDOW_MS - 1 }),
    );
    api['sms:status'].mockResolvedValue(ok({ ...SMS_ON, templateId: 'kassa-two' }));
    change('settings');
    expect(api['sms:status'].mock.calls.length).toBe(reads);
    await user.keyboard('{Shift}');
    expect(await sms.findByText('Template: kassa-two')).toBeVisible();
    expect(sms.queryByText(NOTICE)).toBeNull();

    await user.click(sms.getByLabelText('Provider address'));
    await user.paste('https://otp.example.com');
    api['sms:status'].mockResolvedValue(
      ok({ ...SMS_ON, templateId: 'kassa-three', updatedAt: '2026-11-23T10:00:00.000Z' }),
    );
    change('settings');
    expect(await sms.findByText(NOTICE)).toBeVisible();
    expect(sms.getByText('Template: kassa-three')).toBeVisible();
    expect(sms.getByLabelText('Provider address')).toHaveValue('https://otp.example.com');

    await user.click(sms.getByText(LOAD));
    expect(sms.getByLabelText('Provider address')).toHaveValue('');
    expect(sms.queryByText(NOTICE)).toBeNull();
  });

  it('printers: the printer open in the form follows the list; edits are kept with the notice', async () => {
    const { api, change, user } = await openSettings((a) => {
      a['printing:listPrinters'].mockResolvedValue(ok([PRINTER]));
    });
    const printers = within(await around('Printers', 'section'));
    await user.click(await printers.findByLabelText('Edit Front desk'));
    const form = within(await around('Edit printer', '[role="dialog"]'));
    expect(form.getByLabelText(/^Name/)).toHaveValue('Front desk');

    api['printing:listPrinters'].mockResolvedValue(ok([{ ...PRINTER, name: 'Front till' }]));
    change('settings');
    await waitFor(() => expect(form.getByLabelText(/^Name/)).toHaveValue('Front till'));
    expect(form.queryByText(NOTICE)).toBeNull();

    await user.click(form.getByLabelText('Header lines'));
    await user.paste('Open Mon-Sat');
    api['printing:listPrinters'].mockResolvedValue(
      ok([{ ...PRINTER, name: 'Back till', receiptFooter: 'Thanks' }]),
    );
    change('settings');
    expect(await form.findByText(NOTICE)).toBeVisible();
    expect(form.getByLabelText(/^Name/)).toHaveValue('Front till');
    expect(form.getByLabelText('Header lines')).toHaveValue('Open Mon-Sat');

    await user.click(form.getByText(LOAD));
    expect(form.getByLabelText(/^Name/)).toHaveValue('Back till');
    expect(form.getByLabelText('Header lines')).toHaveValue('');
    expect(form.getByLabelText('Footer lines')).toHaveValue('Thanks');
    expect(form.queryByText(NOTICE)).toBeNull();

    // Removed on another till: the form stays as it was (saving it is the core's to refuse).
    api['printing:listPrinters'].mockResolvedValue(ok([]));
    change('settings');
    expect(await printers.findByText(/No printer is set up/)).toBeInTheDocument();
    expect(form.getByLabelText(/^Name/)).toHaveValue('Back till');
  });

  it('backups: the folder follows; a passphrase being typed is kept with the notice', async () => {
    act(() => useBackupsStore.setState({ status: null, list: null }));
    const { api, change, user } = await openSettings((a) => {
      a['backups:status'].mockResolvedValue(ok(BACKUPS));
      a['backups:list'].mockResolvedValue(ok([]));
    });
    const backups = within(await around('Backups', 'section'));
    const folder = await backups.findByLabelText('Second folder');
    expect(folder).toHaveValue('/media/usb-one');

    api['backups:status'].mockResolvedValue(ok({ ...BACKUPS, folder: '/media/usb-two' }));
    change('settings');
    await waitFor(() => expect(folder).toHaveValue('/media/usb-two'));
    expect(backups.queryByText(NOTICE)).toBeNull();

    const passphrase = backups.getByLabelText('New passphrase');
    await user.click(passphrase);
    await user.paste('correct horse battery');
    api['backups:status'].mockResolvedValue(
      ok({ ...BACKUPS, folder: '/media/usb-three', encrypted: true }),
    );
    change('settings');
    expect(await backups.findByText(NOTICE)).toBeVisible();
    expect(folder).toHaveValue('/media/usb-two');
    expect(passphrase).toHaveValue('correct horse battery');

    await user.click(backups.getByText(LOAD));
    expect(folder).toHaveValue('/media/usb-three');
    expect(passphrase).toHaveValue('');
    expect(backups.queryByText(NOTICE)).toBeNull();

    // A save refused: the passphrase typed is still an edit, kept when the folder changes.
    await user.click(passphrase);
    await user.paste('too short');
    api['backups:updateSettings'].mockResolvedValue(fail('VALIDATION_FAILED'));
    await user.click(backups.getByRole('button', { name: 'Save backup settings' }));
    expect(await backups.findByRole('alert')).toBeVisible();
    api['backups:status'].mockResolvedValue(ok({ ...BACKUPS, folder: '/media/usb-four' }));
    change('settings');
    expect(await backups.findByText(NOTICE)).toBeVisible();
    expect(passphrase).toHaveValue('too short');
    await user.click(backups.getByText(LOAD));

    // Typed exactly what then arrives: nothing to say, and the form is clean against it.
    await user.clear(folder);
    await user.paste('/media/usb-five');
    api['backups:status'].mockResolvedValue(ok({ ...BACKUPS, folder: '/media/usb-five' }));
    change('settings');
    await waitFor(() => expect(backups.getByText('Backups are not encrypted.')).toBeVisible());
    api['backups:status'].mockResolvedValue(ok({ ...BACKUPS, folder: '/media/usb-six' }));
    change('settings');
    await waitFor(() => expect(folder).toHaveValue('/media/usb-six'));
    expect(backups.queryByText(NOTICE)).toBeNull();

    // A refused read leaves what is shown.
    api['backups:status'].mockResolvedValue(fail('FORBIDDEN'));
    change('settings');
    await waitFor(() => expect(api['backups:status']).toHaveLastResolvedWith(fail('FORBIDDEN')));
    expect(folder).toHaveValue('/media/usb-six');
  });

  it('shifts: clean rules follow; an edited threshold is kept with the notice until loaded', async () => {
    const { api, change, user } = await openSettings(() => {});
    const shifts = within(await around('Shifts and cash', 'section'));
    const threshold = await shifts.findByLabelText(THRESHOLD);
    const required = shifts.getByLabelText(REQUIRED);
    expect(threshold).toHaveValue('5.00');

    api['shifts:settings'].mockResolvedValue(
      ok({ ...SHIFT_SETTINGS, requireOpenShift: true, overShortNoteThreshold: 1000 }),
    );
    change('settings');
    await waitFor(() => expect(threshold).toHaveValue('10.00'));
    expect(required).toBeChecked();
    expect(shifts.queryByText(NOTICE)).toBeNull();

    await user.clear(threshold);
    await user.type(threshold, '7.5');
    const table = [
      { value: 5000, kind: 'note' as const },
      { value: 200, kind: 'coin' as const },
    ];
    api['shifts:settings'].mockResolvedValue(
      ok({
        ...SHIFT_SETTINGS,
        overShortNoteThreshold: 2000,
        denominations: table,
        denominationsEdited: true,
      }),
    );
    change('settings');
    // One notice: the table, not being edited, follows quietly.
    expect(await shifts.findByText(NOTICE)).toBeVisible();
    expect(threshold).toHaveValue('7.5');
    expect(required).toBeChecked();
    expect(shifts.getByLabelText('Coins')).toHaveValue('2.00');
    expect(shifts.getByText("Use Kassa's table")).toBeVisible();

    await user.click(shifts.getByText(LOAD));
    expect(threshold).toHaveValue('20.00');
    expect(required).not.toBeChecked();
    expect(shifts.queryByText(NOTICE)).toBeNull();
  });

  it("shifts: this till's own saves, announced back before their answers, raise no notice", async () => {
    const { api, change, user } = await openSettings(() => {});
    const shifts = within(await around('Shifts and cash', 'section'));
    const threshold = await shifts.findByLabelText(THRESHOLD);
    await user.clear(threshold);
    await user.type(threshold, 'abc');
    expect(shifts.getByText('Enter an amount such as 125.50')).toBeVisible();
    await user.click(shifts.getByRole('button', { name: 'Save shift settings' }));
    expect(api['shifts:updateSettings']).not.toHaveBeenCalled();

    await user.clear(threshold);
    await user.type(threshold, '7.5');
    const rules = { ...SHIFT_SETTINGS, overShortNoteThreshold: 750 };
    const rulesSave = held(ok(rules));
    api['shifts:updateSettings'].mockImplementation(rulesSave.call);
    api['shifts:settings'].mockResolvedValue(ok(rules));
    await user.click(shifts.getByRole('button', { name: 'Save shift settings' }));
    await waitFor(() => expect(rulesSave.asked()).toBe(true));
    change('settings');
    await waitFor(() => expect(threshold).toHaveValue('7.50'));
    expect(shifts.queryByText(NOTICE)).toBeNull();
    rulesSave.answer();
    expect(await screen.findByText('Shift settings saved.')).toBeVisible();
    expect(api['shifts:updateSettings']).toHaveBeenCalledWith({
      requireOpenShift: false,
      overShortNoteThreshold: 750,
    });
    expect(shifts.queryByText(NOTICE)).toBeNull();

    const coins = shifts.getByLabelText('Coins');
    await user.clear(coins);
    await user.type(coins, '2, 1, 0.5');
    const table = {
      ...rules,
      denominations: [
        ...SHIFT_SETTINGS.denominations.filter((d) => d.kind === 'note'),
        { value: 200, kind: 'coin' as const },
        { value: 100, kind: 'coin' as const },
        { value: 50, kind: 'coin' as const },
      ],
      denominationsEdited: true,
    };
    const tableSave = held(ok(table));
    api['shifts:setDenominations'].mockImplementation(tableSave.call);
    api['shifts:settings'].mockResolvedValue(ok(table));
    await user.click(shifts.getByRole('button', { name: 'Save notes and coins' }));
    await waitFor(() => expect(tableSave.asked()).toBe(true));
    change('settings');
    await waitFor(() => expect(coins).toHaveValue('2.00, 1.00, 0.50'));
    expect(shifts.queryByText(NOTICE)).toBeNull();
    tableSave.answer();
    expect(await shifts.findByText("Use Kassa's table")).toBeVisible();
    expect(threshold).toHaveValue('7.50');
    expect(shifts.queryByText(NOTICE)).toBeNull();
  });

  it('stock: a clean mode follows; a picked mode that arrives, or is saved, raises no notice', async () => {
    const { api, change, user } = await openSettings((a) => {
      a['stock:settings'].mockResolvedValue(ok({ negativeStock: 'warn' }));
    });
    const stock = within(await around('Stock', 'section'));
    const warn = await stock.findByLabelText(/Allow it and warn/);
    const refuse = stock.getByLabelText('Refuse the sale');
    const save = stock.getByText('Save stock settings').closest('button');
    expect(warn).toBeChecked();

    api['stock:settings'].mockResolvedValue(ok({ negativeStock: 'refuse' }));
    change('settings');
    await waitFor(() => expect(refuse).toBeChecked());
    expect(save).toBeDisabled();
    expect(stock.queryByText(NOTICE)).toBeNull();

    // Picked here, then saved on another till: the form shows what arrived, so nothing to say.
    await user.click(warn);
    expect(save).toBeEnabled();
    api['stock:settings'].mockResolvedValue(ok({ negativeStock: 'warn' }));
    change('settings');
    await waitFor(() => expect(save).toBeDisabled());
    expect(warn).toBeChecked();
    expect(stock.queryByText(NOTICE)).toBeNull();

    // This till's own save, announced back before its answer.
    await user.click(refuse);
    const saving = held(ok({ negativeStock: 'refuse' as const }));
    api['stock:updateSettings'].mockImplementation(saving.call);
    api['stock:settings'].mockResolvedValue(ok({ negativeStock: 'refuse' }));
    await user.click(stock.getByRole('button', { name: 'Save stock settings' }));
    await waitFor(() => expect(saving.asked()).toBe(true));
    const reads = api['stock:settings'].mock.calls.length;
    change('settings');
    await waitFor(() => expect(api['stock:settings'].mock.calls.length).toBe(reads + 1));
    expect(stock.queryByText(NOTICE)).toBeNull();
    saving.answer();
    expect(await screen.findByText('Stock settings saved')).toBeInTheDocument();
    expect(refuse).toBeChecked();
    expect(stock.queryByText(NOTICE)).toBeNull();
  });

  it('store settings: an edited form keeps its edits, and saving sends only them', async () => {
    const { api, change, user } = await openSettings(() => {});
    const name = await screen.findByLabelText('Store name');
    const footer = screen.getByLabelText('Receipt footer');
    expect(name).toHaveValue('Corner Shop');

    // Clean: the form takes what another till saved.
    const footerTwo = { ...SHOP_SETTINGS, receiptFooter: 'Thank you!' };
    api['settings:get'].mockResolvedValue(ok(footerTwo));
    change('settings');
    await waitFor(() => expect(footer).toHaveValue('Thank you!'));
    expect(screen.queryByText(NOTICE)).toBeNull();

    // Edited: the member's name stays, the notice says why the footer did not move.
    await user.clear(name);
    await user.type(name, 'Corner Shop Two');
    const footerThree = { ...footerTwo, receiptFooter: 'See you soon', maxDiscountBps: 2500 };
    api['settings:get'].mockResolvedValue(ok(footerThree));
    change('settings');
    expect(await screen.findByText(NOTICE)).toBeVisible();
    expect(name).toHaveValue('Corner Shop Two');
    expect(footer).toHaveValue('Thank you!');

    // Saving sends the name only: the footer and the discount limit this form still shows are
    // the old ones, and must not overwrite the other till's.
    const saved = { ...footerThree, storeName: 'Corner Shop Two' };
    api['settings:update'].mockResolvedValue(ok(saved));
    api['settings:get'].mockResolvedValue(ok(saved));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api['settings:update']).toHaveBeenCalledWith({ storeName: 'Corner Shop Two' }),
    );
    expect(api['settings:update']).toHaveBeenCalledOnce();
    await waitFor(() => expect(footer).toHaveValue('See you soon'));
    expect(screen.getByLabelText(/^Largest discount/)).toHaveValue('25');
    expect(name).toHaveValue('Corner Shop Two');
    expect(screen.queryByText(NOTICE)).toBeNull();
  });
});
