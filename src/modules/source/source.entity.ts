import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum SourceKind {
  OFFICIAL_RECORD = 'OFFICIAL_RECORD',
  NEWS_REPORT = 'NEWS_REPORT',
  DATASET = 'DATASET',
  STATEMENT = 'STATEMENT',
  EXPERT = 'EXPERT',
  OTHER = 'OTHER',
}

/** The table of sources (src/modules/source/source.types.ts is the GraphQL type). */
@Entity('sources')
export class SourceEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 2048, unique: true })
  url: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  publisher: string | null;

  @Column({ name: 'published_at', type: Date, nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'varchar', length: 16 })
  kind: SourceKind;

  @Column({ name: 'accessed_at', type: Date, nullable: true })
  accessedAt: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  /**
   * When a fact-check readers can see first cited it; null while only drafts (or fact-checks
   * of unpublished articles) cite it, and then only staff see the source. Never cleared: what
   * was public stays on the record.
   */
  @Column({ name: 'public_at', type: Date, nullable: true })
  publicAt: Date | null;
}
