import { type ReactNode, useEffect, useId, useRef } from 'react';
import { type AnyVariables, type DocumentInput, useQuery, useSubscription } from 'urql';
import { useAnnounce } from '../announcer';
import { problemsOf } from '../errors';
import { graphql } from '../gql';
import type { AnnotationFilter, NewsroomEventType, QueueFactCheckFieldsFragment } from '../gql/graphql';
import { PageTitle } from '../layout';
import { href, Link } from '../router';
import { hasRole, useSession } from '../session';
import { StatusBadge, When } from '../status';
import './queue.css';

/**
 * The landing page: what is waiting for the signed-in person, section by section, kept current
 * by the `events` subscription (no reload): drafts, fact-checks in review, stale verdicts,
 * anchors to re-attach and claim suggestions for the newest articles.
 */

graphql(`
  fragment QueueFactCheckFields on Annotation {
    id
    status
    summary
    verdict
    updatedAt
    reviewComment
    rating {
      label
    }
    author {
      id
      name
    }
    claim {
      id
      text
      article {
        id
        headline
      }
    }
  }
`);

const QueueFactChecks = graphql(`
  query QueueFactChecks($filter: AnnotationFilter!) {
    annotations(filter: $filter, first: 50) {
      totalCount
      edges {
        node {
          ...QueueFactCheckFields
        }
      }
    }
  }
`);

graphql(`
  fragment QueueClaimFields on Claim {
    id
    text
    verdict
    verdictStale
    article {
      id
      headline
    }
  }
`);

const QueueStaleVerdicts = graphql(`
  query QueueStaleVerdicts {
    claims(filter: { verdictStale: true }, first: 50) {
      totalCount
      edges {
        node {
          ...QueueClaimFields
        }
      }
    }
  }
`);

const QueueLostAnchors = graphql(`
  query QueueLostAnchors {
    claims(filter: { anchorStatus: [AMBIGUOUS, ORPHANED] }, first: 50) {
      totalCount
      edges {
        node {
          ...QueueClaimFields
          appearances(first: 20) {
            edges {
              node {
                ... on ArticleAppearance {
                  anchorStatus
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** Why a claim's anchor needs re-attaching, in words. */
const ANCHOR_WORDS: Partial<Record<string, string>> = {
  ORPHANED: 'not found in the text',
  AMBIGUOUS: 'found in more than one place',
};

/** How many of the newest articles the suggestions section looks at. */
const RECENT_ARTICLES = 5;

const QueueSuggestions = graphql(`
  query QueueSuggestions($first: Int!) {
    articles(first: $first) {
      edges {
        node {
          id
          headline
          suggestedClaims {
            score
            sentence {
              start
              text
            }
            claim {
              id
              text
              verdict
              article {
                id
                headline
              }
            }
          }
        }
      }
    }
  }
`);

const QueueEvents = graphql(`
  subscription QueueEvents($types: [NewsroomEventType!]) {
    events(types: $types) {
      eventId
      type
    }
  }
`);

/** The events that change a section of the queue, and what is said when one arrives. */
const LIVE_EVENTS: Partial<Record<NewsroomEventType, string | null>> = {
  FACT_CHECK_SUBMITTED: 'A fact-check was submitted for review',
  FACT_CHECK_RETURNED: 'A fact-check was sent back to its author',
  FACT_CHECK_PUBLISHED: 'A fact-check was published',
  FACT_CHECK_RETRACTED: 'A fact-check was retracted',
  CLAIM_VERDICT_CHANGED: null,
};
const LIVE_TYPES = Object.keys(LIVE_EVENTS) as NewsroomEventType[];

/** Always from the service, never an older cached answer: the queue is about what is current. */
function useLiveQuery<Data, Variables extends AnyVariables>(
  query: DocumentInput<Data, Variables>,
  variables: Variables,
  pause = false,
) {
  const [result, reexecute] = useQuery<Data, Variables>({
    query,
    variables,
    pause,
    requestPolicy: 'cache-and-network',
  });
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  return [result, refetch] as const;
}

export function QueuePage() {
  const { user } = useSession();
  const announce = useAnnounce();
  const editor = hasRole(user, 'EDITOR');

  const [drafts, refetchDrafts] = useLiveQuery(QueueFactChecks, {
    filter: { status: ['DRAFT'], authorId: user.id } satisfies AnnotationFilter,
  });
  // Editors: what they may publish (never their own, never one they changed). Everyone: their own
  // fact-checks in review, waiting for someone else.
  const [awaiting, refetchAwaiting] = useLiveQuery(
    QueueFactChecks,
    { filter: { awaitingMyReview: true } satisfies AnnotationFilter },
    !editor,
  );
  const [mine, refetchMine] = useLiveQuery(QueueFactChecks, {
    filter: { status: ['IN_REVIEW'], authorId: user.id } satisfies AnnotationFilter,
  });
  const [stale, refetchStale] = useLiveQuery(QueueStaleVerdicts, {});
  const [anchors] = useLiveQuery(QueueLostAnchors, {});
  const [suggestions] = useLiveQuery(QueueSuggestions, { first: RECENT_ARTICLES });

  // Live: each event of the review workflow refetches the sections it changes and is announced.
  const [live] = useSubscription({ query: QueueEvents, variables: { types: LIVE_TYPES } });
  const event = live.data?.events;
  const handled = useRef<string | null>(null);
  const refetchers = useRef({ refetchDrafts, refetchAwaiting, refetchMine, refetchStale });
  refetchers.current = { refetchDrafts, refetchAwaiting, refetchMine, refetchStale };
  useEffect(() => {
    if (!event || handled.current === event.eventId) return;
    handled.current = event.eventId;
    const r = refetchers.current;
    if (event.type === 'CLAIM_VERDICT_CHANGED') {
      r.refetchStale();
      return;
    }
    r.refetchDrafts();
    if (editor) r.refetchAwaiting();
    r.refetchMine();
    r.refetchStale();
    const words = LIVE_EVENTS[event.type];
    if (words) announce(words);
  }, [event, editor, announce]);

  // Events missed while the computer slept or the socket was reconnecting: a tab shown again
  // reads every section afresh.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      const r = refetchers.current;
      r.refetchDrafts();
      if (editor) r.refetchAwaiting();
      r.refetchMine();
      r.refetchStale();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [editor]);

  const articles = suggestions.data?.articles.edges.map((e) => e.node) ?? [];
  const suggestionCount = articles.reduce((n, a) => n + a.suggestedClaims.length, 0);

  return (
    <div className="queue">
      <PageTitle>{user.name}’s queue</PageTitle>
      <p className="muted">
        What is waiting for you. The lists update by themselves as fact-checks are submitted, sent back and published.
      </p>

      <Section
        title="My drafts"
        result={drafts}
        count={drafts.data?.annotations.totalCount}
        empty="You have no drafts. A fact-check you start, or one an editor sends back to you, appears here."
      >
        <FactCheckList items={drafts.data?.annotations.edges.map((e) => e.node)} to={href.factCheck} />
      </Section>

      {editor ? (
        <>
          <Section
            title="Waiting for your review"
            result={awaiting}
            count={awaiting.data?.annotations.totalCount}
            empty="Nothing is waiting for you to review. Fact-checks you wrote or changed are published by another editor, so they are never listed here."
          >
            <FactCheckList items={awaiting.data?.annotations.edges.map((e) => e.node)} to={href.review} showAuthor />
          </Section>
          <Section
            title="Yours, waiting for another editor"
            result={mine}
            count={mine.data?.annotations.totalCount}
            empty="None of your fact-checks is in review."
          >
            <FactCheckList items={mine.data?.annotations.edges.map((e) => e.node)} to={href.review} />
          </Section>
        </>
      ) : (
        <Section
          title="Waiting for review"
          result={mine}
          count={mine.data?.annotations.totalCount}
          empty="None of your fact-checks is waiting for an editor."
          intro="Your fact-checks in review: an editor publishes them or sends them back with a comment."
        >
          <FactCheckList items={mine.data?.annotations.edges.map((e) => e.node)} to={href.review} />
        </Section>
      )}

      <Section
        title="Stale verdicts to confirm"
        result={stale}
        count={stale.data?.claims.totalCount}
        empty="No verdict is stale: every checked claim still stands in its article as it was checked."
        intro="The article’s text changed under these claims after they were checked."
      >
        <ClaimList items={stale.data?.claims.edges.map((e) => e.node)} />
      </Section>

      <Section
        title="Anchors to re-attach"
        result={anchors}
        count={anchors.data?.claims.totalCount}
        empty="Every claim is attached to its place in its article."
        intro="These claims could not be found again in their article’s text, or were found in more than one place."
      >
        <ClaimList
          items={anchors.data?.claims.edges.map(({ node }) => {
            const statuses = node.appearances.edges.map((e) => ('anchorStatus' in e.node ? e.node.anchorStatus : null));
            const lost = statuses.find((status) => status === 'ORPHANED' || status === 'AMBIGUOUS');
            return { ...node, problem: lost ? ANCHOR_WORDS[lost] : undefined };
          })}
        />
      </Section>

      <Section
        title="Claim suggestions for recent articles"
        result={suggestions}
        count={suggestions.data ? suggestionCount : undefined}
        empty={`No sentence of the ${RECENT_ARTICLES} newest articles restates a claim already checked.`}
        intro="Sentences of the newest articles that restate a claim already on record."
      >
        {suggestionCount > 0 && (
          <ul className="list">
            {articles
              .filter((a) => a.suggestedClaims.length > 0)
              .map((article) => (
                <li key={article.id}>
                  <h3>
                    <Link to={href.article(article.id)}>{article.headline}</Link>
                  </h3>
                  <ul className="suggestions">
                    {article.suggestedClaims.map((s) => (
                      <li key={`${s.sentence.start}-${s.claim.id}`}>
                        <q>{s.sentence.text}</q>{' '}
                        <span className="muted">
                          restates <q>{s.claim.text}</q> ({s.claim.article.headline})
                        </span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

interface SectionResult {
  fetching: boolean;
  data?: unknown;
  error?: Parameters<typeof problemsOf>[0];
}

/** A section of the queue: a heading with its count, its list, or words saying it is empty. */
function Section({
  title,
  count,
  result,
  empty,
  intro,
  children,
}: {
  title: string;
  count: number | undefined;
  result: SectionResult;
  empty: string;
  intro?: string;
  children: ReactNode;
}) {
  const id = useId();
  const problems = result.data ? [] : problemsOf(result.error);
  return (
    <section className="card queue-section" aria-labelledby={id} aria-busy={result.fetching || undefined}>
      <h2 id={id}>
        {title} <span className="count">{count ?? '…'}</span>
      </h2>
      {intro && <p className="muted intro">{intro}</p>}
      {problems.length > 0 ? (
        <p className="notice warn">{problems.map((p) => p.message).join(' ')}</p>
      ) : count === undefined ? (
        <p className="muted">Loading…</p>
      ) : count === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        children
      )}
    </section>
  );
}

function FactCheckList({
  items,
  to,
  showAuthor,
}: {
  items: QueueFactCheckFieldsFragment[] | undefined;
  to: (id: string) => string;
  showAuthor?: boolean;
}) {
  if (!items?.length) return null;
  return (
    <ul className="list">
      {items.map((item) => (
        <li key={item.id} className="queue-item">
          <p className="title">
            <Link to={to(item.id)}>{item.claim.text}</Link> <StatusBadge status={item.status} />
          </p>
          <p className="meta">
            <span className="rating">{item.rating.label}</span> · {item.summary}
          </p>
          <p className="meta muted">
            {item.claim.article.headline}
            {showAuthor && <> · by {item.author.name}</>} · changed <When at={item.updatedAt} />
          </p>
          {item.reviewComment && (
            <div className="notice warn returned">
              <p>
                <strong>Sent back by an editor:</strong> {item.reviewComment}
              </p>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A verdict in words: MOSTLY_FALSE as "Mostly false". */
const verdictWords = (verdict: string) => verdict.charAt(0) + verdict.slice(1).replace(/_/g, ' ').toLowerCase();

function ClaimList({
  items,
}: {
  items:
    | { id: string; text: string; verdict?: string | null; article: { headline: string }; problem?: string }[]
    | undefined;
}) {
  if (!items?.length) return null;
  return (
    <ul className="list">
      {items.map((claim) => (
        <li key={claim.id}>
          <p className="title">
            <Link to={href.claim(claim.id)}>{claim.text}</Link>
          </p>
          <p className="meta muted">
            {claim.article.headline}
            {claim.verdict && <> · verdict: {verdictWords(claim.verdict)}</>}
            {claim.problem && <> · {claim.problem}</>}
          </p>
        </li>
      ))}
    </ul>
  );
}
