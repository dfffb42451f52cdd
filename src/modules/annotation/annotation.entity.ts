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
import { ClaimEntity } from '../claim/claim.entity';
import { UserEntity } from '../user/user.entity';
import { Verdict } from './verdict';

export enum AnnotationStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  RETRACTED = 'RETRACTED',
}

/** A reviewer's fact-check note on a claim: its table (the API's type is Annotation, annotation.types.ts). */
@Entity('annotations')
// Claim.annotations and the current verdict read a claim's published notes newest first.
@Index('IDX_annotations_claim_status', ['claimId', 'status', 'publishedAt'])
// The fact-checks list (Query.annotations), newest change first: all of them, and by status (the review queue).
@Index('IDX_annotations_updated', ['updatedAt', 'id'])
@Index('IDX_annotations_status_updated', ['status', 'updatedAt', 'id'])
export class AnnotationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'claim_id', type: 'integer' })
  claimId: number;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: ClaimEntity;

  @Index('IDX_annotations_author')
  @Column({ name: 'author_id', type: 'integer' })
  authorId: number;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  verdict: Verdict;

  /** The organisation's rating (ratings.id); its verdict is `verdict`. Null only before the scale existed. */
  @Index('IDX_annotations_rating')
  @Column({ name: 'rating_id', type: 'integer', nullable: true })
  ratingId: number | null;

  /** An imported fact-check's rating in its publisher's words ("Four Pinocchios"), shown as its label. */
  @Column({ name: 'imported_rating', type: 'varchar', length: 200, nullable: true })
  importedRating: string | null;

  /** The publisher's number for it, on its own best..worst range; null when it gave none. */
  @Column({ name: 'imported_rating_value', type: 'real', nullable: true })
  importedRatingValue: number | null;

  @Column({ name: 'imported_rating_best', type: 'real', nullable: true })
  importedRatingBest: number | null;

  @Column({ name: 'imported_rating_worst', type: 'real', nullable: true })
  importedRatingWorst: number | null;

  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 16 })
  status: AnnotationStatus;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'published_at', type: Date, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'retracted_at', type: Date, nullable: true })
  retractedAt: Date | null;

  @Column({ name: 'retraction_reason', type: 'varchar', length: 1000, nullable: true })
  retractionReason: string | null;

  /** Key of the fact-check in the dataset it was imported from (bulk import matches on it); not in the API. */
  @Index('IDX_annotations_external_id', { unique: true })
  @Column({ name: 'external_id', type: 'varchar', length: 255, nullable: true })
  externalId: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
