import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../user/user.entity';
import { ArticleEntity } from './article.entity';

/** The article's text as of one revision: numbered, append-only, never rewritten. */
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

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  headline: string;

  @Column({ type: 'text', nullable: true })
  standfirst: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'editor_id', type: 'integer', nullable: true })
  editorId: number | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'editor_id' })
  editor?: UserEntity | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

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
