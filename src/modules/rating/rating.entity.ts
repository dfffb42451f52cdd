import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Verdict } from '../annotation/verdict';

/**
 * One rating of the organisation's published scale (the API's type is Rating, rating.types.ts):
 * its label in words, an optional number on its own best..worst range (all three null for a
 * rating off the numbers, such as "Needs context"), its colour, its place in the scale and the
 * normalised verdict it stands for.
 */
@Entity('ratings')
export class RatingEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  label: string;

  /** The label compared case- and space-insensitively: unique (ratingLabelKey). */
  @Index('IDX_ratings_label_key', { unique: true })
  @Column({ name: 'label_key', type: 'varchar', length: 100 })
  labelKey: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ type: 'real', nullable: true })
  value: number | null;

  @Column({ type: 'real', nullable: true })
  best: number | null;

  @Column({ type: 'real', nullable: true })
  worst: number | null;

  /** `#rrggbb`, lower case. */
  @Column({ type: 'varchar', length: 7 })
  colour: string;

  /** Its place in the scale, 0 first. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  verdict: Verdict;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
