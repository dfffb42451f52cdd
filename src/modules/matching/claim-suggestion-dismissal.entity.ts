import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ArticleEntity } from '../article/article.entity';
import { ClaimEntity } from '../claim/claim.entity';
import { UserEntity } from '../user/user.entity';

/**
 * A suggestion a reviewer turned down: this claim is not what this sentence of this article
 * says. Keyed on the sentence's folded words (sentence-key.ts), not its offsets, so it holds
 * while the body around the sentence changes. Staff-only: readers never see these rows.
 */
@Entity('claim_suggestion_dismissals')
@Index('IDX_claim_suggestion_dismissals_pair', ['articleId', 'sentenceKey', 'claimId'], { unique: true })
export class ClaimSuggestionDismissalEntity {
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

  /** sha256 of the sentence's folded words. */
  @Column({ name: 'sentence_key', type: 'varchar', length: 64 })
  sentenceKey: string;

  /** The sentence as it was dismissed, for people reading the table. */
  @Column({ type: 'text' })
  sentence: string;

  @Column({ name: 'actor_id', type: 'integer' })
  actorId: number;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
