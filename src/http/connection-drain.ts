import type http from 'node:http';
import type { Socket } from 'node:net';
import net from 'node:net';
import type { Logger } from '../logger';

/** How long a connection accepted but still silent gets to send its request once the port closes. */
const FIRST_REQUEST_GRACE_MS = 1_000;

interface ConnectionState {
  /** Requests read on it whose answer has not finished. */
  inFlight: number;
  /** Requests answered on it. */
  answered: number;
  /** Handed to the WebSocket server: subscriptions end their own way (close code 1001). */
  upgraded: boolean;
}

/**
 * Stops an HTTP server without dropping what it accepted: every request it has read gets its
 * whole answer, and a connection it accepted gets to send its request.
 *
 * Node's own `server.close()` (and Apollo's drain plugin, which calls it) destroys every
 * connection without a request in progress at that instant, which includes connections just
 * accepted whose request has not been read yet: under load with a connection per request,
 * clients get resets for requests they have sent, writes included. Here the port closes, idle
 * keep-alive connections end, a silent new connection gets a moment to send its request, and
 * everything answered from the start of the stop carries `Connection: close`.
 */
export class ConnectionDrain {
  private readonly connections = new Map<Socket, ConnectionState>();
  private stopping = false;
  private closing = false;
  private settled: (() => void) | null = null;

  /** Register before the server's request listener: it marks answers before they are written. */
  constructor(
    private readonly server: http.Server,
    private readonly logger: Logger,
  ) {
    server.on('connection', (socket: Socket) => {
      this.connections.set(socket, { inFlight: 0, answered: 0, upgraded: false });
      socket.once('close', () => {
        this.connections.delete(socket);
        this.check();
      });
    });
    server.on('upgrade', (req: http.IncomingMessage) => {
      const state = this.connections.get(req.socket);
      if (state) state.upgraded = true;
    });
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      const state = this.connections.get(req.socket);
      if (!state) return;
      state.inFlight += 1;
      if (this.stopping) res.setHeader('connection', 'close');
      res.once('close', () => {
        state.inFlight -= 1;
        state.answered += 1;
        // Answered before the stop began, so kept alive: nothing more will come on it.
        if (this.closing && state.inFlight === 0) req.socket.end();
      });
    });
  }

  /** From now on every answer closes its connection (clients reconnect, to another replica). */
  beginStopping(): void {
    this.stopping = true;
  }

  /**
   * Closes the port, then waits until every connection has finished: idle keep-alive ones end
   * at once, silent new ones after a short grace, the others once their answers are sent.
   * Past `timeoutMs` the rest are cut (and their unanswered requests logged by the tracker).
   */
  async close(timeoutMs: number): Promise<void> {
    this.beginStopping();
    this.closing = true;
    if (this.server.listening) net.Server.prototype.close.call(this.server);
    for (const [socket, state] of this.connections)
      if (!state.upgraded && state.inFlight === 0 && state.answered > 0) socket.end();
    const grace = setTimeout(
      () => {
        for (const [socket, state] of this.connections) if (!state.upgraded && state.inFlight === 0) socket.destroy();
      },
      Math.min(FIRST_REQUEST_GRACE_MS, timeoutMs / 2),
    );
    const cap = setTimeout(() => {
      this.logger.warn('shutdown: closing the connections still open after the cap', {
        timeoutMs,
        connections: this.pending(),
      });
      for (const socket of this.connections.keys()) socket.destroy();
    }, timeoutMs);
    await new Promise<void>((resolve) => {
      this.settled = resolve;
      this.check();
    });
    clearTimeout(grace);
    clearTimeout(cap);
  }

  /** Connections still to finish (WebSockets close on their own). */
  private pending(): number {
    let count = 0;
    for (const state of this.connections.values()) if (!state.upgraded) count += 1;
    return count;
  }

  private check(): void {
    if (this.settled && this.pending() === 0) {
      this.settled();
      this.settled = null;
    }
  }
}
