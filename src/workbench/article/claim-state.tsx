import type { AnchorStatus, AnnotationStatus, Verdict } from '../gql/graphql';

/** A claim's verdict in words, as readers read it. */
export const VERDICT_WORDS: Record<Verdict, string> = {
  TRUE: 'True',
  MOSTLY_TRUE: 'Mostly true',
  MIXED: 'Mixed',
  NEEDS_CONTEXT: 'Needs context',
  MISLEADING: 'Misleading',
  MOSTLY_FALSE: 'Mostly false',
  FALSE: 'False',
  UNVERIFIABLE: 'Unverifiable',
};

/** The class a claim's mark and badge carry: its verdict, or unchecked. */
export function verdictClass(verdict: Verdict | null | undefined): string {
  return verdict ? `verdict-${verdict.toLowerCase().replace(/_/g, '-')}` : 'verdict-none';
}

export function VerdictBadge({ verdict }: { verdict: Verdict | null | undefined }) {
  return (
    <span className={`badge verdict ${verdictClass(verdict)}`}>
      {verdict ? VERDICT_WORDS[verdict] : 'Not yet fact-checked'}
    </span>
  );
}

/** What an anchor status means for the reviewer, or null when nothing needs doing. */
export const ANCHOR_WORDS: Record<AnchorStatus, { label: string; flag: boolean; help: string }> = {
  ANCHORED: { label: 'Anchored', flag: false, help: 'The quote stands where it was marked.' },
  MOVED: { label: 'Moved', flag: false, help: 'The same words, at a new place in the text.' },
  FUZZY: {
    label: 'Fuzzy',
    flag: true,
    help: 'The text changed under the quote: the nearest words are marked. Confirm or re-attach it.',
  },
  AMBIGUOUS: {
    label: 'Ambiguous',
    flag: true,
    help: 'The quote now occurs more than once: it is not marked. Re-attach it.',
  },
  ORPHANED: {
    label: 'Orphaned',
    flag: true,
    help: 'The quote is no longer in the text: it is not marked. Re-attach it.',
  },
};

export function AnchorBadge({ status }: { status: AnchorStatus }) {
  const words = ANCHOR_WORDS[status];
  return (
    <span className={`badge anchor ${words.flag ? 'anchor-flag' : ''}`}>
      {words.flag ? `⚠ ${words.label}` : words.label}
    </span>
  );
}

/** Whether changes to the claim are public corrections: it carries a published fact-check. */
export function hasPublishedCheck(claim: { annotations: readonly { status: AnnotationStatus }[] }): boolean {
  return claim.annotations.some((a) => a.status === 'PUBLISHED');
}
