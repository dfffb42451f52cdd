import { DateTime } from '../../graphql/date-time';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../user/user.entity';
import { UserType } from '../user/user.types';
import { AnnotationEntity, AnnotationStatus } from './annotation.entity';
import type { Stance } from './citation.entity';
import { Verdict } from './verdict';

export enum AnnotationChange {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  SUBMITTED = 'SUBMITTED',
  PUBLISHED = 'PUBLISHED',
  RETRACTED = 'RETRACTED',
}

registerEnumType(AnnotationChange, { name: 'AnnotationChange' });

/** The changes that write a fact-check's content (verdict, summary, body, citations): their actors are its contributors. */
export const CONTENT_CHANGES_SQL = `('${AnnotationChange.CREATED}', '${AnnotationChange.UPDATED}')`;

/** A citation as it stood in a revision. */
export interface CitationSnapshot {
  sourceId: number;
  stance: Stance;
  excerpt: string;
}

/** Append-only record of every change to a fact-check: one row per version, never rewritten. */
@ObjectType('AnnotationRevision', { simpleResolvers: true, description: 'A fact-check as it stood after one change.' })
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

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  @Field(() => AnnotationChange)
  @Column({ type: 'varchar', length: 16 })
  change: AnnotationChange;

  @Field(() => Verdict)
  @Column({ type: 'varchar', length: 16 })
  verdict: Verdict;

  @Field(() => String)
  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Field(() => String)
  @Column({ type: 'text' })
  body: string;

  @Field(() => AnnotationStatus)
  @Column({ type: 'varchar', length: 16 })
  status: AnnotationStatus;

  @Column({ type: 'simple-json' })
  citations: CitationSnapshot[];

  // Who contributed to public fact-checks: readers may see those accounts (visibility.ts).
  @Index('IDX_annotation_revisions_actor')
  @Column({ name: 'actor_id', type: 'integer' })
  actorId: number;

  @Field(() => UserType, { nullable: true, description: 'Who made the change (staff only: null for anonymous readers).' })
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity;

  @Field(() => String, { nullable: true, description: 'Why the change was made, when given.' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Field(() => DateTime)
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  /**
   * When readers first saw this version: set once it is the current version of a published or
   * retracted fact-check on a published article. Null for versions only staff ever saw.
   */
  @Column({ name: 'public_at', type: Date, nullable: true })
  publicAt: Date | null;
}
