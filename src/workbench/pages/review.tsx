import { diffWords } from 'diff';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAnnounce } from '../announcer';
import { FormProblems, messageFor, type Problem, problemsOf, unplaced } from '../errors';
import { TextArea } from '../fields';
import { graphql } from '../gql';
import type { ReviewFactCheckQuery } from '../gql/graphql';
import { Loading, PageTitle } from '../layout';
import { href, Link } from '../router';
import { hasRole, useSession } from '../session';
import { StatusBadge, When } from '../status';
import './review.css';

/**
 * An editor's review of one fact-check: what it says now beside what it said before (a word
 * diff), and the editor's three moves: publish (four eyes, shown before the click), send back
 * to its author with a comment, retract a published one with a public reason.
 */

const ReviewFactCheck = graphql(`
  query ReviewFactCheck($id: ID!) {
    annotation(id: $id) {
      id
      status
      version
      verdict
      summary
      body
      rating {
        label
        description
      }
      citations {
        stance
        excerpt
        source {
          id
          title
          url
          publisher
        }
      }
      claim {
        id
        text
        article {
          id
          headline
          slug
        }
        appearances(first: 1) {
          edges {
            node {
              ... on ArticleAppearance {
                quote
              }
            }
          }
        }
      }
      author {
        id
        name
      }
      contributors {
        id
        name
      }
      reviewComment
      retractionReason
      retractedAt
      publishedAt
      updatedAt
      viewerCanPublish
      publishBlockedReason
      revisions {
        version
        change
        status
        createdAt
        note
        verdict
        summary
        body
        actor {
          name
        }
        rating {
          label
        }
        citations {
          stance
          excerpt
          source {
            title
            url
          }
        }
      }
    }
  }
`);

const ReviewPublish = graphql(`
  mutation ReviewPublish($input: PublishAnnotationInput!) {
    publishAnnotation(input: $input) {
      id
      status
      version
    }
  }
`);

const ReviewReturn = graphql(`
  mutation ReviewReturn($input: ReturnAnnotationInput!) {
    returnAnnotation(input: $input) {
      id
      status
      version
      reviewComment
    }
  }
`);

const ReviewRetract = graphql(`
  mutation ReviewRetract($input: RetractAnnotationInput!) {
    retractAnnotation(input: $input) {
      id
      status
      version
      retractionReason
    }
  }
`);

type FactCheck = NonNullable<ReviewFactCheckQuery['annotation']>;
type Revision = FactCheck['revisions'][number];

const STANCE_WORDS = { SUPPORTS: 'Supports', REFUTES: 'Refutes', CONTEXT: 'Context' } as const;

/** The content of a fact-check or a revision, as the texts the diff compares. */
interface Content {
  rating: string;
  summary: string;
  body: string;
  citations: string;
}

function contentOf(x: FactCheck | Revision): Content {
  return {
    rating: x.rating.label,
    summary: x.summary,
    body: x.body,
    citations: x.citations
      .map((c) => `${STANCE_WORDS[c.stance]}: ${c.source.title} (${c.source.url}) “${c.excerpt}”`)
      .join('\n'),
  };
}

const sameContent = (a: Content, b: Content) =>
  a.rating === b.rating && a.summary === b.summary && a.body === b.body && a.citations === b.citations;

/**
 * What to compare the fact-check with: what readers last saw before this version (the latest
 * earlier revision that was PUBLISHED), else the latest earlier revision whose content differs,
 * else nothing (the first version).
 */
function baselineOf(factCheck: FactCheck): { revision: Revision; published: boolean } | null {
  const earlier = factCheck.revisions.filter((r) => r.version < factCheck.version);
  const current = contentOf(factCheck);
  const published = earlier.findLast((r) => r.status === 'PUBLISHED');
  if (published) return { revision: published, published: true };
  const changed = earlier.findLast((r) => !sameContent(contentOf(r), current));
  return changed ? { revision: changed, published: false } : null;
}

export function ReviewPage({ id }: { id: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ReviewFactCheck, variables: { id } });
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading what="the fact-check" />;
  const factCheck = data?.annotation;
  if (!factCheck) {
    const problems = problemsOf(error);
    return (
      <>
        <PageTitle>Fact-check not found</PageTitle>
        <p>
          {problems.length
            ? problems.map((p) => p.message).join(' ')
            : 'There is no such fact-check, or you may not see it.'}
        </p>
        <p>
          <Link to={href.queue()}>Back to the queue</Link>
        </p>
      </>
    );
  }
  return <Review factCheck={factCheck} refetch={refetch} />;
}

function Review({ factCheck, refetch }: { factCheck: FactCheck; refetch: () => void }) {
  const { user } = useSession();
  const editor = hasRole(user, 'EDITOR');
  const quote = factCheck.claim.appearances.edges[0]?.node;
  const baseline = baselineOf(factCheck);
  // The outcome of the last action, focused so keyboard and screen reader users land on it.
  const [outcome, setOutcome] = useState<{ words: string; at: number } | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const announce = useAnnounce();
  const done = (words: string) => {
    setOutcome({ words, at: Date.now() });
    announce(words);
    refetch();
  };
  // Focused once it is drawn (the button that was pressed may be gone by then).
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  return (
    <div className="review">
      <p className="breadcrumb">
        <Link to={href.queue()}>Queue</Link> › Review
      </p>
      <PageTitle>Review: {factCheck.claim.text}</PageTitle>
      <p className="review-meta">
        <StatusBadge status={factCheck.status} /> by {factCheck.author.name} · version {factCheck.version} · changed{' '}
        <When at={factCheck.updatedAt} /> · on{' '}
        <Link to={href.article(factCheck.claim.article.id)}>{factCheck.claim.article.headline}</Link>
      </p>

      {outcome && (
        <div className="notice outcome" tabIndex={-1} ref={outcomeRef}>
          <p>
            {outcome.words} <Link to={href.queue()}>Back to the queue</Link>
          </p>
        </div>
      )}

      {factCheck.reviewComment && factCheck.status === 'DRAFT' && (
        <div className="notice warn">
          <p>
            <strong>Sent back to its author:</strong> {factCheck.reviewComment}
          </p>
        </div>
      )}
      {factCheck.status === 'RETRACTED' && (
        <div className="notice warn">
          <p>
            <strong>Retracted</strong> <When at={factCheck.retractedAt} />: {factCheck.retractionReason}
          </p>
        </div>
      )}

      <div className="review-columns">
        <section className="card" aria-labelledby="review-now">
          <h2 id="review-now">The fact-check</h2>
          <dl className="review-fields">
            <dt>Claim</dt>
            <dd>{factCheck.claim.text}</dd>
            {quote && 'quote' in quote && (
              <>
                <dt>Quote in the article</dt>
                <dd>
                  <blockquote>{quote.quote}</blockquote>
                </dd>
              </>
            )}
            <dt>Rating</dt>
            <dd>
              <strong>{factCheck.rating.label}</strong>
              {factCheck.rating.description && <span className="muted"> · {factCheck.rating.description}</span>}
            </dd>
            <dt>Summary</dt>
            <dd>{factCheck.summary}</dd>
            <dt>Explanation</dt>
            <dd className="prose">{factCheck.body}</dd>
            <dt>Citations</dt>
            <dd>
              {factCheck.citations.length === 0 ? (
                <p className="muted">No source cited yet: it cannot be published without one.</p>
              ) : (
                <ul className="list">
                  {factCheck.citations.map((c, i) => (
                    <li key={`${c.source.id}-${i}`}>
                      <span className={`stance ${c.stance.toLowerCase()}`}>{STANCE_WORDS[c.stance]}</span>{' '}
                      <a href={c.source.url} rel="noreferrer noopener" target="_blank">
                        {c.source.title}
                      </a>
                      {c.source.publisher && <span className="muted"> · {c.source.publisher}</span>}
                      <blockquote>{c.excerpt}</blockquote>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>Written or changed by</dt>
            <dd>{factCheck.contributors.map((c) => c.name).join(', ') || factCheck.author.name}</dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="review-changes">
          <h2 id="review-changes">Changes</h2>
          <Changes factCheck={factCheck} baseline={baseline} />
        </section>
      </div>

      {editor ? (
        <section aria-labelledby="review-actions" className="review-actions">
          <h2 id="review-actions">Your decision</h2>
          {factCheck.status === 'IN_REVIEW' && (
            <>
              <PublishAction factCheck={factCheck} onDone={done} />
              {/* Sending back is one editor's word to another person: not to oneself. */}
              {factCheck.author.id !== user.id && <ReturnAction factCheck={factCheck} onDone={done} />}
            </>
          )}
          {factCheck.status === 'PUBLISHED' && <RetractAction factCheck={factCheck} onDone={done} />}
          {factCheck.status === 'DRAFT' && (
            <p className="muted">It is a draft: its author submits it for review before an editor can publish it.</p>
          )}
          {factCheck.status === 'RETRACTED' && <p className="muted">A retracted fact-check is final.</p>}
        </section>
      ) : (
        <section aria-labelledby="review-actions" className="review-actions">
          <h2 id="review-actions">Publishing</h2>
          <p className="notice">Editors publish, send back and retract fact-checks; you can follow this one here.</p>
          {/* The rule before the click for reviewers too: Publish is there, disabled, saying why. */}
          {factCheck.status === 'IN_REVIEW' && <PublishAction factCheck={factCheck} onDone={done} />}
        </section>
      )}
    </div>
  );
}

/** The word diff of each part of the content, against the baseline; "First version" without one. */
function Changes({ factCheck, baseline }: { factCheck: FactCheck; baseline: ReturnType<typeof baselineOf> }) {
  if (!baseline) return <p className="first-version">First version: there is no earlier version to compare with.</p>;
  const before = contentOf(baseline.revision);
  const now = contentOf(factCheck);
  const current = factCheck.revisions.find((r) => r.version === factCheck.version);
  const parts: { label: string; key: keyof Content }[] = [
    { label: 'Rating', key: 'rating' },
    { label: 'Summary', key: 'summary' },
    { label: 'Explanation', key: 'body' },
    { label: 'Citations', key: 'citations' },
  ];
  return (
    <>
      <p className="muted">
        {baseline.published ? 'Compared with the published version ' : 'Compared with version '}
        {baseline.revision.version} of <When at={baseline.revision.createdAt} />
        {baseline.revision.actor && <> by {baseline.revision.actor.name}</>}.{' '}
        <span aria-hidden="true">
          <ins>Added</ins> and <del>removed</del> words are marked.
        </span>
      </p>
      {current?.note && (
        <p>
          <strong>Note on the change:</strong> {current.note}
        </p>
      )}
      {sameContent(before, now) && <p>No change of content since then.</p>}
      <dl className="review-fields">
        {parts.map(({ label, key }) => (
          <DiffField key={key} label={label} before={before[key]} after={now[key]} />
        ))}
      </dl>
    </>
  );
}

function DiffField({ label, before, after }: { label: string; before: string; after: string }) {
  const changed = before !== after;
  return (
    <>
      <dt>
        {label}
        {!changed && <span className="muted"> (unchanged)</span>}
      </dt>
      <dd className="diff prose">
        {changed
          ? diffWords(before, after).map((part, i) =>
              part.added ? (
                <ins key={i}>
                  <span className="visually-hidden">[added: </span>
                  {part.value}
                  <span className="visually-hidden">]</span>
                </ins>
              ) : part.removed ? (
                <del key={i}>
                  <span className="visually-hidden">[removed: </span>
                  {part.value}
                  <span className="visually-hidden">]</span>
                </del>
              ) : (
                <span key={i}>{part.value}</span>
              ),
            )
          : after}
      </dd>
    </>
  );
}

interface ActionProps {
  factCheck: FactCheck;
  onDone: (words: string) => void;
}

/** Publish, with the four-eyes rule shown before the click: disabled, and why, when it applies. */
function PublishAction({ factCheck, onDone }: ActionProps) {
  const [{ fetching }, publish] = useMutation(ReviewPublish);
  const [problems, setProblems] = useState<Problem[]>([]);
  const reasonId = useId();
  const click = async () => {
    const result = await publish({ input: { id: factCheck.id, expectedVersion: factCheck.version } });
    setProblems(problemsOf(result.error));
    if (result.data) onDone('Published: readers now see this verdict.');
  };
  const blocked = !factCheck.viewerCanPublish;
  return (
    <div className="card">
      <h3>Publish</h3>
      <p className="muted">Readers see the verdict on the article as soon as it is published.</p>
      <div className="actions">
        <button
          type="button"
          disabled={blocked || fetching}
          aria-describedby={blocked ? reasonId : undefined}
          onClick={() => void click()}
        >
          {fetching ? 'Publishing…' : 'Publish'}
        </button>
        {blocked && (
          <p id={reasonId} className="blocked-reason">
            {factCheck.publishBlockedReason ?? 'You may not publish it now.'}
          </p>
        )}
      </div>
      <FormProblems problems={problems} />
    </div>
  );
}

/** Send back to the author as a draft, saying what to change (the comment is required). */
function ReturnAction({ factCheck, onDone }: ActionProps) {
  const [{ fetching }, sendBack] = useMutation(ReviewReturn);
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) {
      setProblems([{ message: 'Write what the author should change.', code: 'BAD_USER_INPUT', field: 'comment' }]);
      return;
    }
    const result = await sendBack({
      input: { id: factCheck.id, comment: comment.trim(), expectedVersion: factCheck.version },
    });
    setProblems(problemsOf(result.error));
    if (result.data) {
      setComment('');
      onDone(`Sent back to ${factCheck.author.name} with your comment; it is a draft again.`);
    }
  };
  return (
    <form className="card stack" onSubmit={(e) => void submit(e)} noValidate>
      <h3>Send back to its author</h3>
      <TextArea
        label="Comment for the author"
        hint={`What ${factCheck.author.name} should change. Only staff see it, never readers.`}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={messageFor(problems, 'comment')}
        maxLength={1000}
        required
      />
      <FormProblems problems={unplaced(problems, ['comment'])} />
      <div className="actions">
        <button type="submit" className="secondary" disabled={fetching}>
          {fetching ? 'Sending back…' : 'Send back'}
        </button>
      </div>
    </form>
  );
}

/** Retract a published fact-check; the reason is shown to readers with it. */
function RetractAction({ factCheck, onDone }: ActionProps) {
  const [{ fetching }, retract] = useMutation(ReviewRetract);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setProblems([{ message: 'Say why it is retracted: readers are told.', code: 'BAD_USER_INPUT', field: 'reason' }]);
      return;
    }
    const result = await retract({
      input: { id: factCheck.id, reason: reason.trim(), expectedVersion: factCheck.version },
    });
    setProblems(problemsOf(result.error));
    if (result.data) onDone('Retracted: readers now see it as retracted, with your reason.');
  };
  return (
    <form className="card stack" onSubmit={(e) => void submit(e)} noValidate>
      <h3>Retract</h3>
      <TextArea
        label="Reason for the retraction"
        hint="This reason is public: readers see it with the retracted fact-check. A retraction is final."
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={messageFor(problems, 'reason')}
        required
      />
      <FormProblems problems={unplaced(problems, ['reason'])} />
      <div className="actions">
        <button type="submit" className="danger" disabled={fetching}>
          {fetching ? 'Retracting…' : 'Retract'}
        </button>
      </div>
    </form>
  );
}
