import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ArticleEntity } from '../article/article.entity';
import { ClaimEntity } from '../claim/claim.entity';
import { UserEntity } from '../user/user.entity';
import { AnnotationEntity } from './annotation.entity';
import { Verdict } from './verdict';

export enum CorrectionKind {
  /** A published fact-check's verdict was changed. */
  VERDICT_CHANGED = 'VERDICT_CHANGED',
  /** A published fact-check's summary, explanation or citations were updated; its verdict stands. */
  CHECK_UPDATED = 'CHECK_UPDATED',
  /**
   * A published fact-check's rating changed while its verdict stands: another rating of the
   * scale, or the scale's rating itself renamed or renumbered (labels before and after).
   */
  RATING_CHANGED = 'RATING_CHANGED',
  /** A published fact-check was retracted; the claim fell back to the previous verdict. */
  RETRACTED = 'RETRACTED',
  /** A checked claim now quotes other words or another place in the text. */
  QUOTE_CHANGED = 'QUOTE_CHANGED',
  /** A checked claim is now attributed to someone else. */
  CLAIMANT_CHANGED = 'CLAIMANT_CHANGED',
  /** A checked claim's neutral words (what was claimed) were rewritten. */
  TEXT_CHANGED = 'TEXT_CHANGED',
  /** A checked claim was listed as made at another place (an outside appearance, its url). */
  PLACE_ADDED = 'PLACE_ADDED',
  /** A place a checked claim was listed as made at was taken off the list (its url). */
  PLACE_REMOVED = 'PLACE_REMOVED',
  /** Another claim found to be the same statement was merged into this one: its fact-checks and places now count here. */
  CLAIM_MERGED = 'CLAIM_MERGED',
  /** The article's body was corrected (an article revision; not stored in this table). */
  BODY_CORRECTED = 'BODY_CORRECTED',
  /** The article's headline, standfirst or details were changed (an article revision; not stored in this table). */
  ARTICLE_UPDATED = 'ARTICLE_UPDATED',
}

/**
 * A public record of a change to something readers had seen: a verdict, a fact-check's text, a
 * checked claim's words, places or claimant. Shown to everyone on the claim and the article.
 */
@Entity('corrections')
@Index('IDX_corrections_article', ['articleId', 'createdAt'])
@Index('IDX_corrections_claim', ['claimId', 'createdAt'])
export class CorrectionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'article_id', type: 'integer' })
  articleId: number;

  @ManyToOne(() => ArticleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: ArticleEntity;

  @Column({ name: 'claim_id', type: 'integer' })
  claimId: number;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: ClaimEntity;

  /** The fact-check concerned; for a change to the claim, its newest public one. */
  @Index('IDX_corrections_annotation')
  @Column({ name: 'annotation_id', type: 'integer' })
  annotationId: number;

  @ManyToOne(() => AnnotationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'annotation_id' })
  annotation?: AnnotationEntity;

  @Column({ type: 'varchar', length: 16 })
  kind: CorrectionKind;

  @Column({ name: 'previous_verdict', type: 'varchar', length: 16, nullable: true })
  previousVerdict: Verdict | null;

  @Column({ name: 'new_verdict', type: 'varchar', length: 16, nullable: true })
  newVerdict: Verdict | null;

  @Column({ name: 'previous_text', type: 'text', nullable: true })
  previousText: string | null;

  @Column({ name: 'new_text', type: 'text', nullable: true })
  newText: string | null;

  @Column({ type: 'varchar', length: 1000 })
  note: string;

  @Column({ name: 'editor_id', type: 'integer' })
  editorId: number;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'editor_id' })
  editor?: UserEntity;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
