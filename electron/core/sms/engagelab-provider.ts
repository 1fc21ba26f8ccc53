/**
 * An SmsOtpProvider for an OTP-as-a-service HTTP API, modelled on EngageLab's OTP REST API
 * (https://www.engagelab.com/docs/otp/REST-API/OTP-Send and …/OTP-Check):
 * - send:   `POST {baseUrl}/v1/messages` `{"to": "+44…", "template": {"id": "<template id>"}}`
 *           → 200 `{"message_id": "…", …}`; the provider generates and sends the code;
 * - verify: `POST {baseUrl}/v1/verifications` `{"message_id": "…", "verify_code": "123456"}`
 *           → 200 `{"message_id": "…", "verify_code": "…", "verified": true|false}`;
 * - auth:   HTTP Basic, `Authorization: Basic base64(dev_key:dev_secret)`;
 * - errors: a non-2xx status with `{"code": <number>, "message": "…"}`.
 *
 * EngageLab's public pages do not list the error codes of these two calls, so the codes below are
 * this adapter's model of them (README, "SMS provider"): 3002 the number is refused
 * (INVALID_NUMBER), 4001 the code expired and 4002 the code was already used (EXPIRED); HTTP 429
 * is RATE_LIMITED; 401/403, 5xx, anything unreadable, a refused connection and a timeout are
 * UNAVAILABLE. Every call uses Node's global fetch with `AbortSignal.timeout`.
 */
import { isAllowedProviderUrl } from '../../../shared/contract/sms';
import { SmsProviderError, type SmsOtpProvider } from './sms-provider';

/** What the adapter needs; held only in the main process (issue 9, section 4). */
export interface EngageLabOtpConfig {
  /** e.g. `https://otp.api.engagelab.cc`; http only for a loopback host (tests, a local relay). */
  baseUrl: string;
  /** The API key id (EngageLab's dev_key). */
  devKey: string;
  /** The API key secret (EngageLab's dev_secret); stored encrypted (sms-settings.ts). */
  devSecret: string;
  /** The provider-side template that words the SMS. */
  templateId: string;
  /** Per call, in milliseconds; default 10 000. */
  timeoutMs?: number;
}

/** The provider's error codes this adapter understands (see the module comment). */
export const ENGAGELAB_ERROR = {
  invalidNumber: 3002,
  codeExpired: 4001,
  codeUsed: 4002,
} as const;

const DEFAULT_TIMEOUT_MS = 10_000;

interface Answer {
  status: number;
  body: Record<string, unknown> | null;
}

export class EngageLabOtpProvider implements SmsOtpProvider {
  private readonly base: string;
  private readonly auth: string;
  private readonly timeoutMs: number;

  constructor(private readonly config: EngageLabOtpConfig) {
    if (!isAllowedProviderUrl(config.baseUrl))
      throw new SmsProviderError('UNAVAILABLE', 'The SMS provider URL must use https');
    this.base = config.baseUrl.replace(/\/+$/, '');
    this.auth = `Basic ${Buffer.from(`${config.devKey}:${config.devSecret}`).toString('base64')}`;
    this.timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async sendCode(phoneE164: string): Promise<{ requestId: string }> {
    const { status, body } = await this.post('/v1/messages', {
      to: phoneE164,
      template: { id: this.config.templateId },
    });
    if (status >= 200 && status < 300) {
      const id = body?.['message_id'];
      if (typeof id === 'string' && id.length > 0 && id.length <= 200) return { requestId: id };
      throw new SmsProviderError('UNAVAILABLE', 'The SMS provider sent no message id', { status });
    }
    throw failure(status, body);
  }

  async verifyCode(requestId: string, code: string): Promise<boolean> {
    const { status, body } = await this.post('/v1/verifications', {
      message_id: requestId,
      verify_code: code,
    });
    if (status >= 200 && status < 300) {
      const verified = body?.['verified'];
      if (typeof verified === 'boolean') return verified;
      throw new SmsProviderError('UNAVAILABLE', 'The SMS provider gave no verdict', { status });
    }
    throw failure(status, body);
  }

  private async post(path: string, payload: unknown): Promise<Answer> {
    let response: Response;
    try {
      response = await fetch(this.base + path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: this.auth,
        },
        body: JSON.stringify(payload),
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      const timedOut = (cause as Error).name === 'TimeoutError';
      throw new SmsProviderError(
        'UNAVAILABLE',
        timedOut ? 'The SMS provider did not answer in time' : 'The SMS provider cannot be reached',
        { cause },
      );
    }
    let body: Record<string, unknown> | null = null;
    try {
      const parsed: unknown = JSON.parse(await response.text());
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        body = parsed as Record<string, unknown>;
    } catch (cause) {
      if ((cause as Error).name === 'TimeoutError')
        throw new SmsProviderError('UNAVAILABLE', 'The SMS provider did not answer in time', {
          status: response.status,
          cause,
        });
      body = null;
    }
    return { status: response.status, body };
  }
}

/** Maps a non-2xx answer to the interface's error codes. */
function failure(status: number, body: Record<string, unknown> | null): SmsProviderError {
  const code = body?.['code'];
  const said = typeof body?.['message'] === 'string' ? String(body['message']).slice(0, 200) : '';
  const detail = `HTTP ${status}${typeof code === 'number' ? ` code ${code}` : ''}${said ? `: ${said}` : ''}`;
  if (status === 429)
    return new SmsProviderError('RATE_LIMITED', `The SMS provider's limit was hit (${detail})`, {
      status,
    });
  if (status >= 400 && status < 500 && code === ENGAGELAB_ERROR.invalidNumber)
    return new SmsProviderError(
      'INVALID_NUMBER',
      `The SMS provider refused the number (${detail})`,
      {
        status,
      },
    );
  if (
    status >= 400 &&
    status < 500 &&
    (code === ENGAGELAB_ERROR.codeExpired || code === ENGAGELAB_ERROR.codeUsed)
  )
    return new SmsProviderError('EXPIRED', `The code is expired or used (${detail})`, { status });
  return new SmsProviderError('UNAVAILABLE', `The SMS provider failed (${detail})`, { status });
}
