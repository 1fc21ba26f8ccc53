/**
 * Keeps calls in the order they arrived across an await whose answers come back in any order
 * (the router's settings read on a store server, issue 12). Each call takes a turn when it
 * arrives; after its own await it waits for `ready`, which is when every call that arrived
 * before it has called `done`, and calls `done` itself once it has gone on (in the router: once
 * its write is queued, or it was refused). The awaits themselves still overlap; only what comes
 * after them is put back in order.
 *
 * Why: a till's write queue runs writes in the order they are queued (write-queue.ts), and on
 * SQLite nothing before it is awaited, so a till applies its calls in the order they were made: a
 * checkout sent before a currency change is priced in the old currency, and the change is then
 * refused (money-rules.test.ts). A store server must not turn that order around.
 */
export interface Turn {
  /** Resolves once every earlier turn is done. */
  readonly ready: Promise<void>;
  /** Lets the next turn go on; idempotent. */
  done(): void;
}

export class ArrivalOrder {
  private last: Promise<void> = Promise.resolve();

  /** The turn of a call arriving now. */
  next(): Turn {
    const ready = this.last;
    let done!: () => void;
    this.last = new Promise<void>((resolve) => (done = resolve));
    return { ready, done };
  }
}
