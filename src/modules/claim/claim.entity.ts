import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ArticleEntity } from '../article/article.entity';
import type { Verdict } from '../annotation/verdict';
import { ClaimantEntity } from '../claimant/claimant.entity';
import { ClaimAnchorStatus } from './anchor-status';

/**
 * A check-worthy statement in an article's body, anchored as W3C Web Annotation selectors:
 * TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector (start, end in UTF-16
 * code units of the body). The API serves it as ClaimType (claim.types.ts).
 */
@Entity('claims')
@Index('IDX_claims_article_position', ['articleId', 'startOffset', 'id'])
// A ClaimReview import finds the claim of a record's words and claimant by this index.
@Index('IDX_claims_text_key', ['textKey', 'claimantId'])
// The claims list by anchor status (verdictStale, anchorStatus): the few claims a reviewer must look at again.
@Index('IDX_claims_anchor_status', ['anchorStatus', 'id'])
export class ClaimEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'article_id', type: 'integer' })
  articleId: number;

  @ManyToOne(() => ArticleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: ArticleEntity;

  @Column({ type: 'text' })
  quote: string;

  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'text' })
  suffix: string;

  @Column({ name: 'start_offset', type: 'integer' })
  startOffset: number;

  @Column({ name: 'end_offset', type: 'integer' })
  endOffset: number;

  /** What was claimed, in neutral words (editable); the quote when nobody has written it. */
  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** The language the claim was made in (BCP 47); its article's when not given. */
  @Column({ type: 'varchar', length: 35, nullable: true })
  language: string | null;

  /** Who made the claim: the claimant record, the one home of its name. */
  @Index('IDX_claims_claimant')
  @Column({ name: 'claimant_id', type: 'integer', nullable: true })
  claimantId: number | null;

  @ManyToOne(() => ClaimantEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'claimant_id' })
  claimant?: ClaimantEntity;

  /** Verdict of the newest published fact-check, kept in step by the write that changes it. */
  @Index('IDX_claims_verdict')
  @Column({ type: 'varchar', length: 16, nullable: true })
  verdict: Verdict | null;

  @Column({ name: 'anchor_status', type: 'varchar', length: 16, default: ClaimAnchorStatus.ANCHORED })
  anchorStatus: ClaimAnchorStatus;

  @Column({ name: 'anchor_score', type: 'real', nullable: true })
  anchorScore: number | null;

  /** The text now at the anchor when it differs from `quote` (FUZZY). */
  @Column({ name: 'anchor_exact', type: 'text', nullable: true })
  anchorExact: string | null;

  /** The article revision whose text the quote was last confirmed against. */
  @Column({ name: 'checked_revision', type: 'integer', default: 1 })
  checkedRevision: number;

  /** Key of the claim in the dataset it was imported from (bulk import matches on it); not in the API. */
  @Index('IDX_claims_external_id', { unique: true })
  @Column({ name: 'external_id', type: 'varchar', length: 255, nullable: true })
  externalId: string | null;

  /**
   * Set on a further place of a claim in another article: the claim (a row whose own
   * `appearance_of_id` is null) this row is a place of. Such a row carries its place and a
   * copy of the claim's verdict; the claim's words, claimant and fact-checks stay on the claim.
   */
  @Index('IDX_claims_appearance_of')
  @Column({ name: 'appearance_of_id', type: 'integer', nullable: true })
  appearanceOfId: number | null;

  /**
   * The key of the words a ClaimReview import knows the claim by (claimTextKey of its
   * `claimReviewed`: case, spacing, accents, quotes and punctuation folded); null on claims no
   * such import keyed. Not in the API, not changed by edits of the claim's words.
   */
  @Column({ name: 'text_key', type: 'varchar', length: 64, nullable: true })
  textKey: string | null;

  /**
   * Set when this row was a claim of its own until an editor merged it into the claim
   * `appearance_of_id` names (mergeClaims): its id still resolves to that claim, and its place
   * became one of that claim's (or, where that claim already had one, was taken off).
   */
  @Column({ name: 'merged_at', type: Date, nullable: true })
  mergedAt: Date | null;

  /** Soft delete: point-in-time reads still show what readers saw. */
  @Column({ name: 'deleted_at', type: Date, nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
