import type { EntityManager } from 'typeorm';
import { describeBodyChange, reanchor } from '../../anchoring/reanchor';
import type { TextSelectorValue } from '../../anchoring/text-selector';
import { execute } from '../../db/sql';
import { fromSqlDate, toSqlDate } from '../../db/sql-dates';
import type { ArticleEntity } from '../article/article.entity';
import { ClaimAnchorStatus } from './anchor-status';
import type { ClaimEntity } from './claim.entity';
import { insertClaimAnchor, insertClaimRow, liveClaimsOfArticle, updateClaimAnchor } from './claim.queries';
import type { ClaimantRef } from '../claimant/claimant-writes';
import type { ClaimRow } from './claim.rows';
import type { Verdict } from '../annotation/verdict';
import { insertFurtherPlace } from '../appearance/appearance.queries';

/**
 * A claim as the write paths read and change it: its words, place and anchor state, and its
 * claimant's name as it now reads (the history keeps it as it was written).
 */
export type ClaimState = Omit<ClaimRow, '__typename' | 'asOf' | 'claimantAsOf'> & { claimant: string | null };

/** Stores a new claim anchored at `selector` in the article's current text, with its first history row. */
export async function insertClaim(
  manager: EntityManager,
  article: Pick<ArticleEntity, 'id' | 'revision'>,
  selector: TextSelectorValue,
  claimant: ClaimantRef | null,
  words: { text?: string | null; language?: string | null } = {},
): Promise<Omit<ClaimEntity, 'claimant'>> {
  const fields = {
    articleId: article.id,
    quote: selector.exact,
    prefix: selector.prefix,
    suffix: selector.suffix,
    startOffset: selector.start,
    endOffset: selector.end,
    text: words.text ?? null,
    language: words.language ?? null,
    claimantId: claimant?.id ?? null,
    checkedRevision: article.revision,
  };
  const [stored] = await execute(manager, insertClaimRow, fields);
  const claim: ClaimState = {
    id: stored.id,
    ...fields,
    claimant: claimant?.name ?? null,
    verdict: null,
    anchorStatus: ClaimAnchorStatus.ANCHORED,
    anchorScore: null,
    anchorExact: null,
  };
  await recordAnchor(manager, claim, article.revision);
  const { claimant: _name, ...row } = claim;
  return {
    ...row,
    externalId: null,
    appearanceOfId: null,
    textKey: null,
    mergedAt: null,
    deletedAt: null,
    createdAt: fromSqlDate(stored.createdAt)!,
    updatedAt: fromSqlDate(stored.updatedAt)!,
  };
}

/**
 * Stores a further place of a claim, anchored at `selector` in another article's current text
 * and carrying the claim's verdict, with its first history row (the API and imports add places
 * through here). Returns the place's id.
 */
export async function insertClaimPlace(
  manager: EntityManager,
  claim: { id: number; verdict: Verdict | string | null },
  article: Pick<ArticleEntity, 'id' | 'revision'>,
  selector: TextSelectorValue,
): Promise<number> {
  const place = {
    articleId: article.id,
    quote: selector.exact,
    prefix: selector.prefix,
    suffix: selector.suffix,
    startOffset: selector.start,
    endOffset: selector.end,
    checkedRevision: article.revision,
  };
  const [stored] = await execute(manager, insertFurtherPlace, { claimId: claim.id, verdict: claim.verdict, ...place });
  await recordAnchor(
    manager,
    {
      id: stored.id,
      ...place,
      text: null,
      language: null,
      claimantId: null,
      claimant: null,
      verdict: claim.verdict as Verdict | null,
      anchorStatus: ClaimAnchorStatus.ANCHORED,
      anchorScore: null,
      anchorExact: null,
    },
    article.revision,
  );
  return stored.id;
}

/** Appends the claim's anchor as it now stands to its history (point-in-time reads use it). */
export async function recordAnchor(manager: EntityManager, claim: ClaimState, articleRevision: number): Promise<void> {
  await execute(manager, insertClaimAnchor, {
    claimId: claim.id,
    articleRevision,
    status: claim.anchorStatus,
    quote: claim.quote,
    text: claim.text,
    claimant: claim.claimant,
    claimantId: claim.claimantId,
    anchorExact: claim.anchorExact,
    prefix: claim.prefix,
    suffix: claim.suffix,
    startOffset: claim.startOffset,
    endOffset: claim.endOffset,
    score: claim.anchorScore,
    checkedRevision: claim.checkedRevision,
    // Milliseconds matter to point-in-time reads; the column default keeps only seconds.
    createdAt: toSqlDate(new Date()),
  });
}

/** Stores the claim's anchor state as it now stands (its words, place, status and checked revision). */
export async function storeAnchor(manager: EntityManager, claim: ClaimState): Promise<void> {
  await execute(manager, updateClaimAnchor, {
    id: claim.id,
    quote: claim.quote,
    prefix: claim.prefix,
    suffix: claim.suffix,
    startOffset: claim.startOffset,
    endOffset: claim.endOffset,
    anchorStatus: claim.anchorStatus,
    anchorScore: claim.anchorScore,
    anchorExact: claim.anchorExact,
    checkedRevision: claim.checkedRevision,
  });
}

export interface ReanchorSummary {
  counts: Record<ClaimAnchorStatus, number>;
}

/**
 * Locates every live claim of an article again after its body changed from `oldBody` to
 * `newBody`, inside the caller's transaction (the body change and every claim update are one
 * unit). Unanchorable claims keep their last offsets but are marked AMBIGUOUS or ORPHANED;
 * the read side then serves no selector for them.
 */
export async function reanchorArticleClaims(
  manager: EntityManager,
  articleId: number,
  oldBody: string,
  newBody: string,
  revision: number,
): Promise<ReanchorSummary> {
  const counts = Object.fromEntries(Object.values(ClaimAnchorStatus).map((status) => [status, 0])) as Record<
    ClaimAnchorStatus,
    number
  >;
  const claims: ClaimState[] = await execute(manager, liveClaimsOfArticle, { articleId });
  const change = describeBodyChange(oldBody, newBody);
  for (const claim of claims) {
    // An orphaned or ambiguous claim has no trustworthy place: search from its last known one.
    const exact = claim.anchorExact ?? claim.quote;
    const result = reanchor(change, {
      quote: exact,
      prefix: claim.prefix,
      suffix: claim.suffix,
      start: claim.startOffset,
      end: claim.endOffset,
    });
    const status = toClaimStatus(result.status, claim);
    // A FUZZY claim found again intact keeps the score of its changed words.
    const score =
      status === ClaimAnchorStatus.FUZZY && result.status !== ClaimAnchorStatus.FUZZY
        ? claim.anchorScore
        : result.score;
    const update: Partial<ClaimState> = { anchorStatus: status, anchorScore: score };
    if (result.selector) {
      if (newBody.slice(result.selector.start, result.selector.end) !== result.selector.exact)
        throw new Error('re-anchoring produced an anchor that does not match the text');
      update.startOffset = result.selector.start;
      update.endOffset = result.selector.end;
      update.prefix = result.selector.prefix;
      update.suffix = result.selector.suffix;
      update.anchorExact = result.selector.exact === claim.quote ? null : result.selector.exact;
    }
    Object.assign(claim, update);
    await storeAnchor(manager, claim);
    await recordAnchor(manager, claim, revision);
    counts[status] += 1;
  }
  return { counts };
}

/**
 * A claim that was FUZZY before keeps FUZZY when its (already changed) words are found
 * intact again: the reviewed words are still not what the text says.
 */
function toClaimStatus(status: ClaimAnchorStatus | `${ClaimAnchorStatus}`, claim: ClaimState): ClaimAnchorStatus {
  const next = status as ClaimAnchorStatus;
  if (
    (next === ClaimAnchorStatus.ANCHORED || next === ClaimAnchorStatus.MOVED) &&
    claim.anchorExact !== null &&
    claim.anchorExact !== claim.quote
  ) {
    return ClaimAnchorStatus.FUZZY;
  }
  return next;
}
