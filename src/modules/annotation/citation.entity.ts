import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SourceEntity } from '../source/source.entity';
import { AnnotationEntity } from './annotation.entity';

export enum Stance {
  SUPPORTS = 'SUPPORTS',
  REFUTES = 'REFUTES',
  CONTEXT = 'CONTEXT',
}

registerEnumType(Stance, { name: 'Stance', description: 'How a cited source bears on the claim.' });

/** Evidence a fact-check relies on: a source, its stance and the exact excerpt used. */
@ObjectType('Citation', { simpleResolvers: true, description: 'A source cited by a fact-check, with the excerpt relied on.' })
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

  @Field(() => SourceEntity)
  @ManyToOne(() => SourceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id' })
  source?: SourceEntity;

  @Field(() => Stance)
  @Column({ type: 'varchar', length: 16 })
  stance: Stance;

  @Field(() => String, { description: 'The words of the source relied on.' })
  @Column({ type: 'text' })
  excerpt: string;

  /** Order of the citation within its fact-check. */
  @Column({ type: 'integer' })
  position: number;
}
