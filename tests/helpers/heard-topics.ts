/**
 * Every store-change topic a till hears (issue 12, section 2), in order, and a way to await one
 * heard after a mark: for the tests of the announcements, on one till or several.
 */
import type { StoreChangeTopic } from '../../shared/contract/store-changes';

/** Anything that tells its store changes: a core (`TestCore.core`) or a store-server till. */
export interface TopicSource {
  onStoreChange(listener: (topic: StoreChangeTopic) => void): unknown;
}

export class Heard {
  readonly topics: StoreChangeTopic[] = [];
  private waiters: Array<() => void> = [];

  constructor(source: TopicSource) {
    source.onStoreChange((topic) => {
      this.topics.push(topic);
      this.waiters.forEach((wake) => wake());
    });
  }

  /** The number of topics heard so far: pass it to `next` to wait for later ones only. */
  mark(): number {
    return this.topics.length;
  }

  /** Resolves once `topic` is heard after `since`; rejects after `ms`. */
  next(topic: StoreChangeTopic, since: number, ms = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!this.topics.slice(since).includes(topic)) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`${topic} not heard within ${ms} ms (heard ${this.topics.slice(since)})`));
      }, ms);
      this.waiters.push(check);
      check();
    });
  }
}
