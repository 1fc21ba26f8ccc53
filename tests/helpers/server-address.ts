/**
 * A store server's address that can be moved to another server, as a store moves the server's
 * name (its DNS record, or a virtual IP) to a promoted replica (docs/deployment.md, "A streaming
 * replica for failover"): a TCP forwarder on 127.0.0.1 that connects each new connection to the
 * port it points at now. Connections made before a move stay with the server they reached, as
 * they do when a name moves: a till's connections to a hung server hang on.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface ServerAddress {
  /** The port tills connect to. */
  port: number;
  /** From now on, new connections reach the server on `port`. */
  moveTo(port: number): void;
  /** Stops listening and ends every connection. */
  close(): Promise<void>;
}

/** An address on 127.0.0.1 that points at the server listening on `port` (see the top). */
export async function serverAddress(port: number): Promise<ServerAddress> {
  let target = port;
  const sockets = new Set<Socket>();
  const keep = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server: Server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    keep(client);
    keep(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    // One side gone, the other goes: a till that drops its connection ends it at the server too.
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    moveTo(next) {
      target = next;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
