import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ArticleEntity } from '../article/article.entity';
import { ClaimEntity } from '../claim/claim.entity';

/**
 * A subject the desk files its work under ("Health", "Elections 2027"). Filing, not a statement
 * of fact: readers see a topic once something they can see carries it (visibility.queries.ts,
 * topicVisible). The API serves it as Topic (topic.types.ts).
 */
@Entity('topics')
export class TopicEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** The reader page's address (/topics/<slug>), from the name; kept when the name changes. */
  @Index('IDX_topics_slug', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** nameKeyOf(name): two topics never share a name, whatever its case or spacing. */
  @Index('IDX_topics_name_key', { unique: true })
  @Column({ name: 'name_key', type: 'varchar', length: 200 })
  nameKey: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}

/** An article filed under a topic. */
@Entity('article_topics')
@Index('IDX_article_topics_topic', ['topicId', 'articleId'])
export class ArticleTopicEntity {
  @PrimaryColumn({ name: 'article_id', type: 'integer' })
  articleId: number;

  @PrimaryColumn({ name: 'topic_id', type: 'integer' })
  topicId: number;

  @ManyToOne(() => ArticleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: ArticleEntity;

  /** RESTRICT: a topic in use is not deleted (deleteTopic answers CONFLICT). */
  @ManyToOne(() => TopicEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'topic_id' })
  topic?: TopicEntity;
}

/**
 * A claim filed under a topic: the claim itself (a row whose `appearance_of_id` is null), never
 * one of its further places; a merge moves a merged claim's topics to the kept claim.
 */
@Entity('claim_topics')
@Index('IDX_claim_topics_topic', ['topicId', 'claimId'])
export class ClaimTopicEntity {
  @PrimaryColumn({ name: 'claim_id', type: 'integer' })
  claimId: number;

  @PrimaryColumn({ name: 'topic_id', type: 'integer' })
  topicId: number;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: ClaimEntity;

  @ManyToOne(() => TopicEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'topic_id' })
  topic?: TopicEntity;
}
