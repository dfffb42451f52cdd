import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClaimEntity } from '../claim/claim.entity';
import { UserEntity } from '../user/user.entity';

/**
 * A place outside factline where a claim was made: an interview, a speech, a post, another
 * outlet's story (url, title, publisher, when; for audio and video optionally where in it).
 * A claim's place in a factline article is its anchor, kept on the claim itself.
 */
@Entity('outside_appearances')
@Index('IDX_outside_appearances_claim', ['claimId', 'id'])
export class OutsideAppearanceEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'claim_id', type: 'integer' })
  claimId: number;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: ClaimEntity;

  /** Passed the one url validation (http or https, normalised). */
  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  publisher: string | null;

  /** When the claim was made there (a date or a moment), if known. */
  @Column({ name: 'appeared_at', type: Date, nullable: true })
  appearedAt: Date | null;

  /** For audio and video: where in the recording the claim starts and ends, in seconds. */
  @Column({ name: 'start_seconds', type: 'integer', nullable: true })
  startSeconds: number | null;

  @Column({ name: 'end_seconds', type: 'integer', nullable: true })
  endSeconds: number | null;

  @Column({ name: 'created_by_id', type: 'integer' })
  createdById: number;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  /** Soft delete: point-in-time reads still list it as readers saw it. */
  @Column({ name: 'deleted_at', type: Date, nullable: true })
  deletedAt: Date | null;
}
