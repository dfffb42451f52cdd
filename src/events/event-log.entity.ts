import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The durable event log (a transactional outbox): one row per change others may want to hear of,
 * written by the write's own transaction, so a row exists if and only if its change committed.
 * Ids grow in commit order (on PostgreSQL the append takes a lock held to commit), which lets a
 * reader resume from the last id it saw. Rows older than the retention are pruned.
 */
@Entity('events')
@Index('IDX_events_article', ['articleId', 'id'])
export class EventLogEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  type: string;

  /** The article it happened on (for a claim: where it was announced), read by per-article subscribers. */
  @Column({ name: 'article_id', type: 'integer', nullable: true })
  articleId: number | null;

  @Column({ name: 'claim_id', type: 'integer', nullable: true })
  claimId: number | null;

  @Column({ name: 'annotation_id', type: 'integer', nullable: true })
  annotationId: number | null;

  @Column({ name: 'appearance_id', type: 'integer', nullable: true })
  appearanceId: number | null;

  /** The facts of the change beyond its subjects (verdicts, notes), as JSON. */
  @Column({ type: 'text' })
  details: string;

  /** 1 when anonymous readers could see what it is about once it committed: only such events leave the service. */
  @Column({ name: 'is_public', type: 'integer' })
  isPublic: number;

  @Index('IDX_events_occurred_at')
  @Column({ name: 'occurred_at', type: Date })
  occurredAt: Date;
}

/** How far the log has been pruned: a reader asking for events after an older id has missed some. */
@Entity('event_retention')
export class EventRetentionEntity {
  /** Always 1: the table holds one row. */
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'pruned_through', type: 'integer' })
  prunedThrough: number;

  @Column({ name: 'pruned_at', type: Date, nullable: true })
  prunedAt: Date | null;
}
