import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SourceEntity } from '../source/source.entity';
import { AnnotationEntity } from './annotation.entity';

export enum Stance {
  SUPPORTS = 'SUPPORTS',
  REFUTES = 'REFUTES',
  CONTEXT = 'CONTEXT',
}

/** Evidence a fact-check relies on: a source, its stance and the exact excerpt used. */
@Entity('citations')
@Index('IDX_citations_annotation', ['annotationId', 'position'])
export class CitationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'annotation_id', type: 'integer' })
  annotationId: number;

  @ManyToOne(() => AnnotationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'annotation_id' })
  annotation?: AnnotationEntity;

  @Index('IDX_citations_source')
  @Column({ name: 'source_id', type: 'integer' })
  sourceId: number;

  @ManyToOne(() => SourceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id' })
  source?: SourceEntity;

  @Column({ type: 'varchar', length: 16 })
  stance: Stance;

  @Column({ type: 'text' })
  excerpt: string;

  /** Order of the citation within its fact-check. */
  @Column({ type: 'integer' })
  position: number;
}
