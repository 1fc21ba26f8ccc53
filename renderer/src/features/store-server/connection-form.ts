import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../shared/contract';
import type { TlsMode } from '../../../../shared/contract/store-server';

/** What the connection fields hold; the port as typed. */
export interface ConnectionValues {
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
  tls: TlsMode;
  /** The CA certificate's PEM text, for verify-full. */
  ca: string;
  /** The name this till claims on the server (joining only). */
  tillName: string;
}

/** The fields the server's refusals may name, for useServerSubmit. */
export const CONNECTION_FIELDS = [
  'host',
  'port',
  'database',
  'user',
  'password',
  'tls',
  'ca',
  'tillName',
] as const;

/** The channels' `connection` of the typed values (the CA only with verify-full). */
export function connectionInput(
  v: ConnectionValues,
): ChannelInput<'storeServer:test'>['connection'] {
  const base = {
    host: v.host.trim(),
    port: Number(v.port),
    database: v.database.trim(),
    user: v.user.trim(),
    password: v.password,
  };
  return v.tls === 'verify-full' ? { ...base, tls: v.tls, ca: v.ca } : { ...base, tls: v.tls };
}

/**
 * The store server form's state, checked for shape here (the core checks it again and tests the
 * connection for real). `initial` fills it from the till's current connection in Settings;
 * `withTillName` asks for the till's name too (joining).
 */
export function useConnectionForm(initial: Partial<ConnectionValues>, withTillName: boolean) {
  const { t } = useTranslation('setup');
  const required = (v: string) => (v.trim() ? null : t('server.errors.required'));
  return useForm<ConnectionValues>({
    mode: 'controlled',
    initialValues: {
      host: '',
      port: '5432',
      database: 'kassa',
      user: 'kassa_till',
      password: '',
      tls: 'verify-full',
      ca: '',
      tillName: '',
      ...initial,
    },
    validateInputOnBlur: true,
    validate: {
      host: required,
      port: (v) =>
        /^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535
          ? null
          : t('server.errors.port'),
      database: required,
      user: required,
      password: (v) => (v ? null : t('server.errors.required')),
      ca: (v, values) =>
        values.tls !== 'verify-full' || v.includes('-----BEGIN CERTIFICATE-----')
          ? null
          : t('server.errors.ca'),
      tillName: (v) => (!withTillName || v.trim() ? null : t('server.errors.required')),
    },
  });
}
