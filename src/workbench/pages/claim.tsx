import { useCallback, useEffect, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAnnounce } from '../announcer';
import { ANCHOR_WORDS, AnchorBadge, hasPublishedCheck, VERDICT_WORDS, VerdictBadge } from '../article/claim-state';
import { FormProblems, messageFor, problemsOf, unplaced } from '../errors';
import { SelectField, TextArea, TextField } from '../fields';
import { graphql } from '../gql';
import type { ClaimForWorkbenchQuery, CorrectionKind } from '../gql/graphql';
import { Loading, PageTitle } from '../layout';
import { href, Link, navigate } from '../router';
import { hasRole, useSession } from '../session';
import { StatusBadge, When } from '../status';
import './article.css';

/** A fact-check's revision, in words (AnnotationChange). */
const CHANGE_WORDS = {
  CREATED: 'written',
  UPDATED: 'changed',
  SUBMITTED: 'sent for review',
  RETURNED: 'sent back',
  PUBLISHED: 'published',
  RETRACTED: 'retracted',
} as const;

const ClaimForWorkbench = graphql(`
  query ClaimForWorkbench($id: ID!) {
    claim(id: $id) {
      id
      text
      language
      verdict
      verdictStale
      claimant {
        id
        name
      }
      article {
        id
        headline
        status
      }
      topics {
        id
        name
      }
      appearances(first: 100) {
        totalCount
        edges {
          node {
            __typename
            id
            ... on ArticleAppearance {
              quote
              anchorStatus
              anchorScore
              verdictStale
              checkedRevision
              article {
                id
                headline
                status
              }
            }
            ... on OutsideAppearance {
              url
              title
              publisher
              appearedAt
            }
          }
        }
      }
      annotations {
        id
        status
        summary
        verdict
        updatedAt
        publishedAt
        rating {
          label
        }
        author {
          id
          name
        }
        revisions {
          version
          change
          createdAt
          note
          actor {
            name
          }
        }
      }
      corrections {
        kind
        createdAt
        note
        previousText
        newText
        previousVerdict
        newVerdict
      }
    }
    ratingScale {
      id
      label
      verdict
    }
  }
`);

const ClaimMergeCandidates = graphql(`
  query ClaimMergeCandidates($text: String!) {
    claimMatches(text: $text, first: 6) {
      score
      claim {
        ...ClaimMergeSide
      }
    }
  }
`);

const ClaimMergeLookup = graphql(`
  query ClaimMergeLookup($id: ID!) {
    claim(id: $id) {
      ...ClaimMergeSide
    }
  }
`);

graphql(`
  fragment ClaimMergeSide on Claim {
    id
    text
    verdict
    article {
      id
      headline
    }
    annotations {
      id
      status
    }
    appearances(first: 100) {
      totalCount
      edges {
        node {
          __typename
          id
          ... on ArticleAppearance {
            article {
              id
              headline
            }
          }
        }
      }
    }
  }
`);

const ClaimCreateFactCheck = graphql(`
  mutation ClaimCreateFactCheck($input: CreateAnnotationInput!) {
    createAnnotation(input: $input) {
      id
    }
  }
`);

const ClaimMerge = graphql(`
  mutation ClaimMerge($input: MergeClaimsInput!) {
    mergeClaims(input: $input) {
      id
      text
    }
  }
`);

const ClaimConfirmAnchor = graphql(`
  mutation ClaimConfirmAnchor($input: ConfirmClaimAnchorInput!) {
    confirmClaimAnchor(input: $input) {
      id
    }
  }
`);

const ClaimReattach = graphql(`
  mutation ClaimReattach($input: ReattachClaimInput!) {
    reattachClaim(input: $input) {
      id
    }
  }
`);

type ClaimData = NonNullable<ClaimForWorkbenchQuery['claim']>;
type Scale = ClaimForWorkbenchQuery['ratingScale'];

const CORRECTION_WORDS: Record<CorrectionKind, string> = {
  ARTICLE_UPDATED: 'Article updated',
  BODY_CORRECTED: 'Article text corrected',
  CHECK_UPDATED: 'Fact-check updated',
  CLAIMANT_CHANGED: 'Claimant changed',
  CLAIM_MERGED: 'Claim merged into this one',
  PLACE_ADDED: 'Place added',
  PLACE_REMOVED: 'Place removed',
  QUOTE_CHANGED: 'Quote changed',
  RATING_CHANGED: 'Rating changed',
  RETRACTED: 'Fact-check retracted',
  TEXT_CHANGED: 'Words changed',
  VERDICT_CHANGED: 'Verdict changed',
};

export function ClaimPage({ id }: { id: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ClaimForWorkbench, variables: { id } });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  if (fetching && !data) return <Loading what="the claim" />;
  const claim = data?.claim;
  if (!claim) {
    return (
      <>
        <PageTitle>Claim not found</PageTitle>
        {error ? (
          <FormProblems problems={problemsOf(error)} />
        ) : (
          <p>There is no claim with this id that you may see.</p>
        )}
      </>
    );
  }
  return (
    <div className="wb-article-pages">
      <ClaimView claim={claim} scale={data.ratingScale} requestedId={id} refresh={refresh} />
    </div>
  );
}

function ClaimView({
  claim,
  scale,
  requestedId,
  refresh,
}: {
  claim: ClaimData;
  scale: Scale;
  requestedId: string;
  refresh(): void;
}) {
  const published = hasPublishedCheck(claim);
  const places = claim.appearances.edges.map((e) => e.node);
  return (
    <>
      <p className="breadcrumb">
        <Link to={href.article(claim.article.id)}>{claim.article.headline}</Link>
      </p>
      <PageTitle>Claim</PageTitle>
      {claim.id !== requestedId && (
        <p className="notice">The claim you asked for was merged into this one; its address now answers this claim.</p>
      )}
      <blockquote className="claim-words">{claim.text}</blockquote>
      <dl className="claim-facts card">
        <dt>Verdict</dt>
        <dd>
          <VerdictBadge verdict={claim.verdict} />
          {claim.verdictStale && <span className="badge anchor-flag">⚠ The text changed under this verdict</span>}
        </dd>
        <dt>Claimant</dt>
        <dd>{claim.claimant?.name ?? <span className="muted">Nobody named</span>}</dd>
        <dt>Marked in</dt>
        <dd>
          <Link to={href.article(claim.article.id)}>{claim.article.headline}</Link>
        </dd>
        <dt>Topics</dt>
        <dd>
          {claim.topics.length ? claim.topics.map((t) => t.name).join(', ') : <span className="muted">None</span>}
        </dd>
      </dl>

      <section aria-labelledby="checks-h">
        <h2 id="checks-h">Fact-checks</h2>
        {claim.annotations.length === 0 ? (
          <p className="muted">Nobody has fact-checked this claim yet.</p>
        ) : (
          <ul className="list card">
            {claim.annotations.map((a) => (
              <li key={a.id}>
                <p>
                  <StatusBadge status={a.status} /> <strong>{a.rating.label}</strong> —{' '}
                  <Link to={href.factCheck(a.id)}>{a.summary || 'No summary yet'}</Link>
                </p>
                <p className="small muted">
                  By {a.author.name} · {a.publishedAt ? 'published ' : 'last changed '}
                  <When at={a.publishedAt ?? a.updatedAt} />
                </p>
                <details className="revisions">
                  <summary>
                    History: {a.revisions.length} version{a.revisions.length === 1 ? '' : 's'}
                  </summary>
                  <ol>
                    {a.revisions.map((r) => (
                      <li key={r.version}>
                        Version {r.version}: {CHANGE_WORDS[r.change]}
                        {r.actor ? ` by ${r.actor.name}` : ''}, <When at={r.createdAt} />
                        {r.note && <span className="muted"> · “{r.note}”</span>}
                      </li>
                    ))}
                  </ol>
                </details>
              </li>
            ))}
          </ul>
        )}
        <WriteFactCheck claimId={claim.id} scale={scale} />
      </section>

      <section aria-labelledby="places-h">
        <h2 id="places-h">Where it was made ({claim.appearances.totalCount})</h2>
        <ul className="list card">
          {places.map((place) =>
            place.__typename === 'ArticleAppearance' ? (
              <li key={place.id}>
                <p>
                  <Link to={href.article(place.article.id)}>{place.article.headline}</Link>{' '}
                  {place.article.id === claim.article.id && <span className="muted small">(marked here first)</span>}{' '}
                  {place.anchorStatus !== 'ANCHORED' && <AnchorBadge status={place.anchorStatus} />}
                </p>
                <p className="quote small">“{place.quote}”</p>
                {ANCHOR_WORDS[place.anchorStatus].flag && (
                  <AnchorRepair
                    targetId={place.article.id === claim.article.id ? claim.id : place.id}
                    status={place.anchorStatus}
                    quote={place.quote}
                    published={published}
                    onDone={refresh}
                  />
                )}
              </li>
            ) : place.__typename === 'OutsideAppearance' ? (
              <li key={place.id}>
                <p>
                  <a href={place.url} rel="noopener noreferrer">
                    {place.title || place.url}
                  </a>{' '}
                  <span className="muted small">
                    outside factline{place.publisher && ` · ${place.publisher}`}
                    {place.appearedAt && (
                      <>
                        {' · '}
                        <When at={place.appearedAt} />
                      </>
                    )}
                  </span>
                </p>
              </li>
            ) : null,
          )}
        </ul>
      </section>

      <section aria-labelledby="history-h">
        <h2 id="history-h">Corrections and history</h2>
        {claim.corrections.length === 0 ? (
          <p className="muted">No public correction of this claim.</p>
        ) : (
          <ol className="list card">
            {claim.corrections.map((c, i) => (
              <li key={i}>
                <p>
                  <strong>{CORRECTION_WORDS[c.kind]}</strong> · <When at={c.createdAt} />
                </p>
                {(c.previousVerdict || c.newVerdict) && (
                  <p className="small">
                    {c.previousVerdict ? VERDICT_WORDS[c.previousVerdict] : 'No verdict'} →{' '}
                    {c.newVerdict ? VERDICT_WORDS[c.newVerdict] : 'No verdict'}
                  </p>
                )}
                {(c.previousText || c.newText) && (
                  <p className="small diff">
                    {c.previousText && <del>{c.previousText}</del>} {c.newText && <ins>{c.newText}</ins>}
                  </p>
                )}
                <p className="small">{c.note}</p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <MergeClaims claim={claim} />
    </>
  );
}

/** Starts a fact-check as a draft by you, then opens it in the editor. */
function WriteFactCheck({ claimId, scale }: { claimId: string; scale: Scale }) {
  const [open, setOpen] = useState(false);
  const [ratingId, setRatingId] = useState(scale[0]?.id ?? '');
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState('');
  const [{ fetching, error }, create] = useMutation(ClaimCreateFactCheck);
  const announce = useAnnounce();
  const problems = problemsOf(error);
  if (!open) {
    return (
      <div className="actions">
        <button type="button" onClick={() => setOpen(true)}>
          Write a fact-check
        </button>
      </div>
    );
  }
  return (
    <form
      className="card stack"
      aria-labelledby="write-h"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await create({ input: { claimId, ratingId: ratingId || undefined, summary, body } });
        if (result.data) {
          announce('Fact-check started as a draft.');
          navigate(href.factCheck(result.data.createAnnotation.id));
        }
      }}
    >
      <h3 id="write-h">New fact-check</h3>
      <p className="small muted">It starts as your draft: nobody else sees it until you send it for review.</p>
      <SelectField
        label="Rating"
        value={ratingId}
        onChange={(e) => setRatingId(e.target.value)}
        error={messageFor(problems, 'ratingId')}
      >
        {scale.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Summary"
        hint="The conclusion in one line."
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        error={messageFor(problems, 'summary')}
        // Focus lands here when the form opens: the first thing to write.
        autoFocus
      />
      <TextArea
        label="Explanation"
        hint="Can be written later in the editor."
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={messageFor(problems, 'body')}
      />
      <FormProblems problems={unplaced(problems, ['ratingId', 'summary', 'body'])} />
      <div className="actions">
        <button type="submit" disabled={fetching}>
          {fetching ? 'Starting…' : 'Start the fact-check'}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Confirms a fuzzy anchor's new words, or points a broken one at words of the current text. */
function AnchorRepair({
  targetId,
  status,
  quote,
  published,
  onDone,
}: {
  targetId: string;
  status: 'FUZZY' | 'AMBIGUOUS' | 'ORPHANED' | 'ANCHORED' | 'MOVED';
  quote: string;
  published: boolean;
  onDone(): void;
}) {
  const { user } = useSession();
  const announce = useAnnounce();
  const editor = hasRole(user, 'EDITOR');
  const [newQuote, setNewQuote] = useState(quote);
  const [occurrence, setOccurrence] = useState('');
  const [note, setNote] = useState('');
  const [confirmState, confirm] = useMutation(ClaimConfirmAnchor);
  const [reattachState, reattach] = useMutation(ClaimReattach);
  const problems = problemsOf(reattachState.error ?? confirmState.error);
  const blocked = published && !editor;
  const reasonId = useId();
  const noteInput = published ? note.trim() || undefined : undefined;
  return (
    <div className="stack anchor-repair">
      <p className="small notice warn">{ANCHOR_WORDS[status].help}</p>
      {blocked && (
        <p className="small notice warn" id={reasonId}>
          This claim carries a published fact-check: repairing its place is a public correction, an editor’s act.
        </p>
      )}
      <TextField
        label="Words it should now quote"
        value={newQuote}
        onChange={(e) => setNewQuote(e.target.value)}
        error={messageFor(problems, 'quote')}
      />
      <TextField
        label="Which occurrence (when the words occur more than once)"
        inputMode="numeric"
        value={occurrence}
        onChange={(e) => setOccurrence(e.target.value)}
        error={messageFor(problems, 'occurrence')}
      />
      {published && editor && (
        <TextArea
          label="Note for readers (required)"
          hint="This claim carries a published fact-check: the change is a public correction."
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={messageFor(problems, 'note')}
        />
      )}
      <FormProblems problems={unplaced(problems, ['quote', 'occurrence', 'note'])} />
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={blocked || reattachState.fetching}
          aria-describedby={blocked ? reasonId : undefined}
          onClick={async () => {
            const n = Number.parseInt(occurrence, 10);
            const result = await reattach({
              input: { id: targetId, quote: newQuote, occurrence: Number.isFinite(n) ? n : undefined, note: noteInput },
            });
            if (!result.error) {
              announce('Claim re-attached.');
              onDone();
            }
          }}
        >
          Re-attach to these words
        </button>
        {status === 'FUZZY' && (
          <button
            type="button"
            className="secondary"
            disabled={blocked || confirmState.fetching}
            aria-describedby={blocked ? reasonId : undefined}
            onClick={async () => {
              const result = await confirm({ input: { id: targetId, note: noteInput } });
              if (!result.error) {
                announce('New words confirmed.');
                onDone();
              }
            }}
          >
            Confirm the words now marked
          </button>
        )}
      </div>
    </div>
  );
}

/** The id in a pasted claim address (/review/claims/<id>, /claims/<id>) or the id itself. */
function claimIdFrom(input: string): string {
  const trimmed = input.trim();
  const match = /\/claims\/([^/?#]+)/.exec(trimmed);
  return match ? decodeURIComponent(match[1]) : trimmed;
}

/**
 * Merges a duplicate (editors): which claim is kept, what moves, and whether a note for readers
 * is required, all said before the click. Reviewers see why they cannot.
 */
function MergeClaims({ claim }: { claim: ClaimData }) {
  const { user } = useSession();
  const announce = useAnnounce();
  const editor = hasRole(user, 'EDITOR');
  const [pasted, setPasted] = useState('');
  const [otherId, setOtherId] = useState('');
  const [keepThis, setKeepThis] = useState(true);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [candidates] = useQuery({ query: ClaimMergeCandidates, variables: { text: claim.text }, pause: !editor });
  const pastedId = claimIdFrom(pasted);
  const [lookup] = useQuery({ query: ClaimMergeLookup, variables: { id: pastedId }, pause: !editor || !pastedId });
  const [{ fetching, error }, merge] = useMutation(ClaimMerge);
  const problems = problemsOf(error);
  const reasonId = useId();

  const options = (candidates.data?.claimMatches ?? []).filter((m) => m.claim.id !== claim.id).map((m) => m.claim);
  const looked = lookup.data?.claim && lookup.data.claim.id !== claim.id ? lookup.data.claim : null;
  const all = looked && !options.some((o) => o.id === looked.id) ? [looked, ...options] : options;
  const other = all.find((o) => o.id === otherId) ?? null;
  // A pasted id chooses its claim.
  useEffect(() => {
    if (looked) setOtherId(looked.id);
  }, [looked]);

  const noteRequired = !!other && (hasPublishedCheck(claim) || hasPublishedCheck(other));
  const keep = other ? (keepThis ? claim : other) : null;
  const gone = other ? (keepThis ? other : claim) : null;
  const goneChecks = gone ? gone.annotations.length : 0;
  // Places move, except a mark in an article the kept claim is marked in already: that one is taken off.
  const articlesOf = (c: { appearances: { edges: readonly { node: { __typename?: string } }[] } }) =>
    c.appearances.edges.flatMap(({ node }) =>
      'article' in node ? [node.article as { id: string; headline: string }] : [],
    );
  const keptArticles = new Set(keep ? articlesOf(keep).map((a) => a.id) : []);
  const dropped = gone ? articlesOf(gone).filter((a) => keptArticles.has(a.id)) : [];
  const gonePlaces = gone ? gone.appearances.totalCount - dropped.length : 0;

  const submit = async () => {
    if (!keep || !gone) return;
    if (noteRequired && !note.trim()) {
      setNoteError('A note for readers is required: a claim here carries a published fact-check.');
      return;
    }
    setNoteError(undefined);
    const result = await merge({ input: { keepId: keep.id, mergeId: gone.id, note: note.trim() || undefined } });
    if (!result.data) return;
    announce(`Claims merged: “${result.data.mergeClaims.text}” is kept.`);
    if (gone.id === claim.id) navigate(href.claim(result.data.mergeClaims.id));
    else setOtherId('');
  };

  return (
    <section aria-labelledby="merge-h" className="card merge">
      <h2 id="merge-h">Merge with a duplicate</h2>
      {!editor ? (
        <>
          <p id={reasonId}>
            Only editors can merge claims: a merge moves fact-checks and places between claims and can change what
            readers see.
          </p>
          <button type="button" className="danger" disabled aria-describedby={reasonId}>
            Merge claims
          </button>
        </>
      ) : (
        <div className="stack">
          <p className="small muted">
            Two records of one claim: the merged claim’s fact-checks, places and history move to the kept one, and its
            address answers the kept one from then on.
          </p>
          {all.length > 0 ? (
            <fieldset className="field">
              <legend>Likely duplicates</legend>
              {all.map((o) => (
                <label key={o.id} className="radio-row">
                  <input type="radio" name="merge-other" checked={otherId === o.id} onChange={() => setOtherId(o.id)} />
                  <span>
                    {o.text} <VerdictBadge verdict={o.verdict} />{' '}
                    <span className="muted small">in “{o.article.headline}”</span>
                  </span>
                </label>
              ))}
            </fieldset>
          ) : (
            <p className="muted small">No claim of similar words was found.</p>
          )}
          <TextField
            label="Or paste a claim’s id or address"
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            autoComplete="off"
            error={pastedId && !lookup.fetching && lookup.data && !looked ? 'No other claim has this id.' : undefined}
          />
          {other && keep && gone && (
            <>
              <fieldset className="field">
                <legend>Which one is kept?</legend>
                <label className="radio-row">
                  <input type="radio" name="merge-keep" checked={keepThis} onChange={() => setKeepThis(true)} />
                  This claim
                </label>
                <label className="radio-row">
                  <input type="radio" name="merge-keep" checked={!keepThis} onChange={() => setKeepThis(false)} />
                  The other claim
                </label>
              </fieldset>
              <div className="merge-preview" data-testid="merge-preview">
                <p>
                  <strong>Kept:</strong> “{keep.text}”
                </p>
                <p>
                  <strong>Merged into it:</strong> “{gone.text}” — its {goneChecks} fact-check
                  {goneChecks === 1 ? '' : 's'} and {gonePlaces} place{gonePlaces === 1 ? '' : 's'} move to the kept
                  claim.
                </p>
                {dropped.map((a) => (
                  <p key={a.id} className="small">
                    Its mark in “{a.headline}” is taken off: the kept claim is marked there already.
                  </p>
                ))}
                <p className="small muted">Its address will answer the kept claim from then on.</p>
              </div>
              {noteRequired && (
                <p className="notice warn small">
                  A claim here carries a published fact-check: the merge is a public correction, and readers see your
                  note.
                </p>
              )}
              <TextArea
                label={noteRequired ? 'Note for readers (required)' : 'Note for readers (optional)'}
                rows={2}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                error={noteError ?? messageFor(problems, 'note')}
              />
              <FormProblems problems={unplaced(problems, ['note'])} />
              <div className="actions">
                <button type="button" className="danger" disabled={fetching} onClick={() => void submit()}>
                  {fetching ? 'Merging…' : 'Merge claims'}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
