import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Verdict } from '../annotation/verdict';

/**
 * A publisher's rating text met in a ClaimReview import ("Four Pinocchios") and the normalised
 * verdict an ADMIN mapped it to; `verdict` null while nobody has (unmappedImportedRatings).
 */
@Entity('imported_rating_mappings')
export class ImportedRatingMappingEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** normalizeRating of the text: what imports match on. */
  @Index('IDX_imported_rating_mappings_key', { unique: true })
  @Column({ name: 'rating_key', type: 'varchar', length: 200 })
  ratingKey: string;

  /** The text as first met. */
  @Column({ name: 'alternate_name', type: 'varchar', length: 200 })
  alternateName: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  verdict: Verdict | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
