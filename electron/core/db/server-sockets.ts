/**
 * The sockets of a till's pooled connections to its store server (issue 12, section 3), so that
 * the till can let go of all of them at once when the server stops answering.
 *
 * A server that goes silent without closing its connections (a hung host, a switch gone, a host
 * that lost its power) leaves every call on them waiting until TCP gives up: about 15 minutes for
 * a connection with a statement sent (Linux's `tcp_retries2`), over two hours for an idle one
 * (keepalive). Until then the pool hands those connections out, so the till's rounds could not
 * tell the server back, nor reach the promoted replica that the store moved the server's name to
 * (docs/deployment.md, "A streaming replica for failover"), and closing the till waited on them.
 * Dropped, the calls under way on them fail as a lost connection (SERVER_UNREACHABLE; a sale sent
 * again with its id is recorded once), and the next call opens a new connection to whatever
 * answers at the server's address now.
 */
import { Socket } from 'node:net';

export class ServerSockets {
  private readonly open = new Set<Socket>();
  private closed = false;

  /**
   * node-postgres's `stream` option (its Connection calls it once per connection): a new socket,
   * as its own default makes (`new net.Socket()`), remembered until it closes. With TLS the
   * driver wraps this socket, so dropping it ends the TLS connection too. After `close`, the
   * socket fails before it connects, once the driver listens to it.
   */
  readonly stream = (): Socket => {
    const socket = new Socket();
    if (this.closed) {
      setImmediate(() => socket.destroy(new Error('the till is closing')));
      return socket;
    }
    this.open.add(socket);
    socket.once('close', () => this.open.delete(socket));
    return socket;
  };

  /**
   * The till closes while its server is silent: drops every socket, and fails every connection
   * attempted from now on, so that closing asks the server nothing it would wait on.
   */
  close(): void {
    this.closed = true;
    this.dropAll();
  }

  /** Destroys every socket still open (see the top); answers how many there were. */
  dropAll(): number {
    const dropped = this.open.size;
    for (const socket of this.open) socket.destroy();
    this.open.clear();
    return dropped;
  }
}
