/**
 * A till whose store server did not answer at start-up (issue 12, section 3) is not in safe mode:
 * it says "Store server unreachable since …", answers SERVER_UNREACHABLE, and waits. The core's
 * 5-second timer calls `tick`, which tries to connect once (SERVER_CONNECT_TIMEOUT_MS at most);
 * once the server answers, `onBack` has createCore boot the till again, so the migrations, the
 * schema and trigger checks and the services run as at any start, and any failure among them is
 * safe mode as usual.
 */
import type { DataSource } from 'typeorm';

export class ServerWait {
  private attempt: Promise<void> | null = null;
  private over = false;

  /**
   * `dataSource`: the till's store server, not yet open; `onBack`: called once, when it has
   * opened (the reboot's close of this core destroys it again).
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly onBack: () => void,
  ) {}

  /** One attempt to connect, unless one is under way or the wait is over. Never throws. */
  tick(): void {
    if (this.attempt || this.over) return;
    this.attempt = this.dataSource
      .initialize()
      .then(
        () => {
          if (this.over) return;
          this.over = true;
          this.onBack();
        },
        () => undefined, // still away: the next tick tries again
      )
      .finally(() => {
        this.attempt = null;
      });
  }

  /** Ends the wait; resolves once an attempt under way has finished (Core.close). */
  async close(): Promise<void> {
    this.over = true;
    await this.attempt;
  }
}
