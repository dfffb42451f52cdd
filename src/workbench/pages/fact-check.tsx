import { useEffect, useId, useRef, useState } from 'react';
import { useClient } from 'urql';
import { FieldError, FormProblems, type Problem, problemsOf } from '../errors';
import { CitationsEditor } from '../fact-check/citations';
import { ConflictPanel } from '../fact-check/conflict';
import {
  changedFields,
  type Draft,
  draftOf,
  isPlaced,
  LIMITS,
  type LocalCopy,
  messageAt,
  readLocalCopy,
  STANCE_WORDS,
  wordsOf,
  writeLocalCopy,
} from '../fact-check/model';
import { FactCheckEditorQuery, READ } from '../fact-check/operations';
import { type SaveStatus, useFactCheckEditor } from '../fact-check/use-editor';
import { TextArea, TextField } from '../fields';
import type { FactCheckEditorFieldsFragment, FactCheckEditorQuery as EditorData } from '../gql/graphql';
import { Loading, PageTitle } from '../layout';
import { href, Link } from '../router';
import { hasRole, useSession } from '../session';
import { StatusBadge, When } from '../status';
import './fact-check.css';

type Scale = EditorData['ratingScale'];

/**
 * The fact-check editor (/review/fact-checks/:id): a draft's rating, summary, explanation and
 * citations, saved as they are typed; sent for review by its author; a published one corrected
 * by an editor with a public note. The rules of who may change what are shown before any click.
 */
export function FactCheckPage({ id }: { id: string }) {
  const client = useClient();
  const [loaded, setLoaded] = useState<{ annotation: FactCheckEditorFieldsFragment | null; scale: Scale } | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void client
      .query(FactCheckEditorQuery, { id }, READ)
      .toPromise()
      .then((answer) => {
        if (!live) return;
        if (answer.data) setLoaded({ annotation: answer.data.annotation, scale: answer.data.ratingScale });
        else setProblems(problemsOf(answer.error));
      });
    return () => {
      live = false;
    };
  }, [client, id, attempt]);

  if (!loaded) {
    if (problems.length === 0) return <Loading what="the fact-check" />;
    return (
      <>
        <PageTitle>Fact-check</PageTitle>
        <FormProblems problems={problems.map((p) => ({ ...p, message: wordsOf(p.message) }))} />
        <button
          type="button"
          onClick={() => {
            setProblems([]);
            setAttempt(attempt + 1);
          }}
        >
          Try again
        </button>
      </>
    );
  }
  if (!loaded.annotation)
    return (
      <>
        <PageTitle>No such fact-check</PageTitle>
        <p>
          There is no fact-check {id} that you may see: drafts are seen by their author and editors only.{' '}
          <Link to={href.queue()}>Back to the queue</Link>
        </p>
      </>
    );
  return <WithLocalCopy annotation={loaded.annotation} scale={loaded.scale} />;
}

/**
 * Edits kept on this computer that never reached the service (a closed tab, a crash, a lost
 * session): offered back before the editor opens. Restored onto an older version, the first
 * save meets the newer one and opens the conflict, so nothing is overwritten unseen.
 */
function WithLocalCopy({ annotation, scale }: { annotation: FactCheckEditorFieldsFragment; scale: Scale }) {
  const [copy, setCopy] = useState<LocalCopy | null>(() => {
    const local = readLocalCopy(annotation.id);
    if (!local) return null;
    const server = draftOf(annotation, scale);
    if (changedFields(server, local.mine).length === 0) {
      writeLocalCopy(annotation.id, null);
      return null;
    }
    return local;
  });
  const [restored, setRestored] = useState<LocalCopy | null>(null);
  const offer = useRef<HTMLHeadingElement>(null);
  useEffect(() => offer.current?.focus(), []);

  if (copy && editable(annotation))
    return (
      <>
        <PageTitle>Fact-check</PageTitle>
        <section className="notice warn local-copy" aria-labelledby="local-copy-title">
          <h2 id="local-copy-title" ref={offer} tabIndex={-1}>
            Unsaved edits on this computer
          </h2>
          <p>
            Edits to this fact-check made here at <When at={copy.savedAt} /> were not saved to the service
            {copy.version < annotation.version
              ? `. They were made on version ${copy.version}; it is now at version ${annotation.version}, so you will choose what to keep where the two differ.`
              : '.'}
          </p>
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                setRestored(copy);
                setCopy(null);
              }}
            >
              Restore my edits
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                writeLocalCopy(annotation.id, null);
                setCopy(null);
              }}
            >
              Discard them
            </button>
          </div>
        </section>
      </>
    );
  return <Editor annotation={annotation} scale={scale} restored={restored} />;
}

/** Whether anyone may still change it: drafts, and published ones (by editors). */
const editable = (a: FactCheckEditorFieldsFragment) => a.status === 'DRAFT' || a.status === 'PUBLISHED';

function statusWords(status: SaveStatus): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'saving':
      return 'Saving…';
    case 'saved': {
      const at = `Saved at ${status.at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
      return status.waiting ? `${at}. Not saved yet: ${status.waiting}` : at;
    }
    case 'waiting':
      return `Not saved yet: ${status.reason}`;
    case 'failed':
      return `Not saved: ${status.reason}`;
  }
}

function Editor({
  annotation,
  scale,
  restored,
}: {
  annotation: FactCheckEditorFieldsFragment;
  scale: Scale;
  restored: LocalCopy | null;
}) {
  const { user } = useSession();
  const isEditor = hasRole(user, 'EDITOR');
  const isAuthor = annotation.author.id === user.id;
  const correcting = annotation.status === 'PUBLISHED' && isEditor;
  const editor = useFactCheckEditor(annotation, scale, restored, annotation.status === 'DRAFT');
  const { server, mine, edit, save, status, problems, conflict, resolve, submit } = editor;
  const [note, setNote] = useState('');
  const [noteProblem, setNoteProblem] = useState<string | undefined>(undefined);
  const id = useId();
  const after = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const canEdit = (server.status === 'DRAFT' && (isAuthor || isEditor)) || (server.status === 'PUBLISHED' && isEditor);
  const readOnly = !canEdit;
  const leave = () => {
    if (server.status === 'DRAFT') void save();
  };
  const set = (patch: Partial<Draft>) => edit({ ...mine, ...patch });

  const onSubmit = async () => {
    if (await submit()) requestAnimationFrame(() => after.current?.focus());
    else focusFirstProblem();
  };
  const focusFirstProblem = () =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.fact-check-form [aria-invalid="true"]')?.focus());

  const onCorrect = async () => {
    if (!note.trim()) {
      setNoteProblem('Tell readers why the published fact-check changes.');
      requestAnimationFrame(() => document.querySelector<HTMLElement>('textarea[name="note"]')?.focus());
      return;
    }
    setNoteProblem(undefined);
    if (changedFields(draftOf(server, scale), mine).length === 0) {
      setNoteProblem('Change something first: there is nothing to correct yet.');
      return;
    }
    if (await save({ note })) setNote('');
    else focusFirstProblem();
  };

  const placed = problems.filter((p) => isPlaced(p, mine.citations.length));
  const unplacedProblems = problems
    .filter((p) => !isPlaced(p, mine.citations.length) && !(p.field === 'input.note' && correcting))
    .map((p) => ({ ...p, message: wordsOf(p.message) }));
  const noteError = noteProblem ?? messageAt(problems, 'input.note');
  const ratingError = messageAt(placed, 'input.ratingId') ?? messageAt(placed, 'input.verdict');

  return (
    <div className="fact-check">
      <div className="fact-check-head">
        <PageTitle>Fact-check</PageTitle>
        <StatusBadge status={server.status} />
        <span className="muted">
          by {server.author.name} · version {server.version}
        </span>
      </div>

      <ClaimCard annotation={server} />

      {server.status === 'DRAFT' && server.reviewComment && (
        <section className="notice warn" aria-labelledby={`${id}-returned`}>
          <h2 id={`${id}-returned`}>Returned by an editor</h2>
          <p className="review-comment">{server.reviewComment}</p>
        </section>
      )}

      <div ref={after} tabIndex={-1} className="fact-check-rule">
        <RuleNotice annotation={server} isAuthor={isAuthor} isEditor={isEditor} />
      </div>

      {conflict && (
        <ConflictPanel
          conflict={conflict}
          mine={mine}
          scale={scale}
          onResolve={(resolved) => {
            // The panel goes: focus to the status, which says whether the choice was saved.
            void resolve(resolved).then(() => statusRef.current?.focus());
          }}
        />
      )}

      {readOnly ? (
        <ReadOnlyFactCheck annotation={server} />
      ) : (
        <form
          className="fact-check-form stack"
          aria-label="Fact-check"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void (correcting ? onCorrect() : save());
          }}
        >
          <fieldset
            className="field ratings"
            aria-describedby={ratingError ? `${id}-rating-error` : undefined}
            aria-invalid={ratingError ? true : undefined}
          >
            <legend>Rating</legend>
            {server.rating.imported && (
              <p className="hint">
                Imported with its publisher’s rating “{server.rating.label}”. Choosing one of ours replaces it.
              </p>
            )}
            <div className="rating-options">
              {[...scale]
                .sort((a, b) => a.position - b.position)
                .map((r) => (
                  <label key={r.id} className="rating-option">
                    <input
                      type="radio"
                      name={`${id}-rating`}
                      value={r.id}
                      checked={mine.ratingId === r.id}
                      onChange={() => set({ ratingId: r.id })}
                      aria-describedby={r.description ? `${id}-rating-${r.position}` : undefined}
                    />
                    <span className="rating-swatch" ref={swatch(r.colour)} aria-hidden="true" />
                    <span className="rating-label">{r.label}</span>
                    {r.description && (
                      <span className="rating-description" id={`${id}-rating-${r.position}`}>
                        {r.description}
                      </span>
                    )}
                  </label>
                ))}
            </div>
            <FieldError id={`${id}-rating-error`} message={ratingError} />
          </fieldset>

          <TextField
            label="Summary"
            hint={`The conclusion in one line, as readers will read it (up to ${LIMITS.summary} characters).`}
            value={mine.summary}
            maxLength={LIMITS.summary}
            onChange={(e) => set({ summary: e.target.value })}
            onBlur={leave}
            error={messageAt(placed, 'input.summary')}
          />
          <TextArea
            label="Explanation"
            hint="How the claim was checked and what the sources show."
            className="explanation"
            value={mine.body}
            onChange={(e) => set({ body: e.target.value })}
            onBlur={leave}
            error={messageAt(placed, 'input.body')}
          />

          <CitationsEditor
            rows={mine.citations}
            onChange={(citations) => set({ citations })}
            onLeaveField={leave}
            problems={placed}
            readOnly={false}
          />

          {correcting && (
            <TextArea
              name="note"
              label="Why readers are told of this change"
              hint="Required. Published with the correction, on the public record of this fact-check."
              value={note}
              onChange={(e) => setNote(e.target.value)}
              error={noteError}
            />
          )}

          <FormProblems problems={unplacedProblems} />

          <div className="actions save-bar">
            {correcting ? (
              <button type="submit">Publish the correction</button>
            ) : (
              <>
                <button type="submit" className="secondary">
                  Save now
                </button>
                {isAuthor && (
                  <button type="button" onClick={() => void onSubmit()}>
                    Send for review
                  </button>
                )}
              </>
            )}
            <p className="save-status" data-testid="save-status" ref={statusRef} tabIndex={-1}>
              {statusWords(status)}
            </p>
          </div>
        </form>
      )}
    </div>
  );
}

/** Sets a swatch's colour through the CSSOM (allowed by the CSP, unlike an inline style attribute). */
const swatch = (colour: string) => (el: HTMLElement | null) => {
  if (el) el.style.backgroundColor = colour;
};

function ClaimCard({ annotation }: { annotation: FactCheckEditorFieldsFragment }) {
  const { claim } = annotation;
  return (
    <section className="card claim-card" aria-label="The claim checked">
      <h2>The claim</h2>
      <p className="claim-text">{claim.text}</p>
      {claim.quote !== claim.text && (
        <blockquote className="claim-quote">
          <p>{claim.quote}</p>
        </blockquote>
      )}
      <p className="claim-links">
        In <Link to={href.article(claim.article.id)}>{claim.article.headline}</Link> ·{' '}
        <Link to={href.claim(claim.id)}>The claim’s page</Link>
      </p>
    </section>
  );
}

/** Who may do what with this fact-check now, in words, before anyone clicks. */
function RuleNotice({
  annotation,
  isAuthor,
  isEditor,
}: {
  annotation: FactCheckEditorFieldsFragment;
  isAuthor: boolean;
  isEditor: boolean;
}) {
  switch (annotation.status) {
    case 'DRAFT':
      if (isAuthor)
        return (
          <p className="notice">
            A draft, seen only by you and the editors. Your edits are saved as you type. When it is ready, send it for
            review: an editor who has not written any of it publishes it (four eyes).
          </p>
        );
      return (
        <p className="notice warn">
          {annotation.author.name}’s draft. If you change its content you become one of its contributors, and a
          contributor may not publish it: another editor will have to.
        </p>
      );
    case 'IN_REVIEW':
      return (
        <p className="notice">
          Sent for review: it is with the editors now and cannot be changed here.{' '}
          <Link to={href.review(annotation.id)}>{isEditor ? 'Review it' : 'See its review'}</Link>
        </p>
      );
    case 'PUBLISHED':
      return isEditor ? (
        <p className="notice warn">
          Published: readers see it. Any change you make is a public correction, published with the reason you give
          below, on the public record. Nothing is saved until you publish the correction.
        </p>
      ) : (
        <p className="notice">
          Published: only an editor may change it now, with a note telling readers why. It is shown here read-only.
        </p>
      );
    case 'RETRACTED':
      return (
        <p className="notice warn">
          Retracted{annotation.retractedAt ? ' on ' : ''}
          <When at={annotation.retractedAt} />
          {annotation.retractionReason ? `: ${annotation.retractionReason}` : ''}. A retraction is final: the fact-check
          stays on the public record as it was and cannot be changed.
        </p>
      );
  }
}

function ReadOnlyFactCheck({ annotation }: { annotation: FactCheckEditorFieldsFragment }) {
  return (
    <section className="card read-only" aria-label="The fact-check">
      <dl>
        <dt>Rating</dt>
        <dd>
          <span className="rating-swatch" ref={swatch(annotation.rating.colour)} aria-hidden="true" />{' '}
          {annotation.rating.label}
        </dd>
        <dt>Summary</dt>
        <dd>{annotation.summary}</dd>
        <dt>Explanation</dt>
        <dd className="explanation-text">{annotation.body || '(none)'}</dd>
        <dt>Citations</dt>
        <dd>
          {annotation.citations.length === 0 ? (
            'None'
          ) : (
            <ol>
              {annotation.citations.map((c, i) => (
                <li key={i}>
                  <a href={c.source.url} rel="noreferrer noopener" target="_blank">
                    {c.source.title}
                  </a>{' '}
                  — {STANCE_WORDS[c.stance]}
                  <blockquote>{c.excerpt}</blockquote>
                </li>
              ))}
            </ol>
          )}
        </dd>
      </dl>
    </section>
  );
}
