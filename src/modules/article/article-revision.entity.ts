import { DateTime } from '../../graphql/date-time';
import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../user/user.entity';
import { UserType } from '../user/user.types';
import { ArticleEntity } from './article.entity';

/** The article's text as of one revision: numbered, append-only, never rewritten. */
@ObjectType('ArticleRevision', { simpleResolvers: true, description: "An article's text as of one revision." })
@Entity('article_revisions')
@Index('IDX_article_revisions_number', ['articleId', 'number'], { unique: true })
@Index('IDX_article_revisions_time', ['articleId', 'createdAt'])
export class ArticleRevisionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'article_id', type: 'integer' })
  articleId: number;

  @ManyToOne(() => ArticleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: ArticleEntity;

  @Field(() => Int, { description: '1 is the text as first written; each change adds one.' })
  @Column({ type: 'integer' })
  number: number;

  @Field(() => String)
  @Column({ type: 'text' })
  headline: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  standfirst: string | null;

  @Field(() => String, { nullable: true, description: 'The body as of this revision (editors and reviewers; null for readers).' })
  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'editor_id', type: 'integer', nullable: true })
  editorId: number | null;

  @Field(() => UserType, { nullable: true, description: 'Who made the change (editors and reviewers only).' })
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'editor_id' })
  editor?: UserEntity | null;

  @Field(() => String, { nullable: true, description: 'The correction note shown to readers.' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Field(() => DateTime)
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  /**
   * When readers first saw this text: set once the revision is current while the article is
   * published. Null for text only staff ever saw (drafts, edits made while archived): readers'
   * history shows only revisions with a time here.
   */
  @Column({ name: 'public_at', type: Date, nullable: true })
  publicAt: Date | null;
}
