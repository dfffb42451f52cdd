import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { type Connection, connectionType, PageArgs } from '../../graphql/relay/connection';
import type { TypedRow } from '../../graphql/relay/node.type';
import { SearchFilter, SearchHit, type SnippetType } from './search.types';

export const SearchConnection = connectionType('Search', SearchHit);

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      'Full-text search across articles, claims, fact-checks and sources. Words must all match; "quoted phrases", prefix*, -exclusion. ' +
      'totalCount counts the hits among the best 300 matches (the newest 200 for very common words).',
  })
  search(
    @Ctx() ctx: AppContext,
    @Arg('query', () => String) query: string,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => SearchFilter, { nullable: true }) filter?: SearchFilter | null,
  ): Promise<Connection<SearchHit>> {
    return ctx.services.search.search({
      query,
      filter,
      first,
      after,
      visibility: ctx.visibility,
      loaders: ctx.loaders,
    });
  }
}

/** A hit's snippet and node are read only when asked for (functions on the hit). */
@Resolver(() => SearchHit)
export class SearchHitResolver {
  @FieldResolver()
  snippet(@Root() hit: SearchHit): Promise<SnippetType> {
    return hit.snippet();
  }

  @FieldResolver()
  node(@Root() hit: SearchHit): Promise<TypedRow | null> {
    return hit.node();
  }
}
