import { type EntityManager, IsNull } from 'typeorm';
import { describeBodyChange, reanchor } from '../../anchoring/reanchor';
import type { TextSelectorValue } from '../../anchoring/text-selector';
import type { ArticleEntity } from '../article/article.entity';
import { ClaimAnchorStatus } from './anchor-status';
import { ClaimAnchorEntity } from './claim-anchor.entity';
import { ClaimEntity } from './claim.entity';

/** Stores a new claim anchored at `selector` in the article's current text, with its first history row. */
export async function insertClaim(manager: EntityManager, article: ArticleEntity, selector: TextSelectorValue, claimant: string | null): Promise<ClaimEntity> {
  const claim = await manager.save(
    manager.create(ClaimEntity, {
      articleId: article.id,
      quote: selector.exact,
      prefix: selector.prefix,
      suffix: selector.suffix,
      startOffset: selector.start,
      endOffset: selector.end,
      claimant,
      verdict: null,
      anchorStatus: ClaimAnchorStatus.ANCHORED,
      anchorScore: null,
      anchorExact: null,
      checkedRevision: article.revision,
      deletedAt: null,
    }),
  );
  await recordAnchor(manager, claim, article.revision);
  return claim;
}

/** Appends the claim's anchor as it now stands to its history (point-in-time reads use it). */
export async function recordAnchor(manager: EntityManager, claim: ClaimEntity, articleRevision: number): Promise<void> {
  await manager.insert(ClaimAnchorEntity, {
    claimId: claim.id,
    articleRevision,
    status: claim.anchorStatus,
    quote: claim.quote,
    claimant: claim.claimant,
    anchorExact: claim.anchorExact,
    prefix: claim.prefix,
    suffix: claim.suffix,
    startOffset: claim.startOffset,
    endOffset: claim.endOffset,
    score: claim.anchorScore,
    checkedRevision: claim.checkedRevision,
    // Milliseconds matter to point-in-time reads; the column default keeps only seconds.
    createdAt: new Date(),
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
export async function reanchorArticleClaims(manager: EntityManager, articleId: number, oldBody: string, newBody: string, revision: number): Promise<ReanchorSummary> {
  const counts = Object.fromEntries(Object.values(ClaimAnchorStatus).map((status) => [status, 0])) as Record<ClaimAnchorStatus, number>;
  const claims = await manager.find(ClaimEntity, { where: { articleId, deletedAt: IsNull() } });
  const change = describeBodyChange(oldBody, newBody);
  for (const claim of claims) {
    // An orphaned or ambiguous claim has no trustworthy place: search from its last known one.
    const exact = claim.anchorExact ?? claim.quote;
    const result = reanchor(change, { quote: exact, prefix: claim.prefix, suffix: claim.suffix, start: claim.startOffset, end: claim.endOffset });
    const status = toClaimStatus(result.status, claim);
    // A FUZZY claim found again intact keeps the score of its changed words.
    const score = status === ClaimAnchorStatus.FUZZY && result.status !== ClaimAnchorStatus.FUZZY ? claim.anchorScore : result.score;
    const update: Partial<ClaimEntity> = { anchorStatus: status, anchorScore: score };
    if (result.selector) {
      if (newBody.slice(result.selector.start, result.selector.end) !== result.selector.exact) throw new Error('re-anchoring produced an anchor that does not match the text');
      update.startOffset = result.selector.start;
      update.endOffset = result.selector.end;
      update.prefix = result.selector.prefix;
      update.suffix = result.selector.suffix;
      update.anchorExact = result.selector.exact === claim.quote ? null : result.selector.exact;
    }
    Object.assign(claim, update);
    await manager.update(ClaimEntity, { id: claim.id }, update);
    await recordAnchor(manager, claim, revision);
    counts[status] += 1;
  }
  return { counts };
}

/**
 * A claim that was FUZZY before keeps FUZZY when its (already changed) words are found
 * intact again: the reviewed words are still not what the text says.
 */
function toClaimStatus(status: ClaimAnchorStatus | `${ClaimAnchorStatus}`, claim: ClaimEntity): ClaimAnchorStatus {
  const next = status as ClaimAnchorStatus;
  if ((next === ClaimAnchorStatus.ANCHORED || next === ClaimAnchorStatus.MOVED) && claim.anchorExact !== null && claim.anchorExact !== claim.quote) {
    return ClaimAnchorStatus.FUZZY;
  }
  return next;
}
