/** Secret stores and the data-protection key (docs/security-requirements.md, "Keychain"). */
export {
  createKeytarSecretStore,
  type KeytarApi,
  type KeytarSecretStoreOptions,
} from './keytar-store';
export { createMemorySecretStore } from './memory-store';
export {
  DATA_PROTECTION_KEY_ACCOUNT,
  DATA_PROTECTION_KEY_BYTES,
  getOrCreateDataProtectionKey,
} from './data-key';
export { KeychainUnavailableError, type SecretStoreOperation } from './errors';
export { openText, sealText } from './sealed-text';
