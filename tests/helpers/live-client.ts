import type { GraphQLFormattedError } from 'graphql';
import { type Client, createClient, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import type { EventBus } from '../../src/events/change-events';

/** One subscription's stream as a test reads it: results in order, then how it ended. */
export class LiveStream<Data = Record<string, unknown>> {
  readonly results: FormattedExecutionResult<Data, unknown>[] = [];
  /** Set when the server refused or ended the operation with errors. */
  errors: readonly GraphQLFormattedError[] | null = null;
  completed = false;
  private waiters: (() => void)[] = [];
  dispose: () => void = () => {};

  push(result: FormattedExecutionResult<Data, unknown>): void {
    this.results.push(result);
    this.wake();
  }

  end(errors: readonly GraphQLFormattedError[] | null): void {
    this.errors = errors;
    this.completed = true;
    this.wake();
  }

  /** Resolves once `count` results arrived (or the stream ended); rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 3_000): Promise<FormattedExecutionResult<Data, unknown>[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.results.length < count && !this.completed) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `waited ${timeoutMs} ms for ${count} results, got ${this.results.length}: ${JSON.stringify(this.results)}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.results;
  }

  /**
   * Resolves once the server ended the operation, with its errors: those of an `error`
   * message (a refused document), or of a result without data (graphql-ws sends a failure to
   * start the event stream, e.g. NOT_FOUND, as a `next` result, then `complete`).
   */
  async ended(timeoutMs = 3_000): Promise<readonly GraphQLFormattedError[] | null> {
    const deadline = Date.now() + timeoutMs;
    while (!this.completed) {
      if (Date.now() > deadline) throw new Error(`the stream did not end within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.errors ?? this.results.find((result) => result.errors && !result.data)?.errors ?? null;
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

export interface LiveClient {
  client: Client;
  /** Starts a subscription; resolves once the server has it running (or refused it). */
  subscribe<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<LiveStream<Data>>;
  /** How the server closed the socket, if it did. */
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

/**
 * A graphql-ws client on a real WebSocket to the server's GraphQL path, with the token (if
 * any) in the connection parameters, as client apps send it. No retries: a refusal shows as
 * it is. The server's event bus tells when a subscription is live.
 */
/** A server in this process (its event bus is readable), or a service process (read its /metrics). */
export type LiveServer = { graphqlUrl: string; db: { events: EventBus } } | { graphqlUrl: string; metricsUrl: string };

/** The live subscriptions the server holds. */
export async function liveSubscriptions(server: LiveServer): Promise<number> {
  if ('db' in server) return server.db.events.subscriberCount;
  const metrics = await (await fetch(server.metricsUrl)).text();
  return Number(/^factline_live_subscriptions (\d+)$/m.exec(metrics)?.[1] ?? NaN);
}

export function connectLive(server: LiveServer, token?: string): LiveClient {
  let closedWith: (value: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (closedWith = resolve));
  const client = createClient({
    url: server.graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    on: {
      closed: (event) =>
        closedWith({ code: (event as { code: number }).code, reason: String((event as { reason: unknown }).reason) }),
    },
  });
  return {
    client,
    closed,
    async subscribe<Data>(query: string, variables?: Record<string, unknown>) {
      const before = await liveSubscriptions(server);
      const stream = new LiveStream<Data>();
      stream.dispose = client.subscribe<Data>(
        { query, variables },
        {
          next: (result) => stream.push(result),
          error: (error) =>
            stream.end(
              Array.isArray(error)
                ? (error as GraphQLFormattedError[])
                : [{ message: String((error as Error).message ?? error) }],
            ),
          complete: () => stream.end(null),
        },
      );
      // The server registers the operation asynchronously: wait until it is live or refused,
      // so that a write made next is one the subscriber must hear of.
      const deadline = Date.now() + 3_000;
      while (!stream.completed && (await liveSubscriptions(server)) <= before && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 5));
      return stream;
    },
    async close() {
      await client.dispose();
    },
  };
}
