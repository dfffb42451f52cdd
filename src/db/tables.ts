import type { ColumnType } from 'kysely';
import type { SqlTimestamp } from './sql-dates';

/**
 * The tables as the query layer sees them: one row shape per table, with each column's kind and
 * nullability. `TABLES` is also a value, so a test can hold it against TypeORM's entity metadata
 * (tests/db/tables.test.ts): the entities and migrations own the schema, and this description
 * can never drift from them unnoticed.
 *
 * Kinds are what a row read with SQL holds on both databases: integers and reals as numbers,
 * timestamps as text (SqlTimestamp), JSON columns as their text.
 */
export type ColumnKind = 'integer' | 'real' | 'text' | 'timestamp' | 'json';

export interface ColumnSpec<
  Kind extends ColumnKind = ColumnKind,
  Nullable extends boolean = boolean,
  HasDefault extends boolean = boolean,
> {
  readonly kind: Kind;
  readonly nullable: Nullable;
  /** Filled by the database when an insert leaves it out (generated ids, defaults). */
  readonly hasDefault: HasDefault;
}

function column<Kind extends ColumnKind>(kind: Kind) {
  const spec = { kind, nullable: false as const, hasDefault: false as const };
  return Object.assign(spec, {
    nullable: false as const,
    orNull: (): ColumnSpec<Kind, true, false> => ({ kind, nullable: true, hasDefault: false }),
    withDefault: (): ColumnSpec<Kind, false, true> => ({ kind, nullable: false, hasDefault: true }),
  });
}

const id = (): ColumnSpec<'integer', false, true> => ({ kind: 'integer', nullable: false, hasDefault: true });
const integer = () => column('integer');
const real = () => column('real');
const text = () => column('text');
const timestamp = () => column('timestamp');
const json = () => column('json');

export const TABLES = {
  users: {
    id: id(),
    name: text(),
    role: text(),
    created_at: timestamp().withDefault(),
    email: text().orNull(),
    password_hash: text().orNull(),
    password_changed_at: timestamp().orNull(),
  },
  sessions: {
    id: id(),
    user_id: integer(),
    token_hash: text(),
    method: text(),
    created_at: timestamp(),
    last_seen_at: timestamp(),
    expires_at: timestamp(),
    revoked_at: timestamp().orNull(),
    user_agent: text().orNull(),
    address: text().orNull(),
  },
  sign_in_throttles: {
    key: text(),
    failures: integer().withDefault(),
    window_started_at: timestamp().orNull(),
    lockouts: integer().withDefault(),
    locked_until: timestamp().orNull(),
    updated_at: timestamp(),
  },
  api_tokens: {
    id: id(),
    user_id: integer(),
    label: text(),
    token_hash: text(),
    token_prefix: text(),
    created_at: timestamp().withDefault(),
    last_used_at: timestamp().orNull(),
    revoked_at: timestamp().orNull(),
  },
  articles: {
    id: id(),
    slug: text(),
    headline: text(),
    standfirst: text().orNull(),
    body: text(),
    authors: json(),
    section: text().orNull(),
    language: text(),
    url: text().orNull(),
    published_at: timestamp().orNull(),
    status: text(),
    version: integer().withDefault(),
    revision: integer().withDefault(),
    created_at: timestamp().withDefault(),
    updated_at: timestamp().withDefault(),
  },
  claims: {
    id: id(),
    article_id: integer(),
    quote: text(),
    prefix: text(),
    suffix: text(),
    start_offset: integer(),
    end_offset: integer(),
    text: text().orNull(),
    language: text().orNull(),
    claimant_id: integer().orNull(),
    verdict: text().orNull(),
    anchor_status: text().withDefault(),
    anchor_score: real().orNull(),
    anchor_exact: text().orNull(),
    checked_revision: integer().withDefault(),
    external_id: text().orNull(),
    appearance_of_id: integer().orNull(),
    text_key: text().orNull(),
    merged_at: timestamp().orNull(),
    deleted_at: timestamp().orNull(),
    created_at: timestamp().withDefault(),
    updated_at: timestamp().withDefault(),
  },
  claimants: {
    id: id(),
    slug: text(),
    name: text(),
    name_key: text().orNull(),
    aliases: text().withDefault(),
    search_keys: text(),
    description: text().orNull(),
    wikidata_id: text().orNull(),
    kind: text().withDefault(),
    merged_into_id: integer().orNull(),
    created_at: timestamp().withDefault(),
    updated_at: timestamp().withDefault(),
  },
  sources: {
    id: id(),
    url: text(),
    title: text(),
    publisher: text().orNull(),
    published_at: timestamp().orNull(),
    kind: text(),
    accessed_at: timestamp().orNull(),
    created_at: timestamp().withDefault(),
    public_at: timestamp().orNull(),
  },
  annotations: {
    id: id(),
    claim_id: integer(),
    author_id: integer(),
    verdict: text(),
    rating_id: integer().orNull(),
    imported_rating: text().orNull(),
    imported_rating_value: real().orNull(),
    imported_rating_best: real().orNull(),
    imported_rating_worst: real().orNull(),
    summary: text(),
    body: text(),
    status: text(),
    version: integer().withDefault(),
    published_at: timestamp().orNull(),
    retracted_at: timestamp().orNull(),
    retraction_reason: text().orNull(),
    external_id: text().orNull(),
    created_at: timestamp().withDefault(),
    updated_at: timestamp().withDefault(),
  },
  citations: {
    id: id(),
    annotation_id: integer(),
    source_id: integer(),
    stance: text(),
    excerpt: text(),
    position: integer(),
  },
  annotation_revisions: {
    id: id(),
    annotation_id: integer(),
    version: integer(),
    change: text(),
    verdict: text(),
    rating_id: integer().orNull(),
    summary: text(),
    body: text(),
    status: text(),
    citations: json(),
    actor_id: integer(),
    note: text().orNull(),
    created_at: timestamp().withDefault(),
    public_at: timestamp().orNull(),
  },
  corrections: {
    id: id(),
    article_id: integer(),
    claim_id: integer(),
    annotation_id: integer(),
    kind: text(),
    previous_verdict: text().orNull(),
    new_verdict: text().orNull(),
    previous_text: text().orNull(),
    new_text: text().orNull(),
    note: text(),
    editor_id: integer(),
    created_at: timestamp().withDefault(),
  },
  article_revisions: {
    id: id(),
    article_id: integer(),
    number: integer(),
    headline: text(),
    standfirst: text().orNull(),
    body: text(),
    editor_id: integer().orNull(),
    note: text().orNull(),
    created_at: timestamp().withDefault(),
    public_at: timestamp().orNull(),
  },
  article_status_changes: {
    id: id(),
    article_id: integer(),
    status: text(),
    actor_id: integer().orNull(),
    note: text().orNull(),
    created_at: timestamp().withDefault(),
  },
  claim_anchors: {
    id: id(),
    claim_id: integer(),
    article_revision: integer(),
    status: text(),
    quote: text(),
    text: text().orNull(),
    claimant: text().orNull(),
    claimant_id: integer().orNull(),
    appearance_of_id: integer().orNull(),
    anchor_exact: text().orNull(),
    prefix: text(),
    suffix: text(),
    start_offset: integer(),
    end_offset: integer(),
    score: real().orNull(),
    checked_revision: integer(),
    created_at: timestamp().withDefault(),
  },
  outside_appearances: {
    id: id(),
    claim_id: integer(),
    url: text(),
    title: text().orNull(),
    publisher: text().orNull(),
    appeared_at: timestamp().orNull(),
    start_seconds: integer().orNull(),
    end_seconds: integer().orNull(),
    created_by_id: integer(),
    created_at: timestamp().withDefault(),
    deleted_at: timestamp().orNull(),
  },
  annotation_moves: {
    id: id(),
    annotation_id: integer(),
    from_claim_id: integer(),
    to_claim_id: integer(),
    moved_at: timestamp(),
  },
  ratings: {
    id: id(),
    label: text(),
    label_key: text(),
    description: text().orNull(),
    value: real().orNull(),
    best: real().orNull(),
    worst: real().orNull(),
    colour: text(),
    position: integer(),
    verdict: text(),
    created_at: timestamp().withDefault(),
    updated_at: timestamp().withDefault(),
  },
  imported_rating_mappings: {
    id: id(),
    rating_key: text(),
    alternate_name: text(),
    verdict: text().orNull(),
    created_at: timestamp().withDefault(),
    updated_at: timestamp().withDefault(),
  },
  claim_suggestion_dismissals: {
    id: id(),
    article_id: integer(),
    claim_id: integer(),
    sentence_key: text(),
    sentence: text(),
    actor_id: integer(),
    created_at: timestamp().withDefault(),
  },
  events: {
    id: id(),
    type: text(),
    article_id: integer().orNull(),
    claim_id: integer().orNull(),
    annotation_id: integer().orNull(),
    appearance_id: integer().orNull(),
    details: text(),
    is_public: integer(),
    occurred_at: timestamp(),
  },
  event_retention: { id: integer(), pruned_through: integer(), pruned_at: timestamp().orNull() },
  webhook_endpoints: {
    id: id(),
    url: text(),
    description: text().orNull(),
    event_types: text(),
    secret: text(),
    status: text(),
    delivered_through: integer(),
    failed_attempts: integer().withDefault(),
    failing_since: timestamp().orNull(),
    next_attempt_at: timestamp().orNull(),
    lease_owner: text().orNull(),
    lease_until: timestamp().orNull(),
    created_at: timestamp(),
    updated_at: timestamp(),
  },
  webhook_attempts: {
    id: id(),
    endpoint_id: integer(),
    event_id: integer(),
    attempt: integer(),
    redelivery: integer().withDefault(),
    attempted_at: timestamp(),
    status_code: integer().orNull(),
    latency_ms: integer(),
    response_excerpt: text().orNull(),
    error: text().orNull(),
    succeeded: integer(),
  },
  webhook_redeliveries: { id: id(), endpoint_id: integer(), event_id: integer(), requested_at: timestamp() },
  topics: {
    id: id(),
    slug: text(),
    name: text(),
    name_key: text(),
    description: text().orNull(),
    created_at: timestamp().withDefault(),
    updated_at: timestamp().withDefault(),
  },
  article_topics: { article_id: integer(), topic_id: integer() },
  claim_topics: { claim_id: integer(), topic_id: integer() },
} as const satisfies Record<string, Record<string, ColumnSpec>>;

interface KindTypes {
  integer: number;
  real: number;
  text: string;
  // Read as text; written as text too (toSqlDate on SQLite, ISO on PostgreSQL) or left to a default.
  timestamp: SqlTimestamp;
  json: string;
}

type ValueOf<Spec extends ColumnSpec> = KindTypes[Spec['kind']] | (Spec['nullable'] extends true ? null : never);
type Insertable<Spec extends ColumnSpec> = Spec['kind'] extends 'timestamp' ? string | ValueOf<Spec> : ValueOf<Spec>;
type KyselyColumn<Spec extends ColumnSpec> = Spec['hasDefault'] extends true
  ? ColumnType<ValueOf<Spec>, Insertable<Spec> | undefined, Insertable<Spec>>
  : ColumnType<ValueOf<Spec>, Insertable<Spec>, Insertable<Spec>>;

type TableOf<Columns extends Record<string, ColumnSpec>> = { [Name in keyof Columns]: KyselyColumn<Columns[Name]> };

/** An FTS5 table (SQLite): its columns, the rowid, and the hidden column named as the table (MATCH, commands). */
type Fts5Table<Columns extends string, Name extends string> = { rowid: number } & { [Column in Columns]: string } & {
  [Hidden in Name]: string;
};

/**
 * Tables outside the entities: the search index, which migrations create per dialect
 * (FullTextSearch and PhraseIndex on SQLite, PostgresSearch on PostgreSQL). search_documents
 * holds one row per searchable field on both, filled by triggers; `kind` (the type as an FTS5
 * token) exists on SQLite only, the tsvectors `stemmed` and `unstemmed` on PostgreSQL only.
 */
export interface SearchTables {
  search_documents: {
    id: ColumnType<number, never, never>;
    type: string;
    ref_id: number;
    field: string;
    text: string;
    kind: ColumnType<string, never, never>;
    stemmed: ColumnType<string, never, never>;
    unstemmed: ColumnType<string, never, never>;
  };
  /** Unicode61 without diacritics, with prefix indexes (external content: search_documents). */
  search_fts: Fts5Table<'text' | 'kind', 'search_fts'>;
  /** The same with the porter stemmer. */
  search_fts_stem: Fts5Table<'text' | 'kind', 'search_fts_stem'>;
  /** Contentless: each document's words and word pairs (src/modules/search/word-pairs.ts). */
  search_phrases: Fts5Table<'text' | 'pairs' | 'kind', 'search_phrases'>;
  /**
   * Claims alone, their own words (null: none yet) and their quotes, porter stemmer (external
   * content: claims; SQLite only, for claim matching).
   */
  claims_fts: Fts5Table<'text' | 'quote', 'claims_fts'>;
}

/** The database as Kysely types it. */
export type Tables = { [Table in keyof typeof TABLES]: TableOf<(typeof TABLES)[Table]> } & SearchTables;
