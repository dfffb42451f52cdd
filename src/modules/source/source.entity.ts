import { DateTime } from '../../graphql/date-time';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../graphql/relay/node.type';

export enum SourceKind {
  OFFICIAL_RECORD = 'OFFICIAL_RECORD',
  NEWS_REPORT = 'NEWS_REPORT',
  DATASET = 'DATASET',
  STATEMENT = 'STATEMENT',
  EXPERT = 'EXPERT',
  OTHER = 'OTHER',
}

registerEnumType(SourceKind, { name: 'SourceKind' });

/** A piece of evidence cited by fact-checks. */
@ObjectType('Source', { implements: Node, simpleResolvers: true, description: 'A piece of evidence cited by fact-checks.' })
@Entity('sources')
export class SourceEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'Normalised url (unique).' })
  @Column({ type: 'varchar', length: 2048, unique: true })
  url: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  publisher: string | null;

  @Field(() => DateTime, { nullable: true })
  @Column({ name: 'published_at', type: Date, nullable: true })
  publishedAt: Date | null;

  @Field(() => SourceKind)
  @Column({ type: 'varchar', length: 16 })
  kind: SourceKind;

  @Field(() => DateTime, { nullable: true, description: 'When a reviewer last read the source.' })
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
