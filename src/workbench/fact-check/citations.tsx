import { useId, useRef } from 'react';
import { type OperationResult, useClient } from 'urql';
import { FieldError, type Problem } from '../errors';
import type { FactCheckEditorSourcesQuery, SourceKind, Stance } from '../gql/graphql';
import { type CitationRow, KIND_WORDS, LIMITS, messageAt, newKey, normaliseUrl, STANCE_WORDS } from './model';
import { FactCheckEditorSources } from './operations';

/** Pages of sources read looking for a pasted url (100 each) before saying it is new. */
const MAX_SOURCE_PAGES = 10;

/** The stored source with this (normalised) url, if the API lists one within reach. */
async function findSource(client: ReturnType<typeof useClient>, url: string) {
  let after: string | null = null;
  for (let page = 0; page < MAX_SOURCE_PAGES; page += 1) {
    const answer: OperationResult<FactCheckEditorSourcesQuery> = await client
      .query(FactCheckEditorSources, { after })
      .toPromise();
    const sources = answer.data?.sources;
    if (!sources) return null;
    const found = sources.edges.find((e) => e.node.url === url);
    if (found) return found.node;
    if (!sources.pageInfo.hasNextPage) return null;
    after = sources.pageInfo.endCursor ?? null;
  }
  return null;
}

/**
 * The citations: a list of rows, each a source (pasted url: a stored source is recognised, a
 * new one needs its title), a stance in words, and the excerpt relied on. Rows move up and
 * down and are removed by buttons; the API's complaint about a row stands next to its field.
 */
export function CitationsEditor({
  rows,
  onChange,
  onLeaveField,
  problems,
  readOnly,
}: {
  rows: CitationRow[];
  onChange: (rows: CitationRow[]) => void;
  onLeaveField: () => void;
  problems: Problem[];
  readOnly: boolean;
}) {
  const client = useClient();
  const id = useId();
  // Rows as they are when a lookup answers, not as they were when it started.
  const latest = useRef({ rows, onChange });
  latest.current = { rows, onChange };
  const listError = messageAt(problems, 'input.citations');

  const update = (key: string, patch: Partial<CitationRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row);
    onChange(next);
    // Focus follows the row that moved, on the same button if it is still there.
    requestAnimationFrame(() => {
      // At the top or bottom that button is disabled: the other way is the nearest.
      const button = (way: string) =>
        document.querySelector<HTMLButtonElement>(`[data-row="${row.key}"] [data-move="${way}"]:not([disabled])`);
      const [same, other] = by < 0 ? ['up', 'down'] : ['down', 'up'];
      (button(same) ?? button(other))?.focus();
    });
  };

  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    onChange(next);
    requestAnimationFrame(() => {
      const after = next[Math.min(index, next.length - 1)];
      const target = after
        ? document.querySelector<HTMLElement>(`[data-row="${after.key}"] input`)
        : document.getElementById(`${id}-add`);
      target?.focus();
    });
  };

  const add = () => {
    const row: CitationRow = {
      key: newKey(),
      url: '',
      sourceId: null,
      title: '',
      kind: 'NEWS_REPORT',
      stance: '',
      excerpt: '',
    };
    onChange([...rows, row]);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-row="${row.key}"] input`)?.focus());
  };

  /** A url pasted or typed: recognise a stored source, so it is cited rather than created. */
  const lookUp = async (row: CitationRow, raw: string) => {
    const url = normaliseUrl(raw);
    if (!url) return;
    const source = await findSource(client, url);
    // The row may have changed meanwhile: only a row still naming this url takes the source.
    const { rows: latestRows, onChange: change } = latest.current;
    change(
      latestRows.map((r) =>
        r.key === row.key && normaliseUrl(r.url) === url
          ? source
            ? { ...r, sourceId: source.id, title: source.title, kind: source.kind }
            : { ...r, sourceId: null }
          : r,
      ),
    );
  };

  return (
    <fieldset className="citations" aria-describedby={listError ? `${id}-list-error` : undefined}>
      <legend>Citations</legend>
      <p className="hint">
        Paste the address of each source. A source already on file is recognised; a new one needs its title.
      </p>
      <FieldError id={`${id}-list-error`} message={listError} />
      {rows.length === 0 && <p className="muted">No sources cited yet.</p>}
      <ol className="citation-list">
        {rows.map((row, index) => {
          const at = `input.citations.${index}`;
          const rid = `${id}-${row.key}`;
          const urlError = messageAt(problems, `${at}.source.url`) ?? messageAt(problems, `${at}.sourceId`);
          const titleError = messageAt(problems, `${at}.source`, true);
          const stanceError = messageAt(problems, `${at}.stance`);
          const excerptError = messageAt(problems, `${at}.excerpt`);
          const rowError = messageAt(problems, at);
          const n = index + 1;
          return (
            <li key={row.key} data-row={row.key} className="citation card">
              <h3>Citation {n}</h3>
              <FieldError id={`${rid}-row-error`} message={rowError} />
              <div className="field">
                <label htmlFor={`${rid}-url`}>Address of the source (citation {n})</label>
                <input
                  id={`${rid}-url`}
                  type="url"
                  inputMode="url"
                  value={row.url}
                  readOnly={readOnly}
                  placeholder="https://"
                  aria-invalid={urlError ? true : undefined}
                  aria-describedby={[`${rid}-source`, urlError ? `${rid}-url-error` : ''].join(' ').trim()}
                  onChange={(e) => update(row.key, { url: e.target.value, sourceId: null })}
                  onPaste={(e) => void lookUp(row, e.clipboardData.getData('text'))}
                  onBlur={(e) => {
                    if (!row.sourceId) void lookUp(row, e.target.value);
                    onLeaveField();
                  }}
                />
                <FieldError id={`${rid}-url-error`} message={urlError} />
                <p id={`${rid}-source`} className="hint source-note">
                  {row.sourceId
                    ? `On file: ${row.title}`
                    : normaliseUrl(row.url)
                      ? 'A new source: give its title below.'
                      : ''}
                </p>
              </div>
              {!row.sourceId && (
                <div className="grid citation-new-source">
                  <div className="field">
                    <label htmlFor={`${rid}-title`}>Title of the source (citation {n})</label>
                    <input
                      id={`${rid}-title`}
                      type="text"
                      value={row.title}
                      readOnly={readOnly}
                      maxLength={LIMITS.title}
                      aria-invalid={titleError ? true : undefined}
                      aria-describedby={titleError ? `${rid}-title-error` : undefined}
                      onChange={(e) => update(row.key, { title: e.target.value })}
                      onBlur={onLeaveField}
                    />
                    <FieldError id={`${rid}-title-error`} message={titleError} />
                  </div>
                  <div className="field">
                    <label htmlFor={`${rid}-kind`}>Kind of source (citation {n})</label>
                    <select
                      id={`${rid}-kind`}
                      value={row.kind}
                      disabled={readOnly}
                      onChange={(e) => update(row.key, { kind: e.target.value as SourceKind })}
                    >
                      {Object.entries(KIND_WORDS).map(([value, words]) => (
                        <option key={value} value={value}>
                          {words}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
              )}
              <div className="field">
                <label htmlFor={`${rid}-stance`}>What the source does (citation {n})</label>
                <select
                  id={`${rid}-stance`}
                  value={row.stance}
                  disabled={readOnly}
                  aria-invalid={stanceError ? true : undefined}
                  aria-describedby={stanceError ? `${rid}-stance-error` : undefined}
                  onChange={(e) => update(row.key, { stance: e.target.value as Stance })}
                  onBlur={onLeaveField}
                >
                  <option value="">Choose…</option>
                  {Object.entries(STANCE_WORDS).map(([value, words]) => (
                    <option key={value} value={value}>
                      {words}
                    </option>
                  ))}
                </select>
                <FieldError id={`${rid}-stance-error`} message={stanceError} />
              </div>
              <div className="field">
                <label htmlFor={`${rid}-excerpt`}>Excerpt relied on (citation {n})</label>
                <p className="hint" id={`${rid}-excerpt-hint`}>
                  The source’s own words, up to {LIMITS.excerpt.toLocaleString()} characters. Required.
                </p>
                <textarea
                  id={`${rid}-excerpt`}
                  value={row.excerpt}
                  readOnly={readOnly}
                  aria-invalid={excerptError ? true : undefined}
                  aria-describedby={[`${rid}-excerpt-hint`, excerptError ? `${rid}-excerpt-error` : '']
                    .join(' ')
                    .trim()}
                  onChange={(e) => update(row.key, { excerpt: e.target.value })}
                  onBlur={onLeaveField}
                />
                <FieldError id={`${rid}-excerpt-error`} message={excerptError} />
              </div>
              {!readOnly && (
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    data-move="up"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    Move citation {n} up
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    data-move="down"
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    Move citation {n} down
                  </button>
                  <button type="button" className="secondary danger-text" onClick={() => remove(index)}>
                    Remove citation {n}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <button type="button" id={`${id}-add`} className="secondary" onClick={add}>
          Add a citation
        </button>
      )}
    </fieldset>
  );
}
