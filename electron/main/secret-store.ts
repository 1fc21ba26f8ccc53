/**
 * The OS keychain for the Electron app: keytar, behind the core's one small `SecretStore`
 * interface (security-requirements "Keychain"), under the service name `Kassa`. Swapping keytar
 * (archived upstream) for Electron `safeStorage` or `@napi-rs/keyring` happens in the core's
 * secret-store module, not here.
 */
import { createKeytarSecretStore } from '../core/secrets/keytar-store';
import type { SecretStore } from '../core/types';

/** The keychain service name every Kassa secret is stored under. */
export const KEYCHAIN_SERVICE = 'Kassa';

/** The secret store the app's core uses. Throws (later, per call) when no keychain is available. */
export function createAppSecretStore(): SecretStore {
  return createKeytarSecretStore(KEYCHAIN_SERVICE);
}
