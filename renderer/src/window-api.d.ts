/** `window.api`, which the preload builds from the contract (shared/api.ts, E2). */
interface Window {
  api: import('../../shared/api').KassaWindowApi;
}
