/**
 * The shift's listeners, for the lead to wire (issue 10, sections 2 and 5): printing prints the
 * Z report and kicks the drawer; backups run after a close. Listeners run after the commit, in
 * order; one that throws is logged and never undoes the close or the no-sale, nor stops the rest.
 */
import type { ZReport } from '../../../shared/contract';
import type { Logger } from '../types';

/** Why the drawer opens: a no-sale, the float counted into it at the open, cash paid in or out. */
export type DrawerOpenReason = 'noSale' | 'float' | 'paidIn' | 'paidOut';

export interface DrawerOpenEvent {
  reason: DrawerOpenReason;
  tillId: number;
}

type Listener<T> = (event: T) => void | Promise<void>;

export class ShiftEvents {
  private readonly closed: Listener<ZReport>[] = [];
  private readonly drawer: Listener<DrawerOpenEvent>[] = [];

  /**
   * `afterCommit` is Database.afterCommit: the events are raised inside the router's write (A8),
   * and a listener that queued a print job or took a backup from inside it would act on a
   * transaction still open (on a store server, one already gone by the time it ran).
   */
  constructor(
    private readonly logger: Logger,
    private readonly afterCommit: (fn: () => void) => void,
  ) {}

  /** Adds a listener called with each new Z report; returns a function that removes it. */
  onShiftClosed(listener: Listener<ZReport>): () => void {
    return add(this.closed, listener);
  }

  /** Adds a listener called when the drawer should open; returns a function that removes it. */
  onDrawerOpen(listener: Listener<DrawerOpenEvent>): () => void {
    return add(this.drawer, listener);
  }

  /** Calls every shift-closed listener with `z`, once the current write has committed. */
  shiftClosed(z: ZReport): void {
    this.afterCommit(() => void this.emit(this.closed, z, 'shift-closed'));
  }

  /** Calls every drawer listener with `event`, once the current write has committed. */
  drawerOpen(event: DrawerOpenEvent): void {
    this.afterCommit(() => void this.emit(this.drawer, event, 'drawer-open'));
  }

  private async emit<T>(list: readonly Listener<T>[], event: T, name: string): Promise<void> {
    for (const l of [...list]) {
      try {
        await l(event);
      } catch (e) {
        this.logger.error(`${name} listener failed`, { error: (e as Error).message });
      }
    }
  }
}

function add<T>(list: Listener<T>[], listener: Listener<T>): () => void {
  list.push(listener);
  return () => {
    const i = list.indexOf(listener);
    if (i >= 0) list.splice(i, 1);
  };
}
