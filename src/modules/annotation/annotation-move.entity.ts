import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClaimEntity } from '../claim/claim.entity';
import { AnnotationEntity } from './annotation.entity';

/**
 * Append-only record of a fact-check moving to another claim (mergeClaims): `annotations.claim_id`
 * says where it is now, these rows where it was before. Point-in-time reads take, for a moment,
 * the claim of the first move after it (or the current one when there is none).
 */
@Entity('annotation_moves')
export class AnnotationMoveEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_annotation_moves_annotation')
  @Column({ name: 'annotation_id', type: 'integer' })
  annotationId: number;

  @ManyToOne(() => AnnotationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'annotation_id' })
  annotation?: AnnotationEntity;

  @Index('IDX_annotation_moves_from')
  @Column({ name: 'from_claim_id', type: 'integer' })
  fromClaimId: number;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_claim_id' })
  fromClaim?: ClaimEntity;

  @Column({ name: 'to_claim_id', type: 'integer' })
  toClaimId: number;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_claim_id' })
  toClaim?: ClaimEntity;

  /** Given to the millisecond: point-in-time reads compare it with other histories' times. */
  @Column({ name: 'moved_at', type: Date })
  movedAt: Date;
}
