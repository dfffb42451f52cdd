/**
 * Every query layer of the service. Importing this registers all their statements, which the
 * SQL snapshots and the EXPLAIN test enumerate; tests/db/sql-snapshots.test.ts fails when a
 * `*.queries.ts` file is missing here.
 */
import '../modules/auth/visibility.queries';
import '../modules/source/source.queries';
import '../modules/annotation/annotation.queries';
import '../modules/search/search.queries';
import '../modules/search/search-sqlite.queries';
import '../modules/search/search-postgres.queries';
import '../modules/dataset/dataset.queries';
import '../db/service.queries';
import '../events/events.queries';
import '../modules/article/article.queries';
import '../modules/claimreview/claimreview.queries';
import '../modules/claim/claim.queries';
import '../modules/claimant/claimant.queries';
import '../modules/appearance/appearance.queries';
import '../modules/user/user.queries';
import '../modules/auth/auth.queries';
import '../modules/matching/matching.queries';
import '../modules/topic/topic.queries';
import '../modules/rating/rating.queries';
import '../modules/webhook/webhook.queries';
