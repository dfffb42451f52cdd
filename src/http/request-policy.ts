import type { IncomingHttpHeaders } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { operationCost, operationMutationCount, worstCaseCost } from '../graphql/limits';
import type { Viewer } from '../modules/auth/viewer';
import type { RequestInfo } from './observability';
import type { LimitName, RateLimiter } from './rate-limit';
import type { CachePolicy, ResponseCache } from './response-cache';

/**
 * What the service decides about a GraphQL request, whichever path executes it: Apollo's
 * pipeline (through the plugin below and the response-cache middleware) or the compiled-query
 * lane (src/http/compiled-query-lane.ts). One module, so the two paths cannot come to differ:
 * - the operation's label (name and type) for logs and metrics;
 * - what it spends from the rate budgets (a point per mutation field; a point for a query whose
 *   cost, for these variables, reaches the expensive bar);
 * - whether its answer may come from, and go into, the response cache.
 */
export interface OperationRef {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

export interface BudgetDecision {
  limit: LimitName;
  points: number;
}

export class RequestPolicy implements CachePolicy {
  constructor(
    readonly rateLimiter: RateLimiter,
    readonly cache: ResponseCache | null,
  ) {}

  /** Names the operation on the request's log line and metrics. */
  label(info: RequestInfo | undefined, operationType: string | undefined, operationName: string | undefined): void {
    if (!info) return;
    info.operation = operationName;
    info.operationType = operationType;
  }

  /** What the operation spends, or null when it spends nothing. */
  budget({ schema, document, operation, operationName, variables }: OperationRef): BudgetDecision | null {
    const limit = this.rateLimiter.budgetOf(operation.operation, () => {
      // The worst case over all variables is known from validation: below the bar, done.
      const worst = worstCaseCost(schema, document, operationName);
      return worst !== null && worst < this.rateLimiter.expensiveCost
        ? worst
        : operationCost(schema, document, operationName, variables);
    });
    if (!limit) return null;
    // Each mutation field is a write of its own (the validation rules cap how many one request holds).
    return { limit, points: limit === 'mutations' ? Math.max(1, operationMutationCount(document, operation)) : 1 };
  }

  /** Spends a decision from the viewer's and the address's budgets; throws RATE_LIMITED when either cannot pay. */
  spend(decision: BudgetDecision, viewer: Viewer, ip: string | undefined): Promise<void> {
    const keys = [`ip:${ip ?? ''}`];
    if (viewer.user) keys.push(`user:${viewer.user.id}`);
    return this.rateLimiter.spend(decision.limit, keys, decision.points);
  }

  /**
   * The response-cache key of a request, or null when its answer must not come from the cache:
   * credentials make an answer personal. The answer's content type depends on Accept, so it is
   * part of the key. A GET without a preflight header is Apollo's to refuse (CSRF prevention).
   */
  cacheKey(request: { method: string; headers: IncomingHttpHeaders; url?: string; body?: unknown }): string | null {
    if (!this.cache || hasCredentials(request.headers)) return null;
    const accept = request.headers.accept ?? '';
    if (request.method === 'GET') {
      return request.headers['apollo-require-preflight'] || request.headers['x-apollo-operation-name']
        ? `GET ${accept}\n${request.url ?? ''}`
        : null;
    }
    if (request.method !== 'POST' || !isPlainObject(request.body)) return null;
    const { query, variables, operationName, extensions } = request.body;
    if (typeof query !== 'string') return null;
    return `POST ${accept}\n${JSON.stringify([query, variables ?? null, operationName ?? null, extensions ?? null])}`;
  }

  /** Whether an answer may be kept: a query answered 200 without errors. */
  cacheable(status: number, info: RequestInfo | undefined): boolean {
    return status === 200 && info?.operationType === 'query' && info.errorCodes.length === 0;
  }
}

/** Credentials make an answer personal: never cached, never served from the cache. */
export function hasCredentials(headers: IncomingHttpHeaders): boolean {
  return headers.authorization !== undefined || headers.cookie !== undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The policy in Apollo's pipeline: labels every operation, spends rate budgets. */
export function requestPolicyPlugin<T extends { viewer: Viewer; request?: RequestInfo }>(
  schema: GraphQLSchema,
  policy: RequestPolicy,
): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, operationName, request }) {
          policy.label(contextValue.request, operation?.operation, operationName ?? undefined);
          if (!operation) return;
          const decision = policy.budget({
            schema,
            document,
            operation,
            operationName: operationName ?? undefined,
            variables: request.variables ?? {},
          });
          if (decision) await policy.spend(decision, contextValue.viewer, contextValue.request?.ip);
        },
      };
    },
  };
}
