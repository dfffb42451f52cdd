import { DateTime } from '../../graphql/date-time';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Node } from '../../graphql/relay/node.type';
import { ClaimEntity } from '../claim/claim.entity';
import { UserEntity } from '../user/user.entity';
import { UserType } from '../user/user.types';
import { Verdict } from './verdict';

export enum AnnotationStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  RETRACTED = 'RETRACTED',
}

registerEnumType(AnnotationStatus, { name: 'AnnotationStatus' });

/** A reviewer's fact-check note on a claim. */
@ObjectType('Annotation', { implements: Node, simpleResolvers: true, description: "A reviewer's fact-check note on a claim." })
@Entity('annotations')
// Claim.annotations and the current verdict read a claim's published notes newest first.
@Index('IDX_annotations_claim_status', ['claimId', 'status', 'publishedAt'])
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

  @Field(() => UserType, { description: 'Who wrote the fact-check.' })
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Field(() => Verdict)
  @Column({ type: 'varchar', length: 16 })
  verdict: Verdict;

  @Field(() => String, { description: 'One-line conclusion.' })
  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Field(() => String, { description: 'The explanation.' })
  @Column({ type: 'text' })
  body: string;

  @Field(() => AnnotationStatus)
  @Column({ type: 'varchar', length: 16 })
  status: AnnotationStatus;

  @Field(() => Int, { description: 'Increments on every change; send it back as expectedVersion.' })
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Field(() => DateTime, { nullable: true })
  @Column({ name: 'published_at', type: Date, nullable: true })
  publishedAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  @Column({ name: 'retracted_at', type: Date, nullable: true })
  retractedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the fact-check was retracted.' })
  @Column({ name: 'retraction_reason', type: 'varchar', length: 1000, nullable: true })
  retractionReason: string | null;

  /** Key of the fact-check in the dataset it was imported from (bulk import matches on it); not in the API. */
  @Index('IDX_annotations_external_id', { unique: true })
  @Column({ name: 'external_id', type: 'varchar', length: 255, nullable: true })
  externalId: string | null;

  @Field(() => DateTime)
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @Field(() => DateTime)
  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
