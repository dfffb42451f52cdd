import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClaimAnchorStatus } from './anchor-status';
import { ClaimEntity } from './claim.entity';

/**
 * Append-only history of a claim as readers saw it: one row when the claim is created and after
 * every re-anchoring, reattachment, confirmation or claimant change. Point-in-time reads take
 * the row current then.
 */
@Entity('claim_anchors')
@Index('IDX_claim_anchors_time', ['claimId', 'createdAt'])
export class ClaimAnchorEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'claim_id', type: 'integer' })
  claimId: number;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: ClaimEntity;

  @Column({ name: 'article_revision', type: 'integer' })
  articleRevision: number;

  @Column({ type: 'varchar', length: 16 })
  status: ClaimAnchorStatus;

  @Column({ type: 'text' })
  quote: string;

  /** The claim's neutral words as readers read them then (null before claims had their own words: the quote). */
  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** The claimant's name as readers read it then (a later rename does not rewrite it). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  claimant: string | null;

  /** The claimant record the claim was attributed to then. */
  @Index('IDX_claim_anchors_claimant')
  @Column({ name: 'claimant_id', type: 'integer', nullable: true })
  claimantId: number | null;

  /** The claim this row was a further place of then (null: the row was a claim of its own). */
  @Column({ name: 'appearance_of_id', type: 'integer', nullable: true })
  appearanceOfId: number | null;

  @Column({ name: 'anchor_exact', type: 'text', nullable: true })
  anchorExact: string | null;

  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'text' })
  suffix: string;

  @Column({ name: 'start_offset', type: 'integer' })
  startOffset: number;

  @Column({ name: 'end_offset', type: 'integer' })
  endOffset: number;

  @Column({ type: 'real', nullable: true })
  score: number | null;

  @Column({ name: 'checked_revision', type: 'integer' })
  checkedRevision: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
