import { type KeyboardEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAnnounce } from '../announcer';
import { ArticleBody, markId, type Place } from '../article/body';
import { ANCHOR_WORDS, AnchorBadge, verdictClass, VerdictBadge } from '../article/claim-state';
import { LinkToClaim } from '../article/link-claim';
import {
  findInsensitive,
  occurrences,
  placeOf,
  relocate,
  selectionSpan,
  selectSpan,
  sentences,
  type Span,
  trimSpan,
} from '../article/text';
import { FormProblems, messageFor, problemsOf, unplaced } from '../errors';
import { SelectField, TextArea, TextField } from '../fields';
import { graphql } from '../gql';
import type { ArticleForWorkbenchQuery, ArticleStatus } from '../gql/graphql';
import { Loading, PageTitle } from '../layout';
import { href, Link } from '../router';
import { StatusBadge } from '../status';
import './article.css';

const ArticleForWorkbench = graphql(`
  query ArticleForWorkbench($id: ID!) {
    article(id: $id) {
      id
      headline
      standfirst
      slug
      status
      body
      revision
      appearances {
        id
        quote
        anchorStatus
        anchorScore
        verdictStale
        selector {
          start
          end
        }
        claim {
          id
          text
          verdict
          article {
            id
            headline
          }
          claimant {
            id
            name
          }
          annotations {
            id
            status
          }
        }
      }
      suggestedClaims {
        score
        sentence {
          text
          start
          end
        }
        claim {
          ...ExistingClaimFields
        }
      }
    }
  }
`);

const ArticleClaimMatches = graphql(`
  query ArticleClaimMatches($text: String!) {
    claimMatches(text: $text, first: 5) {
      score
      claim {
        ...ExistingClaimFields
      }
    }
  }
`);

const ArticleClaimants = graphql(`
  query ArticleClaimants {
    claimants(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const ArticleCreateClaim = graphql(`
  mutation ArticleCreateClaim($input: CreateClaimInput!) {
    createClaim(input: $input) {
      id
      text
    }
  }
`);

const ArticleDismissSuggestion = graphql(`
  mutation ArticleDismissSuggestion($input: DismissClaimSuggestionInput!) {
    dismissClaimSuggestion(input: $input) {
      id
    }
  }
`);

type ArticleData = NonNullable<ArticleForWorkbenchQuery['article']>;
type Appearance = ArticleData['appearances'][number];

const ARTICLE_STATUS: Record<ArticleStatus, { words: string; className: string }> = {
  DRAFT: { words: 'Draft', className: 'draft' },
  PUBLISHED: { words: 'Published', className: 'published' },
  ARCHIVED: { words: 'Archived', className: 'retracted' },
};

/** Where each claim state's words are, for its mark's aria-describedby. */
const stateId = (appearanceId: string) => `state-${appearanceId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

const MAX_QUOTE = 2_000;

export function ArticlePage({ id }: { id: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ArticleForWorkbench, variables: { id } });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  if (fetching && !data) return <Loading what="the article" />;
  const article = data?.article;
  if (!article) {
    return (
      <>
        <PageTitle>Article not found</PageTitle>
        {error ? (
          <FormProblems problems={problemsOf(error)} />
        ) : (
          <p>There is no article with this id that you may see.</p>
        )}
        <p>
          <Link to={href.articles()}>All articles</Link>
        </p>
      </>
    );
  }
  return (
    <div className="wb-article-pages">
      <ArticleView article={article} refresh={refresh} />
    </div>
  );
}

function ArticleView({ article, refresh }: { article: ArticleData; refresh(): void }) {
  const announce = useAnnounce();
  const bodyRef = useRef<HTMLDivElement>(null);
  const panelHeadingRef = useRef<HTMLHeadingElement>(null);
  const hintId = useId();
  const [pending, setPending] = useState<Span | null>(null);
  const [quote, setQuote] = useState('');
  const [focusClaim, setFocusClaim] = useState<string | null>(null);
  const cursor = useRef<{ first: number; last: number } | null>(null);
  const body = article.body;
  const sentenceSpans = useMemo(() => sentences(body), [body]);

  const places: Place[] = useMemo(
    () =>
      article.appearances.flatMap((appearance) =>
        appearance.selector
          ? [
              {
                key: appearance.id,
                claimId: appearance.claim.id,
                start: appearance.selector.start,
                end: appearance.selector.end,
                href: href.claim(appearance.claim.id),
                className: `${verdictClass(appearance.claim.verdict)}${ANCHOR_WORDS[appearance.anchorStatus].flag ? ' flagged' : ''}`,
                describedBy: stateId(appearance.id),
              },
            ]
          : [],
      ),
    [article.appearances],
  );

  // After a claim is created or linked: its mark is drawn once the article is read again; move focus to it.
  useEffect(() => {
    if (!focusClaim) return;
    const appearance = article.appearances.find((a) => a.claim.id === focusClaim && a.selector);
    if (!appearance) return;
    document.getElementById(markId(appearance.id))?.focus();
    setFocusClaim(null);
  }, [article.appearances, focusClaim]);

  /** A passage picked, by mouse, keyboard or search: it is shown selected and the panel opens. */
  const pick = (span: Span, how: 'mouse' | 'keyboard' | 'search') => {
    const trimmed = trimSpan(body, span);
    if (trimmed.end <= trimmed.start) return;
    const words = body.slice(trimmed.start, trimmed.end);
    setPending(trimmed);
    setQuote(words);
    window.getSelection()?.removeAllRanges();
    announce(
      `Passage selected: “${words.length > 120 ? `${words.slice(0, 120)}…` : words}”. Mark it as a claim below.`,
    );
    if (how === 'keyboard') requestAnimationFrame(() => panelHeadingRef.current?.focus());
  };

  const cancel = () => {
    setPending(null);
    setQuote('');
    cursor.current = null;
  };
  /** Cancelled from the panel: back to the text, where the passage was picked. */
  const cancelFromPanel = () => {
    cancel();
    bodyRef.current?.focus();
  };

  const onMouseUp = () => {
    // The selection is final once the mouse is up; read it after the browser has settled it.
    setTimeout(() => {
      if (!bodyRef.current) return;
      const span = selectionSpan(bodyRef.current);
      if (span) pick(span, 'mouse');
    }, 0);
  };

  /** The keyboard path through the text: sentence by sentence, then words, then Enter. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const root = bodyRef.current;
    if (!root || event.target !== root || sentenceSpans.length === 0) return;
    const show = (first: number, last: number) => {
      cursor.current = { first, last };
      const span = { start: sentenceSpans[first].start, end: sentenceSpans[last].end };
      selectSpan(root, span);
      const words = body.slice(span.start, span.end);
      announce(
        first === last
          ? `Sentence ${first + 1} of ${sentenceSpans.length}: ${words}`
          : `Sentences ${first + 1} to ${last + 1}: ${words}`,
      );
    };
    const at = cursor.current;
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !event.altKey && !event.ctrlKey) {
      event.preventDefault();
      const down = event.key === 'ArrowDown';
      if (!at) return show(0, 0);
      if (event.shiftKey) {
        // Shift: the picked run of sentences grows or shrinks at its end.
        if (down) show(at.first, Math.min(at.last + 1, sentenceSpans.length - 1));
        else show(at.first, Math.max(at.last - 1, at.first));
        return;
      }
      const next = down ? Math.min(at.last + 1, sentenceSpans.length - 1) : Math.max(at.first - 1, 0);
      return show(next, next);
    }
    if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && event.shiftKey) {
      // Shift+arrows: word by word at the end of what is selected.
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || !root.contains(selection.anchorNode)) return;
      event.preventDefault();
      selection.modify('extend', event.key === 'ArrowRight' ? 'forward' : 'backward', 'word');
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      const span = selectionSpan(root);
      if (!span) return;
      event.preventDefault();
      pick(span, 'keyboard');
      return;
    }
    if (event.key === 'Escape') {
      window.getSelection()?.removeAllRanges();
      cancel();
    }
  };

  const trimmedQuote = quote.trim();
  const placed = pending
    ? trimmedQuote === body.slice(pending.start, pending.end)
      ? pending
      : relocate(body, trimmedQuote, pending)
    : null;

  const onCreated = (claimId: string, words: string, how: 'created' | 'linked') => {
    cancel();
    setFocusClaim(claimId);
    refresh();
    announce(how === 'created' ? `Claim marked: “${words}”.` : `Passage linked to the claim “${words}”.`);
  };

  const status = ARTICLE_STATUS[article.status];
  const flagged = article.appearances.filter((a) => ANCHOR_WORDS[a.anchorStatus].flag).length;
  return (
    <>
      <p className="breadcrumb">
        <Link to={href.articles()}>Articles</Link>
      </p>
      <PageTitle>{article.headline}</PageTitle>
      <p className="article-meta">
        <span className={`badge ${status.className}`}>{status.words}</span> <span>Revision {article.revision}</span>
        <span>
          {article.appearances.length} claim{article.appearances.length === 1 ? '' : 's'} marked
          {flagged > 0 && `, ${flagged} needing attention`}
        </span>
      </p>
      {article.standfirst && <p className="standfirst">{article.standfirst}</p>}
      <div className="article-layout">
        <div className="article-column">
          <p className="hint" id={hintId}>
            Select words with the mouse to mark them as a claim. From the keyboard: focus the text, move sentence by
            sentence with ↑ and ↓, widen with Shift+↓, adjust the end word by word with Shift+← and Shift+→, and press
            Enter to pick.
          </p>
          <ArticleBody
            ref={bodyRef}
            body={body}
            places={places}
            pending={placed ?? pending}
            hintId={hintId}
            onKeyDown={onKeyDown}
            onMouseUp={onMouseUp}
          />
        </div>
        <div className="mark-column">
          <FindByQuote body={body} pending={placed} onPick={(span) => pick(span, 'search')} />
          {pending && (
            <MarkPanel
              key={`${pending.start}-${pending.end}`}
              articleId={article.id}
              body={body}
              quote={quote}
              setQuote={setQuote}
              placed={placed}
              headingRef={panelHeadingRef}
              onCancel={cancelFromPanel}
              onCreated={onCreated}
            />
          )}
        </div>
      </div>
      <ClaimStates appearances={article.appearances} />
      <Suggestions
        article={article}
        onLinked={(claimId, words) => onCreated(claimId, words, 'linked')}
        refresh={refresh}
      />
    </>
  );
}

/** Type or paste words: every place they occur is listed; choosing one selects it in the text. */
function FindByQuote({ body, pending, onPick }: { body: string; pending: Span | null; onPick(span: Span): void }) {
  const [words, setWords] = useState('');
  const found = useMemo(() => findInsensitive(body, words), [body, words]);
  const length = words.trim().length;
  const groupId = useId();
  const context = (start: number) => {
    const before = body.slice(Math.max(0, start - 30), start).replace(/\s+/g, ' ');
    const after = body.slice(start + length, start + length + 30).replace(/\s+/g, ' ');
    return (
      <>
        …{before}
        <strong>{body.slice(start, start + length)}</strong>
        {after}…
      </>
    );
  };
  return (
    <section className="card find-quote" aria-labelledby={`${groupId}-h`}>
      <h2 id={`${groupId}-h`}>Find by quote</h2>
      <TextField
        label="Words from the article"
        hint="Type or paste words: every place they occur is listed, pick one to select it."
        type="search"
        value={words}
        onChange={(event) => setWords(event.target.value)}
        autoComplete="off"
      />
      {length > 0 && (
        <div role="status" className="find-count">
          {found.length === 0
            ? 'Not in the text as typed.'
            : found.length === 1
              ? 'Found once.'
              : `Found ${found.length} times: choose which.`}
        </div>
      )}
      {found.length > 0 && (
        <fieldset className="occurrences">
          <legend className="visually-hidden">Places where the words occur</legend>
          {found.map((start, index) => (
            <label key={start} className="occurrence">
              <input
                type="radio"
                name={`${groupId}-occ`}
                checked={pending?.start === start && pending.end === start + length}
                onChange={() => onPick({ start, end: start + length })}
              />
              <span>
                <span className="occurrence-n">
                  {index + 1} of {found.length}
                </span>{' '}
                {context(start)}
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}

/** The picked passage: its exact words (adjustable), what was claimed, who; and existing claims it may restate. */
function MarkPanel({
  articleId,
  body,
  quote,
  setQuote,
  placed,
  headingRef,
  onCancel,
  onCreated,
}: {
  articleId: string;
  body: string;
  quote: string;
  setQuote(quote: string): void;
  placed: Span | null;
  headingRef: React.RefObject<HTMLHeadingElement>;
  onCancel(): void;
  onCreated(claimId: string, words: string, how: 'created' | 'linked'): void;
}) {
  const [text, setText] = useState('');
  const [claimantId, setClaimantId] = useState('');
  const [{ fetching, error }, create] = useMutation(ArticleCreateClaim);
  const [claimants] = useQuery({ query: ArticleClaimants });
  const trimmed = quote.trim();
  const matchable = trimmed.length > 0 && trimmed.length <= MAX_QUOTE;
  const [matches] = useQuery({ query: ArticleClaimMatches, variables: { text: trimmed }, pause: !matchable });
  const place = placed ? placeOf(body, placed) : null;
  const problems = problemsOf(error);
  const others = (matches.data?.claimMatches ?? []).filter((m) => m.claim.article.id !== articleId);

  const submit = async () => {
    const result = await create({
      input: {
        articleId,
        quote,
        occurrence: place && place.count > 1 ? place.occurrence : undefined,
        text: text.trim() || undefined,
        claimantId: claimantId || undefined,
      },
    });
    if (result.data) onCreated(result.data.createClaim.id, result.data.createClaim.text, 'created');
  };

  return (
    <section className="card mark-panel" aria-labelledby="mark-panel-h">
      <h2 id="mark-panel-h" tabIndex={-1} ref={headingRef}>
        Mark as claim
      </h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextArea
          label="Exact quote"
          hint="The words as they stand in the text. Trim them here if you picked too much."
          value={quote}
          rows={3}
          onChange={(event) => setQuote(event.target.value)}
          error={messageFor(problems, 'quote') ?? messageFor(problems, 'occurrence')}
        />
        {place && place.count > 1 && (
          <p className="small muted">
            These words occur {place.count} times; this is occurrence {place.occurrence}, where you picked them.
          </p>
        )}
        {!placed && trimmed && <p className="notice warn small">These words are not in the text as typed.</p>}
        <TextField
          label="What was claimed, in neutral words (optional)"
          hint="Left empty, the claim reads as the quote."
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={messageFor(problems, 'text')}
        />
        <SelectField
          label="Claimant (optional)"
          value={claimantId}
          onChange={(event) => setClaimantId(event.target.value)}
          error={messageFor(problems, 'claimantId')}
        >
          <option value="">Nobody named</option>
          {claimants.data?.claimants.edges.map(({ node }) => (
            <option key={node.id} value={node.id}>
              {node.name}
            </option>
          ))}
        </SelectField>
        <FormProblems problems={unplaced(problems, ['quote', 'occurrence', 'text', 'claimantId'])} />
        <div className="actions">
          <button type="submit" disabled={fetching}>
            {fetching ? 'Marking…' : 'Mark as claim'}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      {others.length > 0 && (
        <div className="matches">
          <h3>Already a claim elsewhere?</h3>
          <p className="small muted">
            These claims of other articles say much the same. Link this passage to one of them instead of making a new
            claim: its fact-checks then apply here too.
          </p>
          <ul className="list">
            {others.map((match) => (
              <li key={match.claim.id}>
                <LinkToClaim
                  claim={match.claim}
                  articleId={articleId}
                  quote={trimmed}
                  occurrence={place && place.count > 1 ? place.occurrence : undefined}
                  score={match.score}
                  onLinked={(claimId) => onCreated(claimId, match.claim.text, 'linked')}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** Each claim's state beside the text: verdict, fact-checks, anchor. */
function ClaimStates({ appearances }: { appearances: readonly Appearance[] }) {
  return (
    <section aria-labelledby="claims-h">
      <h2 id="claims-h">Claims in this article</h2>
      {appearances.length === 0 ? (
        <p className="muted">No claim is marked yet. Select a passage above to mark the first.</p>
      ) : (
        <ol className="list claim-states">
          {appearances.map((appearance) => {
            const claim = appearance.claim;
            const anchor = ANCHOR_WORDS[appearance.anchorStatus];
            const counts = new Map<string, number>();
            for (const a of claim.annotations) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
            return (
              <li key={appearance.id} className={`claim-state ${verdictClass(claim.verdict)}`}>
                <p className="claim-state-head">
                  <Link to={href.claim(claim.id)}>{claim.text}</Link>
                </p>
                {claim.text !== appearance.quote && <p className="quote small">“{appearance.quote}”</p>}
                <p className="claim-state-line" id={stateId(appearance.id)}>
                  <span className="visually-hidden">Verdict: </span>
                  <VerdictBadge verdict={claim.verdict} />{' '}
                  <span className="check-label">{claim.annotations.length === 1 ? 'Fact-check:' : 'Fact-checks:'}</span>
                  {claim.annotations.length === 0 ? (
                    <span className="small muted">none yet</span>
                  ) : (
                    [...counts].map(([status, n]) => (
                      <span key={status} className="check-count">
                        {n > 1 && `${n} × `}
                        <StatusBadge status={status as 'DRAFT'} />
                      </span>
                    ))
                  )}{' '}
                  {appearance.anchorStatus !== 'ANCHORED' && <AnchorBadge status={appearance.anchorStatus} />}
                  {appearance.verdictStale && <span className="badge anchor-flag">⚠ Verdict may be stale</span>}
                </p>
                {anchor.flag && <p className="small notice warn">{anchor.help}</p>}
                {claim.article.id !== appearances[0]?.claim.article.id && claim.article.headline && (
                  <p className="small muted">First marked in “{claim.article.headline}”.</p>
                )}
                {claim.claimant && <p className="small muted">Claimed by {claim.claimant.name}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Sentences likely restating claims of other articles: link them, or dismiss the suggestion. */
function Suggestions({
  article,
  onLinked,
  refresh,
}: {
  article: ArticleData;
  onLinked(claimId: string, words: string): void;
  refresh(): void;
}) {
  const announce = useAnnounce();
  const [{ fetching, error }, dismiss] = useMutation(ArticleDismissSuggestion);
  const [dismissing, setDismissing] = useState<string | null>(null);
  const suggestions = article.suggestedClaims;
  return (
    <section aria-labelledby="suggestions-h">
      <h2 id="suggestions-h">Suggested claims</h2>
      {suggestions.length === 0 ? (
        <p className="muted">No sentence of this article seems to restate a claim of another article.</p>
      ) : (
        <ul className="list suggestions">
          {suggestions.map((suggestion) => {
            const key = `${suggestion.claim.id}@${suggestion.sentence.start}`;
            const starts = occurrences(article.body, suggestion.sentence.text);
            const occurrence = starts.length > 1 ? starts.indexOf(suggestion.sentence.start) + 1 : undefined;
            return (
              <li key={key} className="suggestion">
                <blockquote className="sentence">“{suggestion.sentence.text}”</blockquote>
                <p className="small muted">may restate</p>
                <LinkToClaim
                  claim={suggestion.claim}
                  articleId={article.id}
                  quote={suggestion.sentence.text}
                  occurrence={occurrence}
                  score={suggestion.score}
                  onLinked={(claimId) => onLinked(claimId, suggestion.claim.text)}
                />
                <div className="actions">
                  <button
                    type="button"
                    className="link"
                    disabled={fetching && dismissing === key}
                    onClick={async () => {
                      setDismissing(key);
                      const result = await dismiss({
                        input: {
                          articleId: article.id,
                          claimId: suggestion.claim.id,
                          sentence: suggestion.sentence.text,
                        },
                      });
                      if (!result.error) {
                        announce('Suggestion dismissed.');
                        refresh();
                      }
                    }}
                  >
                    Dismiss this suggestion
                  </button>
                </div>
                {dismissing === key && <FormProblems problems={problemsOf(error)} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
