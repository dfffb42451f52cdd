import { DateTime } from '../../graphql/date-time';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ArticleEntity } from '../article/article.entity';
import { ClaimEntity } from '../claim/claim.entity';
import { UserEntity } from '../user/user.entity';
import { AnnotationEntity } from './annotation.entity';
import { Verdict } from './verdict';

export enum CorrectionKind {
  /** A published fact-check's verdict was changed. */
  VERDICT_CHANGED = 'VERDICT_CHANGED',
  /** A published fact-check was retracted; the claim fell back to the previous verdict. */
  RETRACTED = 'RETRACTED',
  /** The article's body was corrected (an article revision; not stored in this table). */
  BODY_CORRECTED = 'BODY_CORRECTED',
}

registerEnumType(CorrectionKind, { name: 'CorrectionKind' });

/** A public record that a published verdict changed: shown to everyone on the claim and article. */
@ObjectType('Correction', { simpleResolvers: true, description: 'A public record of a correction: to a published verdict, or to the article body.' })
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

  @Index('IDX_corrections_annotation')
  @Column({ name: 'annotation_id', type: 'integer' })
  annotationId: number;

  @ManyToOne(() => AnnotationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'annotation_id' })
  annotation?: AnnotationEntity;

  @Field(() => CorrectionKind)
  @Column({ type: 'varchar', length: 16 })
  kind: CorrectionKind;

  @Field(() => Verdict, { nullable: true, description: "The claim's verdict before the change." })
  @Column({ name: 'previous_verdict', type: 'varchar', length: 16, nullable: true })
  previousVerdict: Verdict | null;

  @Field(() => Verdict, { nullable: true, description: "The claim's verdict after the change; null when none is left." })
  @Column({ name: 'new_verdict', type: 'varchar', length: 16, nullable: true })
  newVerdict: Verdict | null;

  @Field(() => String)
  @Column({ type: 'varchar', length: 1000 })
  note: string;

  @Column({ name: 'editor_id', type: 'integer' })
  editorId: number;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'editor_id' })
  editor?: UserEntity;

  @Field(() => DateTime, { description: 'When the correction was made.' })
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
