import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum ArticleStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

/** A news story whose body holds the claims being checked. */
@Entity('articles')
// Keyset pagination of the newest-first list reads this index in order.
@Index('IDX_articles_status_published', ['status', 'publishedAt', 'id'])
export class ArticleEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200, unique: true })
  slug: string;

  @Column({ type: 'text' })
  headline: string;

  @Column({ type: 'text', nullable: true })
  standfirst: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'simple-json' })
  authors: string[];

  @Index('IDX_articles_section')
  @Column({ type: 'varchar', length: 100, nullable: true })
  section: string | null;

  @Index('IDX_articles_language')
  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  url: string | null;

  @Column({ name: 'published_at', type: Date, nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'varchar', length: 16 })
  status: ArticleStatus;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'integer', default: 1 })
  revision: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
