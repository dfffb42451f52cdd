import { diffWords } from 'diff';
import { useEffect, useId, useRef, useState } from 'react';
import { When } from '../status';
import { type Draft, FIELD_WORDS, type FieldName, FIELDS, sameField, STANCE_WORDS, type ScaleEntry } from './model';
import type { Conflict } from './use-editor';

type Choice = 'mine' | 'theirs' | 'merged';

/**
 * Someone saved a newer version while you edited: per field where their version and yours
 * differ, both side by side and a choice (keep mine, take theirs, or for text an edited merge).
 * Nothing is saved until the user says so; their version is never silently overwritten.
 */
export function ConflictPanel({
  conflict,
  mine,
  scale,
  onResolve,
}: {
  conflict: Conflict;
  mine: Draft;
  scale: ScaleEntry[];
  onResolve: (resolved: Draft) => void;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { theirs, theirsDraft, base } = conflict;
  const differing = FIELDS.filter((f) => !sameField(theirsDraft, mine, f));
  // Where only they changed a field, theirs is the sensible default; where you did, yours.
  const [choices, setChoices] = useState<Partial<Record<FieldName, Choice>>>(() =>
    Object.fromEntries(differing.map((f) => [f, sameField(base, mine, f) ? 'theirs' : 'mine'])),
  );
  const [merged, setMerged] = useState({ summary: mine.summary, body: mine.body });

  useEffect(() => heading.current?.focus(), []);

  const choiceOf = (f: FieldName): Choice => choices[f] ?? (sameField(base, mine, f) ? 'theirs' : 'mine');

  const apply = () => {
    const resolved: Draft = { ...mine };
    for (const f of differing) {
      const choice = choiceOf(f);
      if (choice === 'theirs') Object.assign(resolved, { [f]: theirsDraft[f] });
      else if (choice === 'merged' && (f === 'summary' || f === 'body')) resolved[f] = merged[f];
    }
    // Fields neither side differs on stay as they are on both.
    onResolve(resolved);
  };

  const ratingWords = (ratingId: string | null) => scale.find((r) => r.id === ratingId)?.label ?? 'No rating chosen';

  const show = (draft: Draft, f: FieldName) => {
    if (f === 'ratingId') return <p>{ratingWords(draft.ratingId)}</p>;
    if (f === 'citations')
      return draft.citations.length === 0 ? (
        <p>No citations.</p>
      ) : (
        <ol>
          {draft.citations.map((c) => (
            <li key={c.key}>
              {c.title || c.url} — {c.stance ? STANCE_WORDS[c.stance] : 'no stance'}: “{c.excerpt}”
            </li>
          ))}
        </ol>
      );
    return <p className="conflict-text">{draft[f] || '(empty)'}</p>;
  };

  return (
    <section className="conflict card" role="alert" aria-labelledby={`${id}-title`} data-testid="conflict">
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        Someone else changed this fact-check
      </h2>
      <p>
        Someone saved version {theirs.version} at <When at={theirs.updatedAt} /> while you were editing. Nothing of
        yours has been saved over it, and nothing of theirs will be lost without your choice. For each difference below,
        choose what to keep, then save.
      </p>
      {differing.length === 0 && <p>Your version and theirs now say the same.</p>}
      {differing.map((f) => {
        const choice = choiceOf(f);
        const name = `${id}-${f}`;
        const text = f === 'summary' || f === 'body';
        return (
          <fieldset key={f} className="conflict-field">
            <legend>{FIELD_WORDS[f]}</legend>
            <div className="conflict-sides">
              <div>
                <h3>Theirs (version {theirs.version})</h3>
                {show(theirsDraft, f)}
              </div>
              <div>
                <h3>Yours</h3>
                {show(mine, f)}
              </div>
            </div>
            {text && (
              <div className="diff conflict-diff">
                <h3>From theirs to yours</h3>
                <p>
                  {diffWords(theirsDraft[f], mine[f]).map((part, i) =>
                    part.added ? (
                      <ins key={i}>{part.value}</ins>
                    ) : part.removed ? (
                      <del key={i}>{part.value}</del>
                    ) : (
                      <span key={i}>{part.value}</span>
                    ),
                  )}
                </p>
              </div>
            )}
            <div className="conflict-choices" role="radiogroup" aria-label={`${FIELD_WORDS[f]}: which to keep`}>
              <label>
                <input
                  type="radio"
                  name={name}
                  checked={choice === 'mine'}
                  onChange={() => setChoices({ ...choices, [f]: 'mine' })}
                />{' '}
                Keep mine
              </label>
              <label>
                <input
                  type="radio"
                  name={name}
                  checked={choice === 'theirs'}
                  onChange={() => setChoices({ ...choices, [f]: 'theirs' })}
                />{' '}
                Take theirs
              </label>
              {text && (
                <label>
                  <input
                    type="radio"
                    name={name}
                    checked={choice === 'merged'}
                    onChange={() => setChoices({ ...choices, [f]: 'merged' })}
                  />{' '}
                  Write a merged text
                </label>
              )}
            </div>
            {text && choice === 'merged' && (
              <div className="field">
                <label htmlFor={`${name}-merged`}>Merged {FIELD_WORDS[f].toLowerCase()}</label>
                <textarea
                  id={`${name}-merged`}
                  value={merged[f]}
                  onChange={(e) => setMerged({ ...merged, [f]: e.target.value })}
                />
              </div>
            )}
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="button" onClick={apply}>
          Save my choices over version {theirs.version}
        </button>
      </div>
    </section>
  );
}
