import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Source } from '../source/source.types';
import { UserType } from '../user/user.types';
import type { SqlTimestamp } from '../../db/sql-dates';
import { DateTime } from '../../graphql/date-time';
import { Node } from '../../graphql/relay/node.type';
import type { SourceRow } from '../source/source.rows';
import type { UserRow } from '../user/user.loaders';
import { AnnotationChange } from './annotation-revision.entity';
import { AnnotationStatus } from './annotation.entity';
import { Stance } from './citation.entity';
import { CorrectionKind } from './correction.entity';
import { Verdict } from './verdict';

/**
 * The GraphQL object types of the fact-check module. Each class declares the fields served as
 * they are from the rows the loaders return (timestamps as the database's text where the row
 * holds it); fields computed per request are in the resolvers (annotation.resolver.ts,
 * history.resolver.ts). The TypeORM entities only describe the tables.
 */

registerEnumType(AnnotationStatus, { name: 'AnnotationStatus' });
registerEnumType(AnnotationChange, { name: 'AnnotationChange' });
registerEnumType(Stance, { name: 'Stance', description: 'How a cited source bears on the claim.' });
registerEnumType(CorrectionKind, { name: 'CorrectionKind' });

@ObjectType('Annotation', {
  implements: Node,
  simpleResolvers: true,
  description: "A reviewer's fact-check note on a claim.",
})
export class Annotation {
  @Field(() => UserType, { description: 'Who wrote the fact-check.' })
  author: UserRow;

  @Field(() => Verdict)
  verdict: Verdict;

  @Field(() => String, { description: 'One-line conclusion.' })
  summary: string;

  @Field(() => String, { description: 'The explanation.' })
  body: string;

  @Field(() => AnnotationStatus)
  status: AnnotationStatus;

  @Field(() => Int, { description: 'Increments on every change; send it back as expectedVersion.' })
  version: number;

  @Field(() => DateTime, { nullable: true })
  publishedAt: SqlTimestamp | null;

  @Field(() => DateTime, { nullable: true })
  retractedAt: SqlTimestamp | null;

  @Field(() => String, { nullable: true, description: 'Why the fact-check was retracted.' })
  retractionReason: string | null;

  @Field(() => DateTime)
  createdAt: SqlTimestamp;

  @Field(() => DateTime)
  updatedAt: SqlTimestamp;
}

@ObjectType('Citation', {
  simpleResolvers: true,
  description: 'A source cited by a fact-check, with the excerpt relied on.',
})
export class Citation {
  @Field(() => Source)
  source: SourceRow;

  @Field(() => Stance)
  stance: Stance;

  @Field(() => String, { description: 'The words of the source relied on.' })
  excerpt: string;
}

/** Its citations and actor are resolved per viewer (history.resolver.ts). */
@ObjectType('AnnotationRevision', { simpleResolvers: true, description: 'A fact-check as it stood after one change.' })
export class AnnotationRevision {
  @Field(() => Int)
  version: number;

  @Field(() => AnnotationChange)
  change: AnnotationChange;

  @Field(() => Verdict)
  verdict: Verdict;

  @Field(() => String)
  summary: string;

  @Field(() => String)
  body: string;

  @Field(() => AnnotationStatus)
  status: AnnotationStatus;

  @Field(() => String, { nullable: true, description: 'Why the change was made, when given.' })
  note: string | null;

  @Field(() => DateTime)
  createdAt: Date;
}

@ObjectType('Correction', {
  simpleResolvers: true,
  description:
    'A public record of a change to published content: a verdict, a fact-check, a checked claim, or the article itself.',
})
export class Correction {
  @Field(() => CorrectionKind)
  kind: CorrectionKind;

  @Field(() => Verdict, { nullable: true, description: "The claim's verdict before the change." })
  previousVerdict: Verdict | null;

  @Field(() => Verdict, {
    nullable: true,
    description: "The claim's verdict after the change; null when none is left.",
  })
  newVerdict: Verdict | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A checked claim's quote (QUOTE_CHANGED), words (TEXT_CHANGED) or claimant (CLAIMANT_CHANGED) before the change; the url of a place taken off its list (PLACE_REMOVED); the words of the claim merged into this one (CLAIM_MERGED).",
  })
  previousText: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The same after the change; the url of a place added to its list (PLACE_ADDED); the kept claim’s words (CLAIM_MERGED).',
  })
  newText: string | null;

  @Field(() => String, { description: "Why, in the editor's words." })
  note: string;

  @Field(() => DateTime, { description: 'When the correction was made.' })
  createdAt: Date;
}
