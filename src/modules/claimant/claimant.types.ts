import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/relay/node.type';
import { ClaimantKind } from './claimant.entity';
import type { ClaimantRow } from './claimant.rows';

registerEnumType(ClaimantKind, { name: 'ClaimantKind' });

/**
 * A claimant as GraphQL serves it: what the loaders return (ClaimantRow). The fields without a
 * decorator are served through ClaimantResolver (the global id, aliases, Wikidata url, claims).
 */
@ObjectType('Claimant', {
  implements: Node,
  simpleResolvers: true,
  description: 'A person or organisation who made claims.',
})
export class Claimant implements ClaimantRow {
  __typename: string;

  id: number;

  @Field(() => String, { description: 'Its reader page is /claimants/<slug>.' })
  slug: string;

  @Field(() => String)
  name: string;

  aliases: string;

  @Field(() => String, { nullable: true, description: 'Who they are, in a line.' })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'A Wikidata item id ("Q6279"), never fetched.' })
  wikidataId: string | null;

  @Field(() => ClaimantKind)
  kind: ClaimantKind;
}
