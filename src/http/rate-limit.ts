import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimits } from '../config';
import { ErrorCode } from '../domain/errors';

export type LimitName = 'mutations' | 'expensive';

/**
 * Per-client budgets for what costs the service most: mutations (each mutation field a write
 * transaction in the one write queue, so a request with five aliased mutations spends five)
 * and expensive queries (cost from the query-limits estimate). Each
 * request spends from two budgets, its token's (the user's, so one account cannot spread its
 * load over many addresses) and its address's (so anonymous clients and a flood of tokens
 * from one host are held too). In memory, per process: with several replicas each enforces
 * its own budget. What an operation spends is decided by src/http/request-policy.ts.
 */
export class RateLimiter {
  private readonly limiters: Record<LimitName, RateLimiterMemory | null>;

  constructor(private readonly limits: RateLimits) {
    const make = (points: number) => (points > 0 ? new RateLimiterMemory({ points, duration: 60 }) : null);
    this.limiters = { mutations: make(limits.mutationsPerMinute), expensive: make(limits.expensivePerMinute) };
  }

  get expensiveCost(): number {
    return this.limits.expensiveCost;
  }

  /** Which budget the operation spends, if any. */
  budgetOf(type: string, cost: () => number): LimitName | null {
    if (type === 'mutation') return this.limiters.mutations ? 'mutations' : null;
    if (type === 'query' && this.limiters.expensive && cost() >= this.limits.expensiveCost) return 'expensive';
    return null;
  }

  /** Spends `points` from the token's and the address's budgets; throws RATE_LIMITED when either cannot pay. */
  async spend(limit: LimitName, keys: string[], points = 1): Promise<void> {
    const limiter = this.limiters[limit];
    if (!limiter) return;
    const outcomes = await Promise.allSettled(keys.map((key) => limiter.consume(key, points)));
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    if (refused.length === 0) return;
    const waits = refused.map((reason) => (reason instanceof RateLimiterRes ? reason.msBeforeNext : 60_000));
    throw rateLimited(limit, Math.max(1, Math.ceil(Math.max(...waits) / 1000)));
  }
}

function rateLimited(limit: LimitName, retryAfterSeconds: number): GraphQLError {
  const what = limit === 'mutations' ? 'changes' : 'expensive queries';
  return new GraphQLError(`Too many ${what}: try again in ${retryAfterSeconds} s.`, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      limit,
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
