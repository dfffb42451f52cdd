import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAnnounce } from '../announcer';
import { FieldError, FormProblems, messageFor, type Problem, problemsOf, unplaced } from '../errors';
import { SelectField, TextArea, TextField } from '../fields';
import { graphql } from '../gql';
import { Loading } from '../layout';
import { numberOrNull, VERDICT_WORDS, type VerdictName, VERDICTS } from './common';

const AdminRatingScale = graphql(`
  query AdminRatingScale {
    ratingScale {
      id
      position
      label
      description
      colour
      verdict
      value
      best
      worst
    }
  }
`);

const AdminCreateRating = graphql(`
  mutation AdminCreateRating($input: CreateRatingInput!) {
    createRating(input: $input) {
      id
      label
    }
  }
`);

const AdminUpdateRating = graphql(`
  mutation AdminUpdateRating($input: UpdateRatingInput!) {
    updateRating(input: $input) {
      id
      position
      label
      description
      colour
      verdict
      value
      best
      worst
    }
  }
`);

const AdminDeleteRating = graphql(`
  mutation AdminDeleteRating($input: DeleteRatingInput!) {
    deleteRating(input: $input) {
      deletedRatingId
      ratingScale {
        id
        position
      }
    }
  }
`);

const AdminReorderRatings = graphql(`
  mutation AdminReorderRatings($input: ReorderRatingsInput!) {
    reorderRatings(input: $input) {
      id
      position
    }
  }
`);

interface ScaleRow {
  id: string;
  position: number;
  label: string;
  description?: string | null;
  colour: string;
  verdict: VerdictName;
  value?: number | null;
  best?: number | null;
  worst?: number | null;
}

const numbersInWords = (r: ScaleRow) =>
  r.value == null ? 'None' : `${r.value} (best ${r.best ?? '?'}, worst ${r.worst ?? '?'})`;

/** The organisation's rating scale: its ratings in order, each to edit, move or take off. */
export function ScaleSection() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminRatingScale });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [, reorder] = useMutation(AdminReorderRatings);
  const announce = useAnnounce();
  const [editing, setEditing] = useState<string | null>(null);
  const [orderProblems, setOrderProblems] = useState<Problem[]>([]);
  // After a move, the button pressed keeps the focus (or its twin, at either end of the scale).
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  // The order the last move answered, until the scale is read again: a second press right after
  // the first moves from where the first left the rating, not from the order read before it.
  const [order, setOrder] = useState<string[] | null>(null);
  const moving = useRef(false);
  const rank = (r: { id: string; position: number }) => {
    const at = order?.indexOf(r.id) ?? -1;
    return at === -1 ? 1000 + r.position : at;
  };
  const scale = [...(data?.ratingScale ?? [])].sort((a, b) => rank(a) - rank(b)) as ScaleRow[];

  useEffect(() => {
    if (!focusAfterMove) return;
    const row = document.querySelector(`[data-rating-id="${CSS.escape(focusAfterMove.id)}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`button[data-move="${focusAfterMove.dir}"]`);
    const other = row?.querySelector<HTMLButtonElement>(
      `button[data-move="${focusAfterMove.dir === 'up' ? 'down' : 'up'}"]`,
    );
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    // Once: the scale read again later must not pull the focus back from where the user went since.
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  if (fetching && !data) return <Loading what="the rating scale" />;
  if (error && !data) return <FormProblems problems={problemsOf(error)} />;

  const move = async (index: number, dir: 'up' | 'down') => {
    const target = dir === 'up' ? index - 1 : index + 1;
    // One move at a time: a press while one is under way is dropped rather than applied to a stale order.
    if (target < 0 || target >= scale.length || moving.current) return;
    const ids = scale.map((r) => r.id);
    [ids[index], ids[target]] = [ids[target], ids[index]];
    moving.current = true;
    const result = await reorder({ input: { ids } });
    moving.current = false;
    if (result.error || !result.data) {
      setOrderProblems(problemsOf(result.error));
      return;
    }
    setOrderProblems([]);
    setOrder([...result.data.reorderRatings].sort((a, b) => a.position - b.position).map((r) => r.id));
    reload();
    const moved = scale[index];
    announce(`${moved.label} moved ${dir} to place ${target + 1} of ${scale.length}`);
    setFocusAfterMove({ id: moved.id, dir });
  };

  return (
    <section aria-labelledby="scale-title">
      <h2 id="scale-title">Rating scale</h2>
      <p className="notice">
        The scale is published: readers see each rating’s label and colour on every fact-check that carries it. Changing
        the label, numbers or verdict of a rating a published fact-check carries needs a note for readers, and each such
        fact-check gets a public correction. A rating any fact-check carries or carried cannot be deleted.
      </p>
      <FormProblems problems={orderProblems} />
      <table className="scale-table">
        <caption className="visually-hidden">The rating scale, in its order</caption>
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col">Rating</th>
            <th scope="col">Verdict</th>
            <th scope="col">Number</th>
            <th scope="col">Description</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {scale.map((rating, index) => (
            <RatingRow
              key={rating.id}
              rating={rating}
              index={index}
              count={scale.length}
              editing={editing === rating.id}
              onEdit={() => setEditing(rating.id)}
              onEditDone={(saved) => {
                setEditing(null);
                if (saved) reload();
                requestAnimationFrame(() =>
                  document
                    .querySelector<HTMLButtonElement>(`[data-rating-id="${CSS.escape(rating.id)}"] button[data-edit]`)
                    ?.focus(),
                );
              }}
              onMove={(dir) => void move(index, dir)}
              onDeleted={reload}
            />
          ))}
        </tbody>
      </table>
      <CreateRatingForm onCreated={reload} />
    </section>
  );
}

function RatingRow({
  rating,
  index,
  count,
  editing,
  onEdit,
  onEditDone,
  onMove,
  onDeleted,
}: {
  rating: ScaleRow;
  index: number;
  count: number;
  editing: boolean;
  onEdit: () => void;
  onEditDone: (saved: boolean) => void;
  onMove: (dir: 'up' | 'down') => void;
  onDeleted: () => void;
}) {
  const id = useId();
  const announce = useAnnounce();
  const [, remove] = useMutation(AdminDeleteRating);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const deleteRating = async () => {
    setBusy(true);
    const result = await remove({ input: { id: rating.id } });
    setBusy(false);
    if (result.error) {
      setProblems(problemsOf(result.error));
      return;
    }
    announce(`Rating ${rating.label} deleted`);
    onDeleted();
    document.getElementById('scale-title')?.focus();
  };
  const deleteError = problems.map((p) => p.message).join(' ') || undefined;
  return (
    <>
      <tr data-rating-id={rating.id}>
        <td>{index + 1}</td>
        <th scope="row">
          <span
            className="swatch"
            data-colour={rating.colour}
            ref={(el) => el?.style.setProperty('--swatch', rating.colour)}
          />{' '}
          {rating.label} <span className="muted mono">{rating.colour}</span>
        </th>
        <td>{VERDICT_WORDS[rating.verdict]}</td>
        <td>{numbersInWords(rating)}</td>
        <td>{rating.description ?? <span className="muted">None</span>}</td>
        <td>
          <div className="actions compact">
            <button
              type="button"
              className="secondary"
              data-move="up"
              disabled={index === 0}
              onClick={() => onMove('up')}
              aria-label={`Move ${rating.label} up`}
            >
              ↑ Up
            </button>
            <button
              type="button"
              className="secondary"
              data-move="down"
              disabled={index === count - 1}
              onClick={() => onMove('down')}
              aria-label={`Move ${rating.label} down`}
            >
              ↓ Down
            </button>
            <button
              type="button"
              className="secondary"
              data-edit
              aria-expanded={editing}
              onClick={editing ? () => onEditDone(false) : onEdit}
              aria-label={`Edit ${rating.label}`}
            >
              Edit
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => void deleteRating()}
              aria-label={`Delete ${rating.label}`}
              aria-describedby={deleteError ? `${id}-delete-error` : undefined}
            >
              Delete
            </button>
          </div>
          <FieldError id={`${id}-delete-error`} message={deleteError} />
        </td>
      </tr>
      {editing && (
        <tr className="editing-row">
          <td colSpan={6}>
            <EditRatingForm rating={rating} onDone={onEditDone} />
          </td>
        </tr>
      )}
    </>
  );
}

interface RatingDraft {
  label: string;
  description: string;
  colour: string;
  verdict: VerdictName;
  value: string;
  best: string;
  worst: string;
}

const draftOf = (r: ScaleRow): RatingDraft => ({
  label: r.label,
  description: r.description ?? '',
  colour: r.colour,
  verdict: r.verdict,
  value: r.value == null ? '' : String(r.value),
  best: r.best == null ? '' : String(r.best),
  worst: r.worst == null ? '' : String(r.worst),
});

const FIELDS = ['label', 'description', 'colour', 'verdict', 'value', 'best', 'worst', 'note'];

/** The fields of a rating, shared by the new-rating and edit forms. */
function RatingFields({
  draft,
  set,
  problems,
}: {
  draft: RatingDraft;
  set: (change: Partial<RatingDraft>) => void;
  problems: Problem[];
}) {
  const id = useId();
  const colourError = messageFor(problems, 'colour');
  return (
    <>
      <div className="form-row">
        <TextField
          label="Label"
          hint="As readers read it; unique on the scale."
          value={draft.label}
          onChange={(e) => set({ label: e.target.value })}
          error={messageFor(problems, 'label')}
          required
        />
        <SelectField
          label="Verdict"
          hint="The normalised verdict it stands for."
          value={draft.verdict}
          onChange={(e) => set({ verdict: e.target.value as VerdictName })}
          error={messageFor(problems, 'verdict')}
        >
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {VERDICT_WORDS[v]}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor={`${id}-colour`}>Colour</label>
          <p className="hint" id={`${id}-colour-hint`}>
            Pick it, or type it as #rrggbb. Always shown with the label in words.
          </p>
          <div className="colour-pair">
            <input
              type="color"
              aria-label="Colour picker"
              value={/^#[0-9a-fA-F]{6}$/.test(draft.colour) ? draft.colour : '#000000'}
              onChange={(e) => set({ colour: e.target.value })}
            />
            <input
              id={`${id}-colour`}
              type="text"
              value={draft.colour}
              onChange={(e) => set({ colour: e.target.value })}
              aria-invalid={colourError ? true : undefined}
              aria-describedby={[`${id}-colour-hint`, colourError ? `${id}-colour-error` : null]
                .filter(Boolean)
                .join(' ')}
              spellCheck={false}
              size={9}
            />
          </div>
          <FieldError id={`${id}-colour-error`} message={colourError} />
        </div>
      </div>
      <TextArea
        label="Description (optional)"
        hint="What it means, in a line."
        value={draft.description}
        onChange={(e) => set({ description: e.target.value })}
        error={messageFor(problems, 'description')}
        rows={2}
      />
      <fieldset className="field numbers">
        <legend>Number (optional)</legend>
        <p className="hint">Give all three or none: its value on its own range from worst to best.</p>
        <div className="form-row">
          <TextField
            label="Value"
            type="number"
            step="any"
            value={draft.value}
            onChange={(e) => set({ value: e.target.value })}
            error={messageFor(problems, 'value')}
          />
          <TextField
            label="Best"
            type="number"
            step="any"
            value={draft.best}
            onChange={(e) => set({ best: e.target.value })}
            error={messageFor(problems, 'best')}
          />
          <TextField
            label="Worst"
            type="number"
            step="any"
            value={draft.worst}
            onChange={(e) => set({ worst: e.target.value })}
            error={messageFor(problems, 'worst')}
          />
        </div>
      </fieldset>
    </>
  );
}

function CreateRatingForm({ onCreated }: { onCreated: () => void }) {
  const empty: RatingDraft = {
    label: '',
    description: '',
    colour: '#6b7280',
    verdict: 'NEEDS_CONTEXT',
    value: '',
    best: '',
    worst: '',
  };
  const [draft, setDraft] = useState(empty);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, create] = useMutation(AdminCreateRating);
  const announce = useAnnounce();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({
      input: {
        label: draft.label,
        description: draft.description.trim() || null,
        colour: draft.colour.trim(),
        verdict: draft.verdict,
        value: numberOrNull(draft.value),
        best: numberOrNull(draft.best),
        worst: numberOrNull(draft.worst),
      },
    });
    if (result.error) {
      setProblems(problemsOf(result.error));
      return;
    }
    setProblems([]);
    setDraft(empty);
    announce(`Rating ${result.data?.createRating.label ?? ''} added at the end of the scale`);
    onCreated();
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="new-rating-title">
      <h3 id="new-rating-title">Add a rating</h3>
      <p className="hint">It goes at the end of the scale; move it with Up and Down.</p>
      <RatingFields draft={draft} set={(c) => setDraft((d) => ({ ...d, ...c }))} problems={problems} />
      <FormProblems problems={unplaced(problems, FIELDS)} />
      <div className="actions">
        <button type="submit" disabled={fetching}>
          {fetching ? 'Adding…' : 'Add the rating'}
        </button>
      </div>
    </form>
  );
}

function EditRatingForm({ rating, onDone }: { rating: ScaleRow; onDone: (saved: boolean) => void }) {
  const [draft, setDraft] = useState(() => draftOf(rating));
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, update] = useMutation(AdminUpdateRating);
  const announce = useAnnounce();
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => {
    first.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);
  const original = draftOf(rating);
  const onRecord =
    draft.label.trim() !== original.label ||
    draft.verdict !== original.verdict ||
    draft.value !== original.value ||
    draft.best !== original.best ||
    draft.worst !== original.worst;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const numbersChanged =
      draft.value !== original.value || draft.best !== original.best || draft.worst !== original.worst;
    const result = await update({
      input: {
        id: rating.id,
        label: draft.label !== original.label ? draft.label : undefined,
        description: draft.description !== original.description ? draft.description : undefined,
        colour: draft.colour !== original.colour ? draft.colour.trim() : undefined,
        verdict: draft.verdict !== original.verdict ? draft.verdict : undefined,
        ...(numbersChanged
          ? { value: numberOrNull(draft.value), best: numberOrNull(draft.best), worst: numberOrNull(draft.worst) }
          : {}),
        note: note.trim() || undefined,
      },
    });
    if (result.error) {
      setProblems(problemsOf(result.error));
      return;
    }
    announce(`Rating ${result.data?.updateRating.label ?? rating.label} saved`);
    onDone(true);
  };
  return (
    <form className="stack edit-rating" onSubmit={submit} noValidate aria-label={`Edit ${rating.label}`}>
      <div ref={first}>
        <RatingFields draft={draft} set={(c) => setDraft((d) => ({ ...d, ...c }))} problems={problems} />
      </div>
      <TextArea
        label="Note for readers"
        hint={
          onRecord
            ? 'You are changing the label, number or verdict. If a published fact-check carries this rating, this note is required: each such fact-check gets a public correction with it.'
            : 'Needed only when changing the label, number or verdict of a rating a published fact-check carries.'
        }
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={messageFor(problems, 'note')}
        rows={2}
      />
      {onRecord && (
        <p className="notice warn">
          If a published fact-check carries this rating, saving records a public correction on each.
        </p>
      )}
      <FormProblems problems={unplaced(problems, FIELDS)} />
      <div className="actions">
        <button type="submit" disabled={fetching}>
          {fetching ? 'Saving…' : 'Save the rating'}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
