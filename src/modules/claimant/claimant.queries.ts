import type { ExpressionBuilder } from 'kysely';
import { type StatementBuilder, statement, statementVariants, sql } from '../../db/statements';
import type { Tables } from '../../db/tables';
import type { Verdict } from '../annotation/verdict';
import { VISIBILITY_LEVELS, type VisibilityLevel } from '../auth/visibility';
import { articleVisible, claimantVisible } from '../auth/visibility.queries';
import { claimColumns } from '../claim/claim.queries';
import type { ClaimantKind } from './claimant.entity';

/** Every statement of the claimant module. */

/** The columns of a claimant as the API serves it, from `claimants cl`. */
export function claimantColumns(eb: ExpressionBuilder<{ cl: Tables['claimants'] }, 'cl'>) {
  return [
    eb.ref('cl.id').as('id'),
    eb.ref('cl.slug').as('slug'),
    eb.ref('cl.name').as('name'),
    eb.ref('cl.aliases').as('aliases'),
    eb.ref('cl.description').as('description'),
    eb.ref('cl.wikidata_id').as('wikidataId'),
    eb.ref('cl.kind').$castTo<ClaimantKind>().as('kind'),
  ];
}

/**
 * Claimants by id, each as the claimant it now resolves to (a merged one as the one it was
 * merged into), if the viewer may see that one; `requestedId` is the id asked for.
 */
export const claimantsByIds = statementVariants(
  'claimant.byIds',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[] }>, level) =>
    q.db
      .selectFrom(q.keys('ids'))
      .innerJoin('claimants as m', (join) => join.onRef('m.id', '=', 'k.value'))
      .innerJoin('claimants as cl', (join) =>
        join.on((eb) => eb('cl.id', '=', eb.fn.coalesce('m.merged_into_id', 'm.id'))),
      )
      .select((eb) => [eb.ref('m.id').as('requestedId'), ...claimantColumns(eb)])
      .where(claimantVisible(level)),
);

/** Claimants by slug, resolved as by id. */
export const claimantsBySlugs = statementVariants(
  'claimant.bySlugs',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ slugs: readonly string[] }>, level) =>
    q.db
      .selectFrom(q.keys('slugs', 'text'))
      .innerJoin('claimants as m', (join) => join.onRef('m.slug', '=', 'k.value'))
      .innerJoin('claimants as cl', (join) =>
        join.on((eb) => eb('cl.id', '=', eb.fn.coalesce('m.merged_into_id', 'm.id'))),
      )
      .select((eb) => [eb.ref('m.slug').as('requestedSlug'), ...claimantColumns(eb)])
      .where(claimantVisible(level)),
);

/** Whether the list is narrowed by a name or alias. */
export type ClaimantListVariant = `${VisibilityLevel}:${'all' | 'query'}`;
const CLAIMANT_LIST_VARIANTS = VISIBILITY_LEVELS.flatMap((level): ClaimantListVariant[] => [
  `${level}:all`,
  `${level}:query`,
]);

/**
 * Live claimants the viewer may see; with a query, those whose name or an alias contains it.
 * `pattern` is a LIKE pattern over the keys (nameKeyOf: lower case on both databases, so the
 * match is case-insensitive alike on both), its wildcards escaped with a backslash.
 */
function claimantList<P extends { pattern: string | null }>(q: StatementBuilder<P>, variant: ClaimantListVariant) {
  const [level, filter] = variant.split(':') as [VisibilityLevel, 'all' | 'query'];
  let list = q.db.selectFrom('claimants as cl').where('cl.merged_into_id', 'is', null).where(claimantVisible(level));
  if (filter === 'query') list = list.where(sql<boolean>`cl.search_keys LIKE ${q.p.pattern} ESCAPE '\\'`);
  return list;
}

/** A keyset page of the claimants list, oldest first. */
export const claimantPage = statementVariants(
  'claimant.page',
  CLAIMANT_LIST_VARIANTS,
  (q: StatementBuilder<{ pattern: string | null; afterId: number; limit: number }>, variant) =>
    claimantList(q, variant).select(claimantColumns).where('cl.id', '>', q.p.afterId).orderBy('cl.id').limit(q.p.limit),
);

export const claimantCount = statementVariants(
  'claimant.count',
  CLAIMANT_LIST_VARIANTS,
  (q: StatementBuilder<{ pattern: string | null }>, variant) =>
    claimantList(q, variant).select((eb) => eb.fn.countAll<number>().as('n')),
);

/** Whether a claimant's claims are narrowed to one verdict. */
export type ClaimantClaimsVariant = `${VisibilityLevel}:${'all' | 'verdict'}`;
const CLAIMANT_CLAIMS_VARIANTS = VISIBILITY_LEVELS.flatMap((level): ClaimantClaimsVariant[] => [
  `${level}:all`,
  `${level}:verdict`,
]);

/**
 * A page of the claims of each of several claimants (oldest first, after `afterId`, at most
 * `limit` each) the viewer may see: one statement for every claimant of a list.
 */
export const claimsOfClaimants = statementVariants(
  'claimant.claims',
  CLAIMANT_CLAIMS_VARIANTS,
  (
    q: StatementBuilder<{ ids: readonly number[]; verdict: Verdict | null; afterId: number; limit: number }>,
    variant,
  ) => {
    const [level, filter] = variant.split(':') as [VisibilityLevel, 'all' | 'verdict'];
    let claims = q.db
      .selectFrom('claims as c')
      .innerJoin('articles as a', 'a.id', 'c.article_id')
      .select((eb) => [
        ...claimColumns(eb),
        eb.ref('c.claimant_id').$notNull().as('ofClaimant'),
        sql<number>`ROW_NUMBER() OVER (PARTITION BY c.claimant_id ORDER BY c.id)`.as('position'),
      ])
      .where('c.claimant_id', 'in', q.keyList('ids'))
      .where('c.deleted_at', 'is', null)
      .where('c.id', '>', q.p.afterId)
      .where(articleVisible(level));
    if (filter === 'verdict') claims = claims.where('c.verdict', '=', q.p.verdict);
    return q.db
      .selectFrom(claims.as('t'))
      .selectAll('t')
      .where('t.position', '<=', q.p.limit)
      .orderBy('t.ofClaimant')
      .orderBy('t.id');
  },
);

/** How many claims of each claimant the viewer may see, by verdict: counts and verdict summaries. */
export const claimStatsOfClaimants = statementVariants(
  'claimant.claimStats',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ ids: readonly number[] }>, level) =>
    q.db
      .selectFrom('claims as c')
      .innerJoin('articles as a', 'a.id', 'c.article_id')
      .select((eb) => [
        eb.ref('c.claimant_id').$notNull().as('claimantId'),
        eb.ref('c.verdict').$castTo<Verdict | null>().as('verdict'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('c.claimant_id', 'in', q.keyList('ids'))
      .where('c.deleted_at', 'is', null)
      .where(articleVisible(level))
      .groupBy(['c.claimant_id', 'c.verdict']),
);

/* Writes. */

/** The live claimant of a name key. */
export const claimantByNameKey = statement('claimant.byNameKey', (q: StatementBuilder<{ nameKey: string }>) =>
  q.db.selectFrom('claimants').select(['id', 'name']).where('name_key', '=', q.p.nameKey),
);

export const slugTaken = statement('claimant.slugTaken', (q: StatementBuilder<{ slug: string }>) =>
  q.db.selectFrom('claimants').select('id').where('slug', '=', q.p.slug),
);

export const insertClaimantRow = statement(
  'claimant.insert',
  (
    q: StatementBuilder<{
      slug: string;
      name: string;
      nameKey: string;
      aliases: string;
      searchKeys: string;
      description: string | null;
      wikidataId: string | null;
      kind: ClaimantKind;
    }>,
  ) =>
    q.db
      .insertInto('claimants')
      .values({
        slug: q.p.slug,
        name: q.p.name,
        name_key: q.p.nameKey,
        aliases: q.p.aliases,
        search_keys: q.p.searchKeys,
        description: q.p.description,
        wikidata_id: q.p.wikidataId,
        kind: q.p.kind,
      })
      .returning('id'),
);

/** The live claimant an id resolves to (itself, or the one it was merged into). */
export const liveClaimantOf = statement('claimant.liveOf', (q: StatementBuilder<{ id: number }>) =>
  q.db
    .selectFrom('claimants as m')
    .innerJoin('claimants as cl', (join) =>
      join.on((eb) => eb('cl.id', '=', eb.fn.coalesce('m.merged_into_id', 'm.id'))),
    )
    .select(['cl.id', 'cl.name'])
    .where('m.id', '=', q.p.id),
);

/** A claimant to change, as stored (merged ones too: the service refuses them). */
export const claimantForWrite = statement('claimant.forWrite', (q: StatementBuilder<{ id: number }>) =>
  q.db
    .selectFrom('claimants as cl')
    .select((eb) => [
      ...claimantColumns(eb),
      eb.ref('cl.name_key').as('nameKey'),
      eb.ref('cl.merged_into_id').as('mergedIntoId'),
    ])
    .where('cl.id', '=', q.p.id),
);

/** Whether the viewer may see the claimant: what they cannot see, they cannot change. */
export const claimantVisibleForWrite = statementVariants(
  'claimant.visibleForWrite',
  VISIBILITY_LEVELS,
  (q: StatementBuilder<{ id: number }>, level) =>
    q.db.selectFrom('claimants as cl').select('cl.id').where('cl.id', '=', q.p.id).where(claimantVisible(level)),
);

export const updateClaimantRow = statement(
  'claimant.update',
  (
    q: StatementBuilder<{
      id: number;
      name: string;
      nameKey: string;
      aliases: string;
      searchKeys: string;
      description: string | null;
      wikidataId: string | null;
      kind: ClaimantKind;
    }>,
  ) =>
    q.db
      .updateTable('claimants')
      .set({
        name: q.p.name,
        name_key: q.p.nameKey,
        aliases: q.p.aliases,
        search_keys: q.p.searchKeys,
        description: q.p.description,
        wikidata_id: q.p.wikidataId,
        kind: q.p.kind,
        updated_at: sql`CURRENT_TIMESTAMP`,
      })
      .where('id', '=', q.p.id),
);

/**
 * The live claims of a claimant, as the write paths change them (with the claimant's name
 * and their article's revision), and the id of each one's newest public fact-check, if any:
 * a claim that has one is on the public record.
 */
export const liveClaimsOfClaimant = statement('claimant.liveClaims', (q: StatementBuilder<{ claimantId: number }>) =>
  q.db
    .selectFrom('claims as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .innerJoin('claimants as cl', 'cl.id', 'c.claimant_id')
    .select((eb) => [
      ...claimColumns(eb),
      eb.ref('cl.name').$castTo<string | null>().as('claimant'),
      eb.ref('a.revision').as('articleRevision'),
      eb
        .selectFrom('annotations as n')
        .select('n.id')
        .whereRef('n.claim_id', '=', 'c.id')
        .where('n.status', 'in', [sql.lit('PUBLISHED'), sql.lit('RETRACTED')])
        .orderBy(sql`CASE n.status WHEN 'PUBLISHED' THEN 0 ELSE 1 END`)
        .orderBy(q.dialect === 'sqlite' ? sql`n.published_at DESC` : sql`n.published_at DESC NULLS LAST`)
        .orderBy('n.id', 'desc')
        .limit(sql.lit(1))
        .as('publicCheckId'),
    ])
    .where('c.claimant_id', '=', q.p.claimantId)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.id'),
);

/** Moves every claim (deleted ones too) of one claimant to another. */
export const moveClaims = statement('claimant.moveClaims', (q: StatementBuilder<{ fromId: number; toId: number }>) =>
  q.db
    .updateTable('claims')
    .set({ claimant_id: q.p.toId, updated_at: sql`CURRENT_TIMESTAMP` })
    .where('claimant_id', '=', q.p.fromId),
);

/**
 * Marks a claimant merged into another, and repoints those merged into it before: a merged id
 * resolves in one step. Its name key goes (the keeper's stands for both).
 */
export const markMerged = statement('claimant.markMerged', (q: StatementBuilder<{ fromId: number; toId: number }>) =>
  q.db
    .updateTable('claimants')
    .set({ merged_into_id: q.p.toId, name_key: null, updated_at: sql`CURRENT_TIMESTAMP` })
    .where((eb) => eb.or([eb('id', '=', q.p.fromId), eb('merged_into_id', '=', q.p.fromId)])),
);
