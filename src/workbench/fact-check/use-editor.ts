import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { useAnnounce } from '../announcer';
import { isSessionProblem, type Problem, problemsOf } from '../errors';
import type { FactCheckEditorFieldsFragment } from '../gql/graphql';
import {
  changedFields,
  changesOf,
  type Draft,
  draftOf,
  type FieldName,
  localProblems,
  normaliseUrl,
  type ScaleEntry,
  sameField,
  wordsOf,
  writeLocalCopy,
} from './model';
import { FactCheckEditorQuery, FactCheckEditorSave, FactCheckEditorSubmit, READ } from './operations';
import { SIGNED_IN_AGAIN } from '../session';

/** How long typing must pause before a draft is saved. */
export const AUTOSAVE_DELAY_MS = 1500;
/** Waits between retries of a save that could not reach the service or was refused for the session. */
const RETRY_MS = [2_000, 4_000, 8_000, 15_000];

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date; waiting?: string }
  /** Changes not complete enough to send yet (a citation without its excerpt, say). */
  | { kind: 'waiting'; reason: string }
  | { kind: 'failed'; reason: string; retrying: boolean };

export interface Conflict {
  theirs: FactCheckEditorFieldsFragment;
  theirsDraft: Draft;
  /** What the draft was before either of us changed it: to tell whose change a difference is. */
  base: Draft;
}

/** A refusal in words for the save status, saying where: "citation 2: the excerpt must…". */
function reasonOf(problem: Problem): string {
  const words = wordsOf(problem.message);
  const sentence = words.charAt(0).toLowerCase() + words.slice(1);
  const row = /^input\.citations\.(\d+)\./.exec(problem.field ?? '');
  return row ? `citation ${Number(row[1]) + 1}: ${sentence}` : sentence;
}

const timeWords = (at: Date) => at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * The draft being edited, and its saving: after a pause in typing, on leaving a field, or on
 * demand; only the changed fields, against the version last saved; a stale version opens the
 * conflict for the user to settle; a lost session or network keeps the edits and retries.
 */
export function useFactCheckEditor(
  initial: FactCheckEditorFieldsFragment,
  scale: ScaleEntry[],
  restored: { base: Draft; mine: Draft; version: number } | null,
  /** Drafts save as they are typed; a published fact-check's correction only on the editor's word. */
  autosave: boolean,
) {
  const client = useClient();
  const announce = useAnnounce();
  const [server, setServer] = useState(initial);
  const [mine, setMineState] = useState<Draft>(() => restored?.mine ?? draftOf(initial, scale));
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  // The latest of everything, for timers and promises that outlive a render.
  const state = useRef({
    base: restored?.base ?? draftOf(initial, scale),
    version: restored?.version ?? initial.version,
    mine: restored?.mine ?? draftOf(initial, scale),
    inFlight: false,
    again: false,
    conflict: false,
    /** Citations the API refused, left out of saves until they are edited again. */
    refusedCitations: null as Draft | null,
    retry: 0,
  });
  const timer = useRef<number | undefined>(undefined);
  const retryTimer = useRef<number | undefined>(undefined);

  const keepLocalCopy = useCallback(() => {
    const s = state.current;
    if (changedFields(s.base, s.mine).length === 0) writeLocalCopy(initial.id, null);
    else
      writeLocalCopy(initial.id, { version: s.version, savedAt: new Date().toISOString(), base: s.base, mine: s.mine });
  }, [initial.id]);

  const setMine = useCallback(
    (next: Draft) => {
      state.current.mine = next;
      setMineState(next);
      keepLocalCopy();
    },
    [keepLocalCopy],
  );

  /** Which changed fields can go now: complete, and not refused as they stand. */
  const sendable = useCallback((): FieldName[] => {
    const s = state.current;
    const local = localProblems(s.mine, false).filter((p) => p.code === 'INCOMPLETE');
    return changedFields(s.base, s.mine).filter((field) => {
      if (field === 'ratingId') return s.mine.ratingId !== null;
      if (field === 'summary') return !local.some((p) => p.field === 'input.summary');
      if (field === 'body') return true;
      // Citations go when every row is complete (a pasted url waiting for its excerpt stays here).
      if (local.some((p) => p.field?.startsWith('input.citations'))) return false;
      return !(s.refusedCitations && sameField(s.refusedCitations, s.mine, 'citations'));
    });
  }, []);

  /** Why changed fields are not being sent, in words; null when nothing is held back. */
  const heldBack = useCallback((): string | null => {
    const s = state.current;
    const waiting = changedFields(s.base, s.mine).filter((f) => !sendable().includes(f));
    if (waiting.length === 0) return null;
    const incomplete = localProblems(s.mine, false).find((p) => p.code === 'INCOMPLETE');
    if (incomplete) return reasonOf(incomplete);
    if (waiting.includes('citations')) return 'the citations the service refused wait for your changes.';
    return 'some changes wait to be completed.';
  }, [sendable]);

  const openConflict = useCallback(async () => {
    const answer = await client.query(FactCheckEditorQuery, { id: initial.id }, READ);
    const theirs = answer.data?.annotation;
    if (!theirs) {
      setStatus({ kind: 'failed', reason: 'the fact-check could not be read again; try again.', retrying: false });
      return;
    }
    state.current.conflict = true;
    setServer(theirs);
    setConflict({ theirs, theirsDraft: draftOf(theirs, scale), base: state.current.base });
    setStatus({
      kind: 'failed',
      reason: 'someone else saved a newer version. Choose what to keep below.',
      retrying: false,
    });
    announce('Not saved: someone else changed this fact-check. Choose what to keep.');
  }, [client, initial.id, scale, announce]);

  const scheduleRetry = useCallback((run: () => void) => {
    const s = state.current;
    window.clearTimeout(retryTimer.current);
    retryTimer.current = window.setTimeout(run, RETRY_MS[Math.min(s.retry, RETRY_MS.length - 1)]);
    s.retry += 1;
  }, []);

  const save = useCallback(
    async (extra: { note?: string } = {}): Promise<boolean> => {
      const s = state.current;
      window.clearTimeout(timer.current);
      if (s.conflict) return false;
      if (s.inFlight) {
        s.again = true;
        return false;
      }
      const fields = sendable();
      if (fields.length === 0) {
        const waiting = heldBack();
        if (waiting) setStatus({ kind: 'waiting', reason: waiting });
        return !waiting;
      }
      const sent = s.mine;
      s.inFlight = true;
      setStatus({ kind: 'saving' });
      const result = await client
        .mutation(FactCheckEditorSave, {
          input: { id: initial.id, expectedVersion: s.version, ...changesOf(sent, fields), ...extra },
        })
        .toPromise();
      s.inFlight = false;
      const saved = result.data?.updateAnnotation;
      if (saved) {
        window.clearTimeout(retryTimer.current);
        s.retry = 0;
        // The base is what was sent (not the API's trimmed text, which would move the cursor),
        // with the sources the API found or created for the pasted urls.
        const sources = new Map(saved.citations.map((c) => [c.source.url, c.source]));
        const withSources = (draft: Draft): Draft => ({
          ...draft,
          citations: draft.citations.map((c) => {
            const source = !c.sourceId ? sources.get(normaliseUrl(c.url) ?? '') : undefined;
            return source ? { ...c, sourceId: source.id, title: source.title, kind: source.kind } : c;
          }),
        });
        const base = { ...s.base };
        for (const field of fields) Object.assign(base, { [field]: sent[field] });
        s.base = withSources(base);
        s.version = saved.version;
        s.refusedCitations = null;
        setServer(saved);
        setProblems([]);
        setMine(withSources(s.mine));
        const at = new Date();
        setStatus({ kind: 'saved', at, waiting: heldBack() ?? undefined });
        announce(`Saved at ${timeWords(at)}`);
        if (s.again || sendable().length > 0) {
          s.again = false;
          void save(extra);
        }
        return true;
      }
      const found = problemsOf(result.error);
      if (found.some((p) => p.code === 'CONFLICT') && !found.some((p) => /retracted/i.test(p.message))) {
        await openConflict();
        return false;
      }
      if (isSessionProblem(result.error) || found.some((p) => p.code === 'NETWORK')) {
        // Nothing is lost: the edits stay here and on this computer, and go once the session is back.
        const reason = isSessionProblem(result.error)
          ? 'your session has ended. Your edits are kept here and will be saved once you are signed in again.'
          : 'the service could not be reached. Your edits are kept here and will be saved when it answers.';
        setStatus({ kind: 'failed', reason, retrying: autosave });
        announce(`Not saved: ${reason}`);
        if (autosave) scheduleRetry(() => void save(extra));
        return false;
      }
      setProblems(found);
      const reason = found.length ? reasonOf(found[0]) : 'the service refused the change.';
      setStatus({ kind: 'failed', reason, retrying: false });
      announce(`Not saved: ${reason}`);
      // A refused citation must not hold back the rest: the other fields are saved without it.
      if (fields.includes('citations') && found.some((p) => p.field?.startsWith('input.citations'))) {
        s.refusedCitations = sent;
        if (fields.length > 1) {
          const kept = found;
          const ok = await save(extra);
          if (ok) {
            setProblems(kept);
            setStatus({ kind: 'failed', reason: `${reason} (the other changes are saved)`, retrying: false });
          }
        }
      }
      return false;
    },
    [client, initial.id, sendable, heldBack, setMine, announce, openConflict, scheduleRetry, autosave],
  );

  /** After every change: save once typing pauses. */
  const edit = useCallback(
    (next: Draft) => {
      setMine(next);
      if (!autosave) return;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [setMine, save, autosave],
  );

  // A failed save is tried again when the window gets focus back (after signing in elsewhere,
  // say), when the connection comes back, and as soon as the session is back (SIGNED_IN_AGAIN).
  useEffect(() => {
    const onFocus = () => {
      if (autosave && changedFields(state.current.base, state.current.mine).length > 0) void save();
    };
    window.addEventListener('focus', onFocus);
    window.addEventListener('online', onFocus);
    window.addEventListener(SIGNED_IN_AGAIN, onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('online', onFocus);
      window.removeEventListener(SIGNED_IN_AGAIN, onFocus);
      window.clearTimeout(timer.current);
      window.clearTimeout(retryTimer.current);
    };
  }, [save, autosave]);

  const latestSave = useRef(save);
  latestSave.current = save;

  // Restored edits go at once: onto an older version, the conflict opens now, not at the next keystroke.
  useEffect(() => {
    if (restored && autosave) void latestSave.current();
    // Once, when the editor opens with restored edits.
  }, []);

  // Leaving the page (unmounted): what is pending goes now, and stays on this computer if it cannot.
  useEffect(
    () => () => {
      if (autosave && !state.current.conflict && sendable().length > 0) void latestSave.current();
    },
    [autosave, sendable],
  );

  /** The user's choice per differing field: the draft to save against their version. */
  const resolve = useCallback(
    async (resolved: Draft) => {
      const s = state.current;
      if (!conflict) return;
      s.base = conflict.theirsDraft;
      s.version = conflict.theirs.version;
      s.conflict = false;
      s.refusedCitations = null;
      setConflict(null);
      setMine(resolved);
      if (changedFields(s.base, resolved).length === 0) {
        setStatus({ kind: 'saved', at: new Date() });
        announce('Their version is kept; nothing of yours needed saving.');
        return;
      }
      await save();
    },
    [conflict, setMine, save, announce],
  );

  const submit = useCallback(async (): Promise<boolean> => {
    const s = state.current;
    const local = localProblems(s.mine, true);
    if (local.length) {
      setProblems(local);
      announce(`Not sent: ${local.length === 1 ? 'one thing needs' : `${local.length} things need`} your attention.`);
      return false;
    }
    // A save under way finishes first, so the one sent for review is the one last typed.
    for (let waited = 0; s.inFlight && waited < 15_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    if (changedFields(s.base, s.mine).length > 0 && !(await save())) return false;
    if (changedFields(s.base, s.mine).length > 0) return false;
    setStatus({ kind: 'saving' });
    const result = await client
      .mutation(FactCheckEditorSubmit, { input: { id: initial.id, expectedVersion: s.version } })
      .toPromise();
    const submitted = result.data?.submitAnnotation;
    if (!submitted) {
      const found = problemsOf(result.error);
      if (found.some((p) => p.code === 'CONFLICT')) {
        await openConflict();
        return false;
      }
      setProblems(found);
      const reason = found.length ? reasonOf(found[0]) : 'the service refused it.';
      setStatus({ kind: 'failed', reason, retrying: false });
      announce(`Not sent for review: ${reason}`);
      return false;
    }
    s.version = submitted.version;
    writeLocalCopy(initial.id, null);
    setServer(submitted);
    setStatus({ kind: 'saved', at: new Date() });
    announce('Sent for review.');
    return true;
  }, [client, initial.id, save, announce, openConflict]);

  return { server, mine, edit, save, status, problems, conflict, resolve, submit, setProblems };
}
