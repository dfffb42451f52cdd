import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../user/user.entity';
import { AnnotationEntity, AnnotationStatus } from './annotation.entity';
import type { Stance } from './citation.entity';
import { Verdict } from './verdict';

export enum AnnotationChange {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  SUBMITTED = 'SUBMITTED',
  PUBLISHED = 'PUBLISHED',
  RETRACTED = 'RETRACTED',
  /** An editor sent it back from IN_REVIEW to DRAFT; the revision's note is the comment to its author. */
  RETURNED = 'RETURNED',
}

/** A citation as it stood in a revision. */
export interface CitationSnapshot {
  sourceId: number;
  stance: Stance;
  excerpt: string;
}

/** Append-only record of every change to a fact-check: one row per version, never rewritten. */
@Entity('annotation_revisions')
@Index('IDX_annotation_revisions_version', ['annotationId', 'version'], { unique: true })
export class AnnotationRevisionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'annotation_id', type: 'integer' })
  annotationId: number;

  @ManyToOne(() => AnnotationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'annotation_id' })
  annotation?: AnnotationEntity;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  change: AnnotationChange;

  @Column({ type: 'varchar', length: 16 })
  verdict: Verdict;

  /** The organisation's rating then (ratings.id); read with the rating's label of today. */
  @Column({ name: 'rating_id', type: 'integer', nullable: true })
  ratingId: number | null;

  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 16 })
  status: AnnotationStatus;

  @Column({ type: 'simple-json' })
  citations: CitationSnapshot[];

  // Who contributed to public fact-checks: readers may see those accounts (visibility.ts).
  @Index('IDX_annotation_revisions_actor')
  @Column({ name: 'actor_id', type: 'integer' })
  actorId: number;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  /**
   * When readers first saw this version: set once it is the current version of a published or
   * retracted fact-check on a published article. Null for versions only staff ever saw.
   */
  @Column({ name: 'public_at', type: Date, nullable: true })
  publicAt: Date | null;
}
