import { createHash } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Database } from '../../db/database';
import { badUserInput } from '../../domain/errors';
import type { AnnotationLoaders } from '../annotation/annotation.loaders';
import type { ArticleLoaders } from '../article/article.loaders';
import type { ClaimLoaders } from '../claim/claim.loaders';
import type { SourceLoaders } from '../source/source.loaders';
import { type Connection, pageSize, toConnection } from '../../graphql/relay/connection';
import { decodeCursor } from '../../graphql/relay/cursor';
import type { Visibility } from '../auth/visibility';
import type { SearchCandidate, SearchFilters, SearchIndex, SearchRequest } from './search-index';
import { MAX_TOPIC_SLUG } from '../topic/topic-slug';
import { searchIndexFor } from './search-index-for';
import { matchExpressions, parseSearchQuery, SearchQueryError } from './search-query';
import type { SearchHit, SearchTypeEnum } from './search.types';
import type { Snippet } from './snippet';

const QUERY_MESSAGES: Record<SearchQueryError['reason'], string> = {
  EMPTY: 'Type something to search for.',
  TOO_LONG: 'A search is at most 500 characters.',
  ONLY_EXCLUSIONS: 'Say what to find, not only what to leave out (-word).',
};
const MAX_FILTER_TEXT = 35;

/** The request's loaders a hit's node comes from (so hits obey the viewer's visibility). */
type HitLoaders = Pick<ArticleLoaders, 'articleById'> &
  Pick<ClaimLoaders, 'claimById'> &
  Pick<AnnotationLoaders, 'annotationById'> &
  Pick<SourceLoaders, 'sourceById'>;

export interface SearchArgs {
  query: string;
  filter?: SearchFilters | null;
  first?: number | null;
  after?: string | null;
  visibility: Visibility;
  loaders: HitLoaders;
}

/** The search API: checks the query, asks the index, pages the hits with keyset cursors. */
export class SearchService {
  readonly index: SearchIndex;

  constructor({ db }: { db: Database }) {
    this.index = searchIndexFor(db);
  }

  async search({ query, filter, first, after, visibility, loaders }: SearchArgs): Promise<Connection<SearchHit>> {
    const size = pageSize(first);
    let parsed;
    try {
      parsed = parseSearchQuery(query);
    } catch (error) {
      if (error instanceof SearchQueryError) throw badUserInput(QUERY_MESSAGES[error.reason], 'query');
      throw error;
    }
    const filters = filter ?? {};
    if (filters.language != null && filters.language.length > MAX_FILTER_TEXT)
      throw badUserInput(`At most ${MAX_FILTER_TEXT} characters.`, 'filter.language');
    if (filters.topic != null && filters.topic.length > MAX_TOPIC_SLUG)
      throw badUserInput(`At most ${MAX_TOPIC_SLUG} characters.`, 'filter.topic');
    const request: SearchRequest = { query: parsed, ...matchExpressions(parsed), filters, visibility };
    // A cursor belongs to one query and filter: replayed on another it is refused.
    const scope = `search:${createHash('sha256')
      .update(JSON.stringify([request.match, request.unstemmed, filters]))
      .digest('base64url')
      .slice(0, 16)}`;
    const candidates = await this.index.candidates(request);
    let start = 0;
    if (after) {
      const position = decodeCursor(scope, after);
      if (typeof position.value !== 'number')
        throw badUserInput('Invalid cursor: pass an endCursor returned by this search, unchanged.', 'after');
      const { value, id } = position;
      start = candidates.findIndex((c) => c.score < value || (c.score === value && c.documentId > id));
      if (start === -1) start = candidates.length;
    }
    // The page's snippets in one statement, for the hits whose snippet the client asks for.
    const snippets = new DataLoader((documentIds: readonly number[]) => this.index.snippets(request, documentIds));
    return toConnection(
      candidates.slice(start, start + size + 1),
      size,
      scope,
      (candidate) => ({ value: candidate.score, id: candidate.documentId }),
      (candidate) => this.toHit(candidate, snippets, loaders),
      async () => candidates.length,
    );
  }

  private toHit(candidate: SearchCandidate, snippets: DataLoader<number, Snippet>, loaders: HitLoaders): SearchHit {
    return {
      type: candidate.type as SearchTypeEnum,
      score: candidate.score,
      field: candidate.field,
      snippet: () => snippets.load(candidate.documentId),
      node: () => {
        switch (candidate.type) {
          case 'ARTICLE':
            return loaders.articleById.load(candidate.refId);
          case 'CLAIM':
            return loaders.claimById.load(candidate.refId);
          case 'ANNOTATION':
            return loaders.annotationById.load(candidate.refId);
          case 'SOURCE':
            return loaders.sourceById.load(candidate.refId);
        }
      },
    };
  }
}
