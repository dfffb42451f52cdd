import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export enum ClaimantKind {
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
}

/**
 * Who made claims: a person or an organisation, the one home of its name (claims point at it;
 * histories keep the name as it was written then). The API serves it as Claimant
 * (claimant.types.ts).
 */
@Entity('claimants')
export class ClaimantEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** The reader page's address (/claimants/<slug>), from the name; kept when the name changes. */
  @Index('IDX_claimants_slug', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /**
   * nameKeyOf(name) (claimant-name.ts): two live claimants never share it. Null once merged
   * into another, whose key then stands for both.
   */
  @Index('IDX_claimants_name_key', { unique: true })
  @Column({ name: 'name_key', type: 'varchar', length: 200, nullable: true })
  nameKey: string | null;

  /** Other names (JSON list of strings), a merged claimant's name among them. */
  @Column({ type: 'text', default: '[]' })
  aliases: string;

  /** The name's and aliases' keys, one per line: what `claimants(query:)` matches, alike on both databases. */
  @Column({ name: 'search_keys', type: 'text' })
  searchKeys: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  /** A Wikidata item id (isWikidataId), given by a reviewer; never fetched. */
  @Column({ name: 'wikidata_id', type: 'varchar', length: 20, nullable: true })
  wikidataId: string | null;

  @Column({ type: 'varchar', length: 16, default: ClaimantKind.PERSON })
  kind: ClaimantKind;

  /** Set when merged into another claimant: this id then resolves to that one. */
  @Column({ name: 'merged_into_id', type: 'integer', nullable: true })
  mergedIntoId: number | null;

  @ManyToOne(() => ClaimantEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'merged_into_id' })
  mergedInto?: ClaimantEntity;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
