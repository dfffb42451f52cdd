import { InitialSchema1795828043811 } from './1795828043811-InitialSchema';
import { AccountsReviewHistory1795828787490 } from './1795828787490-AccountsReviewHistory';
import { ArticleRevisionsReanchoring1795829846199 } from './1795829846199-ArticleRevisionsReanchoring';
import { FullTextSearch1795831564729 } from './1795831564729-FullTextSearch';
import { ExternalIds1795832878356 } from './1795832878356-ExternalIds';
import { PhraseIndex1795900000000 } from './1795900000000-PhraseIndex';
import { PostgresBaseline1796000000000 } from './1796000000000-PostgresBaseline';
import { PostgresSearch1796000000001 } from './1796000000001-PostgresSearch';
import { NeutraliseUnsafeUrls1796100000000 } from './1796100000000-NeutraliseUnsafeUrls';
import { ArticlePublicationHistory1796100000001 } from './1796100000001-ArticlePublicationHistory';
import { PublicSources1796100000002 } from './1796100000002-PublicSources';
import { ClaimCorrections1796100000003 } from './1796100000003-ClaimCorrections';
import { Claimants1796200000000 } from './1796200000000-Claimants';
import { ClaimSuggestionDismissals1796200000001 } from './1796200000001-ClaimSuggestionDismissals';
import { ClaimMatchingIndex1796200000002 } from './1796200000002-ClaimMatchingIndex';
import { ClaimWordsOutsideAppearances1796300000000 } from './1796300000000-ClaimWordsOutsideAppearances';
import { ClaimArticleAppearances1796300000001 } from './1796300000001-ClaimArticleAppearances';
import { ClaimWordsSearchable1796300000002 } from './1796300000002-ClaimWordsSearchable';
import { ClaimTextKeys1796300000003 } from './1796300000003-ClaimTextKeys';
import { ClaimMerges1796300000004 } from './1796300000004-ClaimMerges';
import { EventLog1796400000000 } from './1796400000000-EventLog';
import { Webhooks1796400000001 } from './1796400000001-Webhooks';
import { RatingScale1796400000002 } from './1796400000002-RatingScale';
import { Topics1796400000003 } from './1796400000003-Topics';
import { ReviewQueue1796400000006 } from './1796400000006-ReviewQueue';

/**
 * Migrations in order, per dialect. Landed migrations are never edited; each has a down().
 *
 * The ones before PostgresBaseline were written for SQLite only; PostgreSQL starts from the
 * baseline, which builds the same schema. Every migration from here on goes in BOTH lists and
 * branches on `queryRunner.connection.options.type` where the SQL must differ.
 */
export const MIGRATIONS = [
  InitialSchema1795828043811,
  AccountsReviewHistory1795828787490,
  ArticleRevisionsReanchoring1795829846199,
  FullTextSearch1795831564729,
  ExternalIds1795832878356,
  PhraseIndex1795900000000,
  PostgresSearch1796000000001,
  NeutraliseUnsafeUrls1796100000000,
  ArticlePublicationHistory1796100000001,
  PublicSources1796100000002,
  ClaimCorrections1796100000003,
  Claimants1796200000000,
  ClaimSuggestionDismissals1796200000001,
  ClaimMatchingIndex1796200000002,
  ClaimWordsOutsideAppearances1796300000000,
  ClaimArticleAppearances1796300000001,
  ClaimWordsSearchable1796300000002,
  ClaimTextKeys1796300000003,
  ClaimMerges1796300000004,
  EventLog1796400000000,
  Webhooks1796400000001,
  RatingScale1796400000002,
  Topics1796400000003,
  ReviewQueue1796400000006,
];

export const POSTGRES_MIGRATIONS = [
  PostgresBaseline1796000000000,
  PostgresSearch1796000000001,
  NeutraliseUnsafeUrls1796100000000,
  ArticlePublicationHistory1796100000001,
  PublicSources1796100000002,
  ClaimCorrections1796100000003,
  Claimants1796200000000,
  ClaimSuggestionDismissals1796200000001,
  ClaimMatchingIndex1796200000002,
  ClaimWordsOutsideAppearances1796300000000,
  ClaimArticleAppearances1796300000001,
  ClaimWordsSearchable1796300000002,
  ClaimTextKeys1796300000003,
  ClaimMerges1796300000004,
  EventLog1796400000000,
  Webhooks1796400000001,
  RatingScale1796400000002,
  Topics1796400000003,
  ReviewQueue1796400000006,
];
