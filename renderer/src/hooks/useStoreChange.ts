import { useEffect, useRef, useState } from 'react';
import type { StoreChangeTopic } from '../../../shared/contract/store-changes';
import { refreshOn } from '../stores/store-changes';

/**
 * Runs `refresh` when `topic` changed (issue 12, section 2) while the calling component is
 * mounted: for a screen that keeps what it shows in its own state rather than in a store that
 * registers with `refreshOn`. The call passes the same gate as the stores' reads
 * (`stores/store-changes.ts`): while the window is unattended, locked or signed out, the topic
 * waits for the member's next activity. Always the latest `refresh` runs, so it may close over
 * the component's current state.
 */
export function useStoreChange(topic: StoreChangeTopic, refresh: () => unknown): void {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  useEffect(() => refreshOn(topic, () => latest.current()), [topic]);
}

/**
 * Runs `load` when the calling component mounts (and whenever `load` changes), and again when
 * `topic` changed (`useStoreChange`): the read of a panel that shows what is stored now. `load`
 * handles its own errors; its promise is not awaited here.
 */
export function useLoadFollowing(topic: StoreChangeTopic, load: () => Promise<unknown>): void {
  useEffect(() => {
    void load();
  }, [load]);
  useStoreChange(topic, load);
}

/**
 * A count that grows by one each time `topic` changed while the calling component is mounted
 * (`useStoreChange`): put it in an effect's dependencies to run that read again.
 */
export function useStoreChangeCount(topic: StoreChangeTopic): number {
  const [count, setCount] = useState(0);
  useStoreChange(topic, () => setCount((n) => n + 1));
  return count;
}
