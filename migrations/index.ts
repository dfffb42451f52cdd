import { InitialSchema1795828043811 } from './1795828043811-InitialSchema';
import { AccountsReviewHistory1795828787490 } from './1795828787490-AccountsReviewHistory';
import { ArticleRevisionsReanchoring1795829846199 } from './1795829846199-ArticleRevisionsReanchoring';
import { FullTextSearch1795831564729 } from './1795831564729-FullTextSearch';
import { ExternalIds1795832878356 } from './1795832878356-ExternalIds';
import { PhraseIndex1795900000000 } from './1795900000000-PhraseIndex';

/** Every migration in order. Landed migrations are never edited; each has a down(). */
export const MIGRATIONS = [InitialSchema1795828043811, AccountsReviewHistory1795828787490, ArticleRevisionsReanchoring1795829846199, FullTextSearch1795831564729, ExternalIds1795832878356, PhraseIndex1795900000000];
