import type { Problem } from '../errors';
import type { FactCheckEditorFieldsFragment, SourceKind, Stance } from '../gql/graphql';
import { readLocal, writeLocal } from '../local-store';

/**
 * The fact-check editor's form state and the pure rules over it: which fields changed, what a
 * save sends, where the API's complaints belong, and the copy of unsaved edits kept in
 * localStorage. No React here, so the rules read as rules.
 */

/** One citation row of the form. `key` is the row's identity while it is moved about. */
export interface CitationRow {
  key: string;
  url: string;
  /** The stored source this url names, once known (looked up, or answered by a save). */
  sourceId: string | null;
  /** The source's title: the stored one, or what the user types for a new source. */
  title: string;
  kind: SourceKind;
  stance: Stance | '';
  excerpt: string;
}

export interface Draft {
  ratingId: string | null;
  summary: string;
  body: string;
  citations: CitationRow[];
}

export type FieldName = 'ratingId' | 'summary' | 'body' | 'citations';
export const FIELDS: FieldName[] = ['ratingId', 'summary', 'body', 'citations'];

export const FIELD_WORDS: Record<FieldName, string> = {
  ratingId: 'Rating',
  summary: 'Summary',
  body: 'Explanation',
  citations: 'Citations',
};

export const STANCE_WORDS: Record<Stance, string> = {
  SUPPORTS: 'Supports the claim',
  REFUTES: 'Refutes the claim',
  CONTEXT: 'Gives context',
};

export const KIND_WORDS: Record<SourceKind, string> = {
  NEWS_REPORT: 'News report',
  OFFICIAL_RECORD: 'Official record',
  STATEMENT: 'Statement',
  DATASET: 'Dataset',
  EXPERT: 'Expert',
  OTHER: 'Other',
};

/** The same limits the API applies (src/graphql/text-rules.ts), checked before sending. */
export const LIMITS = { summary: 500, body: 20_000, excerpt: 2_000, title: 500 };

let keys = 0;
export const newKey = () => `c${Date.now().toString(36)}${(keys += 1)}`;

export interface ScaleEntry {
  id: string;
  label: string;
}

/** The form's view of the fact-check as the API answered it. */
export function draftOf(annotation: FactCheckEditorFieldsFragment, scale: ScaleEntry[]): Draft {
  // Annotation.rating has no id: the scale's entry is found by its label (unique, case-insensitively).
  const label = annotation.rating.imported ? null : annotation.rating.label.toLowerCase();
  const rating = label ? scale.find((r) => r.label.toLowerCase() === label) : undefined;
  return {
    ratingId: rating?.id ?? null,
    summary: annotation.summary,
    body: annotation.body,
    citations: annotation.citations.map((c) => ({
      key: newKey(),
      url: c.source.url,
      sourceId: c.source.id,
      title: c.source.title,
      kind: c.source.kind,
      stance: c.stance,
      excerpt: c.excerpt,
    })),
  };
}

/** The url as the API stores it (src/graphql/http-url.ts): no fragment, no utm_* parameters. */
export function normaliseUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  const names = [...url.searchParams.keys()];
  if (names.some((n) => /^utm_/i.test(n))) for (const n of names) if (/^utm_/i.test(n)) url.searchParams.delete(n);
  return url.toString();
}

/** What a citation says, for comparing: which source, how, and the words relied on. */
function citationKey(c: CitationRow): string {
  return JSON.stringify([normaliseUrl(c.url) ?? c.url.trim(), c.stance, c.excerpt.trim()]);
}

/** Whether a field of two drafts says the same (text compared as the API stores it: trimmed). */
export function sameField(a: Draft, b: Draft, field: FieldName): boolean {
  switch (field) {
    case 'ratingId':
      return a.ratingId === b.ratingId;
    case 'summary':
    case 'body':
      return a[field].trim() === b[field].trim();
    case 'citations':
      return (
        a.citations.length === b.citations.length &&
        a.citations.every((c, i) => citationKey(c) === citationKey(b.citations[i]))
      );
  }
}

export const changedFields = (base: Draft, mine: Draft) => FIELDS.filter((f) => !sameField(base, mine, f));

/**
 * Problems the form can see before asking the API; keyed like the API's fields. INCOMPLETE ones
 * (something not written yet) hold a field back from autosave; the API judges the rest
 * (lengths, urls) and its answer is shown at the same place.
 */
export function localProblems(draft: Draft, forSubmit: boolean): Problem[] {
  const problems: Problem[] = [];
  const missing = (field: string, message: string) => problems.push({ field, message, code: 'INCOMPLETE' });
  const wrong = (field: string, message: string) => problems.push({ field, message, code: 'LOCAL' });
  if (forSubmit && !draft.ratingId) missing('input.ratingId', 'Choose a rating.');
  if (!draft.summary.trim()) missing('input.summary', 'Write a one-line summary.');
  if (forSubmit && draft.summary.length > LIMITS.summary)
    wrong('input.summary', `At most ${LIMITS.summary} characters.`);
  if (forSubmit && !draft.body.trim()) missing('input.body', 'Write the explanation.');
  if (forSubmit && draft.body.length > LIMITS.body) wrong('input.body', `At most ${LIMITS.body} characters.`);
  if (forSubmit && draft.citations.length === 0) missing('input.citations', 'Cite at least one source.');
  draft.citations.forEach((c, i) => {
    const at = `input.citations.${i}`;
    if (!c.url.trim()) missing(`${at}.source.url`, 'Paste the address of the source.');
    else if (forSubmit && !normaliseUrl(c.url)) wrong(`${at}.source.url`, 'Not an http or https address.');
    if (!c.sourceId && !c.title.trim()) missing(`${at}.source.title`, 'A new source needs its title.');
    if (!c.stance) missing(`${at}.stance`, 'Say whether it supports, refutes or gives context.');
    if (!c.excerpt.trim()) missing(`${at}.excerpt`, 'Quote the words of the source you rely on.');
    else if (forSubmit && c.excerpt.length > LIMITS.excerpt)
      wrong(`${at}.excerpt`, `At most ${LIMITS.excerpt} characters.`);
  });
  return problems;
}

/** The citations as the API takes them: a known source by id, a new one by url and title. */
export function citationInputs(citations: CitationRow[]) {
  return citations.map((c) => ({
    stance: c.stance as Stance,
    excerpt: c.excerpt,
    ...(c.sourceId ? { sourceId: c.sourceId } : { source: { url: c.url.trim(), title: c.title.trim(), kind: c.kind } }),
  }));
}

/** The changed fields of `mine` as UpdateAnnotationInput fields. */
export function changesOf(mine: Draft, fields: FieldName[]) {
  return {
    ...(fields.includes('ratingId') && mine.ratingId ? { ratingId: mine.ratingId } : {}),
    ...(fields.includes('summary') ? { summary: mine.summary } : {}),
    ...(fields.includes('body') ? { body: mine.body } : {}),
    ...(fields.includes('citations') ? { citations: citationInputs(mine.citations) } : {}),
  };
}

/**
 * The API's messages read as words: class-validator's start with the field's path
 * ("input.citations.1.excerpt: excerpt must be…"), which the form shows by placing them.
 */
export function wordsOf(message: string): string {
  const stripped = message
    .replace(/^input(\.[\w]+)+: /, '')
    .replace(/^(\w+) (must|should)/, (all, name: string, verb: string) =>
      PROPERTY_WORDS[name] ? `${PROPERTY_WORDS[name]} ${verb}` : all,
    );
  return stripped.charAt(0).toUpperCase() + stripped.slice(1);
}

const PROPERTY_WORDS: Record<string, string> = {
  url: 'The address',
  excerpt: 'The excerpt',
  title: 'The title',
  summary: 'The summary',
  body: 'The explanation',
  note: 'The note',
};

/** The message for an exact field path (`input.citations.1.excerpt`), or one inside it. */
export function messageAt(problems: Problem[], path: string, inside = false): string | undefined {
  const found = problems.find((p) => p.field === path || (inside && p.field?.startsWith(`${path}.`)));
  return found ? wordsOf(found.message) : undefined;
}

/** Every path the form places a message at; the rest go above the actions. */
export function isPlaced(problem: Problem, citationCount: number): boolean {
  const f = problem.field;
  if (!f) return false;
  if (['input.ratingId', 'input.verdict', 'input.summary', 'input.body', 'input.note', 'input.citations'].includes(f))
    return true;
  const m = /^input\.citations\.(\d+)\.(.+)$/.exec(f);
  return !!m && Number(m[1]) < citationCount;
}

/** The copy of unsaved edits kept on this computer, by fact-check. */
export interface LocalCopy {
  version: number;
  savedAt: string;
  base: Draft;
  mine: Draft;
}

const copyName = (id: string) => `fact-check.${id}`;

export function readLocalCopy(id: string): LocalCopy | null {
  return readLocal<LocalCopy>(copyName(id));
}

export function writeLocalCopy(id: string, copy: LocalCopy | null): void {
  writeLocal(copyName(id), copy);
}
