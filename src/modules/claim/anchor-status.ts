import { registerEnumType } from 'type-graphql';

/** Where a claim stands after the article body last changed (src/anchoring/reanchor.ts). */
export enum ClaimAnchorStatus {
  /** Same words at the same place. */
  ANCHORED = 'ANCHORED',
  /** Same words, new offsets. */
  MOVED = 'MOVED',
  /** The quoted words themselves changed; the match score is kept. */
  FUZZY = 'FUZZY',
  /** Two places match about equally well: the server does not guess. */
  AMBIGUOUS = 'AMBIGUOUS',
  /** The words are gone. */
  ORPHANED = 'ORPHANED',
}

registerEnumType(ClaimAnchorStatus, {
  name: 'AnchorStatus',
  description: 'Where a claim stands after the article body last changed.',
});

/** States in which a published verdict may no longer fit the text: shown as stale until confirmed. */
export const STALE_ANCHOR_STATUSES: ReadonlySet<ClaimAnchorStatus> = new Set([
  ClaimAnchorStatus.FUZZY,
  ClaimAnchorStatus.AMBIGUOUS,
  ClaimAnchorStatus.ORPHANED,
]);
