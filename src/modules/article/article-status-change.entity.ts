import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../user/user.entity';
import { ArticleEntity, ArticleStatus } from './article.entity';

/**
 * Append-only history of an article's status: a row for every publication and archiving (a
 * draft has none). Whether readers could see the article at a moment (point-in-time reads) is
 * the status of the last row at or before it.
 */
@Entity('article_status_changes')
@Index('IDX_article_status_changes_time', ['articleId', 'createdAt'])
export class ArticleStatusChangeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'article_id', type: 'integer' })
  articleId: number;

  @ManyToOne(() => ArticleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: ArticleEntity;

  @Column({ type: 'varchar', length: 16 })
  status: ArticleStatus;

  /** Who changed it; null for imports and for history from before it was recorded. */
  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId: number | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity | null;

  /** Why a published article was withdrawn: shown to readers at its address. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
