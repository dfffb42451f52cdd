import type { ExpressionBuilder } from 'kysely';
import type { SqlTimestamp } from '../../db/sql-dates';
import { type StatementBuilder, statement, sql } from '../../db/statements';
import type { Tables } from '../../db/tables';
import type { Role } from '../user/user.entity';

/** Every statement of the auth module (API tokens); the visibility predicates are in visibility.queries.ts. */

/** An API token as the API serves it (never its hash), from `api_tokens`. */
function tokenColumns(eb: ExpressionBuilder<{ api_tokens: Tables['api_tokens'] }, 'api_tokens'>) {
  return [
    eb.ref('id').as('id'),
    eb.ref('user_id').as('userId'),
    eb.ref('label').as('label'),
    eb.ref('token_prefix').as('tokenPrefix'),
    eb.ref('created_at').as('createdAt'),
    eb.ref('last_used_at').as('lastUsedAt'),
    eb.ref('revoked_at').as('revokedAt'),
  ];
}

/** The user a live token stands for, by the token's hash. */
export const viewerByTokenHash = statement('auth.viewerByTokenHash', (q: StatementBuilder<{ hash: string }>) =>
  q.db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select((eb) => [
      eb.ref('t.id').as('tokenId'),
      eb.ref('t.last_used_at').as('lastUsedAt'),
      'u.id',
      'u.name',
      eb.ref('u.role').$castTo<Role>().as('role'),
    ])
    .where('t.token_hash', '=', q.p.hash)
    .where('t.revoked_at', 'is', null),
);

/** Whether a token is still live (not revoked). */
export const liveToken = statement('auth.liveToken', (q: StatementBuilder<{ id: number }>) =>
  q.db
    .selectFrom('api_tokens')
    .select((eb) => eb.lit(1).as('ok'))
    .where('id', '=', q.p.id)
    .where('revoked_at', 'is', null),
);

export const userExists = statement('auth.userExists', (q: StatementBuilder<{ id: number }>) =>
  q.db.selectFrom('users').select('id').where('id', '=', q.p.id),
);

/** An API token as the API serves it. */
export type ApiTokenRow = NonNullable<(typeof tokenById)['row']>;

export const tokenById = statement('auth.tokenById', (q: StatementBuilder<{ id: number }>) =>
  q.db.selectFrom('api_tokens').select(tokenColumns).where('id', '=', q.p.id),
);

export const insertToken = statement(
  'auth.insertToken',
  (q: StatementBuilder<{ userId: number; label: string; hash: string; prefix: string }>) =>
    q.db
      .insertInto('api_tokens')
      .values({ user_id: q.p.userId, label: q.p.label, token_hash: q.p.hash, token_prefix: q.p.prefix })
      .returning(tokenColumns),
);

export const revokeToken = statement('auth.revoke', (q: StatementBuilder<{ id: number; revokedAt: string }>) =>
  q.db.updateTable('api_tokens').set({ revoked_at: q.p.revokedAt }).where('id', '=', q.p.id),
);

/** Refreshes a token's lastUsedAt unless another request (or replica) refreshed it since `stale`. */
export const touchToken = statement('auth.touch', (q: StatementBuilder<{ id: number; now: string; stale: string }>) =>
  q.db
    .updateTable('api_tokens')
    .set({ last_used_at: q.p.now })
    .where('id', '=', q.p.id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<SqlTimestamp>`${q.p.stale}`)])),
);
