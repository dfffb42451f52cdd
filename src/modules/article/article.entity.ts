import { DateTime } from '../../graphql/date-time';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Node } from '../../graphql/relay/node.type';

export enum ArticleStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

registerEnumType(ArticleStatus, { name: 'ArticleStatus' });

/** A news story whose body holds the claims being checked. */
@ObjectType('Article', { implements: Node, simpleResolvers: true, description: 'A news story with its check-worthy claims.' })
@Entity('articles')
// Keyset pagination of the newest-first list reads this index in order.
@Index('IDX_articles_status_published', ['status', 'publishedAt', 'id'])
export class ArticleEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'Unique, url-safe name.' })
  @Column({ type: 'varchar', length: 200, unique: true })
  slug: string;

  @Field(() => String)
  @Column({ type: 'text' })
  headline: string;

  @Field(() => String, { nullable: true, description: 'The summary line under the headline.' })
  @Column({ type: 'text', nullable: true })
  standfirst: string | null;

  @Field(() => String, { description: 'Plain text; paragraphs are separated by a blank line.' })
  @Column({ type: 'text' })
  body: string;

  @Field(() => [String], { description: 'Byline names.' })
  @Column({ type: 'simple-json' })
  authors: string[];

  @Index('IDX_articles_section')
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  section: string | null;

  @Index('IDX_articles_language')
  @Field(() => String, { description: 'BCP 47 language tag.' })
  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Field(() => String, { nullable: true, description: 'Canonical url of the story.' })
  @Column({ type: 'varchar', length: 2048, nullable: true })
  url: string | null;

  @Field(() => DateTime, { nullable: true })
  @Column({ name: 'published_at', type: Date, nullable: true })
  publishedAt: Date | null;

  @Field(() => ArticleStatus)
  @Column({ type: 'varchar', length: 16 })
  status: ArticleStatus;

  @Field(() => Int, { description: 'Increments on every change; send it back as expectedVersion.' })
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Field(() => Int, { description: 'Number of the current revision (1 = as first written).' })
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
