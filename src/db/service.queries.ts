import { statement, sql } from './statements';

/** The statements the service runs about itself rather than about its content. */

/** The readiness probe's round trip: the database answers. */
export const readinessProbe = statement('service.readinessProbe', (q) => q.db.selectNoFrom(sql<number>`1`.as('ok')));

/** Articles, users and sources together: zero on a database nothing was ever loaded into. */
export const contentCount = statement('service.contentCount', (q) =>
  q.db.selectNoFrom((eb) =>
    eb(
      eb(
        eb.selectFrom('articles').select(eb.fn.countAll<number>().as('n')),
        '+',
        eb.selectFrom('users').select(eb.fn.countAll<number>().as('n')),
      ),
      '+',
      eb.selectFrom('sources').select(eb.fn.countAll<number>().as('n')),
    ).as('n'),
  ),
);

/**
 * TypeORM's record of the migrations applied, in order. Its table is TypeORM's, not an entity's,
 * so it is typed here rather than in src/db/tables.ts.
 */
export const appliedMigrations = statement('service.appliedMigrations', (q) =>
  q.db
    .withTables<{ migrations: { id: number; timestamp: number; name: string } }>()
    .selectFrom('migrations')
    .select('name')
    .orderBy('id'),
);
