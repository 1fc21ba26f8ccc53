import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError, ERROR_CODES } from '../../shared/errors';
import { call, configureClient, resetClient, SLOW_WRITE_MS } from '../../renderer/src/api/client';
import { splitFormError } from '../../renderer/src/api/form-errors';
import { ERROR_MESSAGES, messageFor } from '../../renderer/src/api/messages';
import { createFakeApi, fail, ok, sessionFor, staffMember } from './helpers';

afterEach(() => resetClient());

describe('API client', () => {
  it('resolves to the data of an ok Result and passes the input through', async () => {
    const api = createFakeApi();
    window.api = api;
    api['staff:approve'].mockResolvedValue(ok(staffMember({ id: 4 })));
    await expect(call('staff:approve', { id: 4 })).resolves.toMatchObject({ id: 4 });
    expect(api['staff:approve']).toHaveBeenCalledWith({ id: 4 });
  });

  it('throws an AppError with the code and issues of a failed Result', async () => {
    const api = createFakeApi();
    window.api = api;
    api['auth:requestAccess'].mockResolvedValue(
      fail('VALIDATION_FAILED', 'bad', [{ path: 'email', message: 'Nope' }]),
    );
    const error = await call('auth:requestAccess', {
      username: 'a',
      email: 'b',
      displayName: 'c',
      password: 'd',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'email', message: 'Nope' }],
    });
  });

  it('reports session problems to the hook before throwing', async () => {
    const api = createFakeApi();
    window.api = api;
    const onSessionProblem = vi.fn<(error: AppError) => void>();
    configureClient({ onSessionProblem });
    for (const code of [
      'SESSION_LOCKED',
      'SESSION_EXPIRED',
      'UNAUTHENTICATED',
      'PASSWORD_CHANGE_REQUIRED',
    ] as const) {
      api['settings:get'].mockResolvedValueOnce(fail(code));
      await expect(call('settings:get')).rejects.toMatchObject({ code });
    }
    expect(onSessionProblem.mock.calls.map(([e]) => e.code)).toEqual([
      'SESSION_LOCKED',
      'SESSION_EXPIRED',
      'UNAUTHENTICATED',
      'PASSWORD_CHANGE_REQUIRED',
    ]);

    api['settings:get'].mockResolvedValueOnce(fail('FORBIDDEN'));
    await expect(call('settings:get')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(onSessionProblem).toHaveBeenCalledTimes(4);
  });

  it('on REAUTH_REQUIRED asks for the password and retries once', async () => {
    const api = createFakeApi();
    window.api = api;
    const onReauthRequired = vi.fn(async () => true);
    configureClient({ onReauthRequired });
    api['staff:disable']
      .mockResolvedValueOnce(fail('REAUTH_REQUIRED'))
      .mockResolvedValueOnce(ok(staffMember({ id: 8, status: 'disabled' })));

    await expect(call('staff:disable', { id: 8 })).resolves.toMatchObject({
      id: 8,
      status: 'disabled',
    });
    expect(onReauthRequired).toHaveBeenCalledTimes(1);
    expect(api['staff:disable']).toHaveBeenCalledTimes(2);
  });

  it('throws REAUTH_REQUIRED without retrying when the prompt is cancelled', async () => {
    const api = createFakeApi();
    window.api = api;
    configureClient({ onReauthRequired: async () => false });
    api['staff:disable'].mockResolvedValue(fail('REAUTH_REQUIRED'));
    await expect(call('staff:disable', { id: 8 })).rejects.toMatchObject({
      code: 'REAUTH_REQUIRED',
    });
    expect(api['staff:disable']).toHaveBeenCalledTimes(1);
  });

  it('never asks for re-authentication on the re-authentication call itself', async () => {
    const api = createFakeApi();
    window.api = api;
    const onReauthRequired = vi.fn(async () => true);
    configureClient({ onReauthRequired });
    api['auth:reauthenticate'].mockResolvedValue(fail('REAUTH_REQUIRED'));
    await expect(call('auth:reauthenticate', { password: 'x' })).rejects.toMatchObject({
      code: 'REAUTH_REQUIRED',
    });
    expect(onReauthRequired).not.toHaveBeenCalled();
  });

  it('tells the hook of a write still unanswered after SLOW_WRITE_MS, and again when it answers; never of a read', async () => {
    vi.useFakeTimers();
    const api = createFakeApi();
    window.api = api;
    const onWriteSlow = vi.fn();
    configureClient({ onWriteSlow });
    const answers: Array<() => void> = [];
    const later = <T>(value: T) => new Promise<T>((resolve) => answers.push(() => resolve(value)));
    api['staff:list'].mockImplementation(() => later(ok({ items: [], total: 0 })));
    api['staff:approve'].mockResolvedValueOnce(ok(staffMember({ id: 4 })));
    await call('staff:approve', { id: 4 });
    api['staff:approve'].mockImplementation(() => later(ok(staffMember({ id: 4 }))));
    const write = call('staff:approve', { id: 4 });
    const read = call('staff:list');
    await vi.advanceTimersByTimeAsync(SLOW_WRITE_MS - 1);
    expect(onWriteSlow).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onWriteSlow.mock.calls).toEqual([[true]]);
    await vi.advanceTimersByTimeAsync(10 * SLOW_WRITE_MS);
    expect(onWriteSlow.mock.calls).toEqual([[true]]);
    answers.forEach((answer) => answer());
    await Promise.all([write, read]);
    expect(onWriteSlow.mock.calls).toEqual([[true], [false]]);
    await vi.advanceTimersByTimeAsync(10 * SLOW_WRITE_MS);
    expect(onWriteSlow).toHaveBeenCalledTimes(2);
  });

  it('turns a missing bridge, a thrown error or a malformed answer into INTERNAL', async () => {
    const api = createFakeApi();
    window.api = api;
    api['auth:session'].mockRejectedValueOnce(new Error('boom'));
    await expect(call('auth:session')).rejects.toMatchObject({ code: 'INTERNAL' });
    api['auth:session'].mockResolvedValueOnce({ nonsense: true } as never);
    await expect(call('auth:session')).rejects.toMatchObject({ code: 'INTERNAL' });
    api['auth:session'].mockResolvedValueOnce(ok({ session: sessionFor('admin') }));
    await expect(call('auth:session')).resolves.toMatchObject({
      session: { staff: { username: 'amira' } },
    });

    Reflect.deleteProperty(window, 'api');
    await expect(call('auth:session')).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});

describe('messages', () => {
  it('has a human message for every error code, none of which shows a code', () => {
    for (const code of ERROR_CODES) {
      const message = ERROR_MESSAGES[code];
      expect(message.length).toBeGreaterThan(15);
      expect(message).not.toMatch(/[A-Z]{2,}_[A-Z]/);
      expect(messageFor(new AppError(code, 'raw text from the core'))).toBe(message);
    }
    expect(messageFor(new Error('x'))).toBe(ERROR_MESSAGES.INTERNAL);
  });
});

describe('splitFormError', () => {
  const fields = ['username', 'email', 'password'] as const;

  it('puts issues on their fields and unknown paths on the form', () => {
    const split = splitFormError(
      new AppError('VALIDATION_FAILED', 'x', [
        { path: 'email', message: 'Bad email' },
        { path: 'other.deep', message: '?' },
      ]),
      fields,
    );
    expect(split.fields).toEqual({ email: 'Bad email' });
    // Item 19: the form names what it cannot highlight, and points at what it did highlight.
    expect(split.form).toBe('other.deep: ? Check the highlighted fields.');
  });

  it('says "Check the highlighted fields" only when a field is highlighted; otherwise names the field', () => {
    const onlyUnknown = splitFormError(
      new AppError('VALIDATION_FAILED', 'x', [
        { path: 'fromDay', message: 'The first day is after the last day.' },
      ]),
      fields,
    );
    expect(onlyUnknown.fields).toEqual({});
    expect(onlyUnknown.form).toBe('First day: The first day is after the last day.');
    expect(onlyUnknown.form).not.toMatch(/highlighted/);
    const onlyKnown = splitFormError(
      new AppError('VALIDATION_FAILED', 'x', [
        { path: 'username', message: 'At least 3 characters' },
      ]),
      fields,
    );
    expect(onlyKnown).toEqual({ fields: { username: 'At least 3 characters' }, form: null });
    expect(ERROR_MESSAGES.VALIDATION_FAILED).not.toMatch(/highlighted/);
  });

  it('puts WEAK_PASSWORD on the password field and CONFLICT on the field it names', () => {
    expect(
      splitFormError(new AppError('WEAK_PASSWORD', 'x'), fields, { passwordField: 'password' }),
    ).toEqual({ fields: { password: ERROR_MESSAGES.WEAK_PASSWORD }, form: null });
    expect(splitFormError(new AppError('CONFLICT', 'Email taken'), fields).fields).toEqual({
      email: 'This email is already in use.',
    });
    expect(splitFormError(new AppError('CONFLICT', 'Changed meanwhile'), fields)).toEqual({
      fields: {},
      form: ERROR_MESSAGES.CONFLICT,
    });
    expect(splitFormError(new AppError('LAST_ADMIN', 'x'), fields)).toEqual({
      fields: {},
      form: ERROR_MESSAGES.LAST_ADMIN,
    });
  });
});
