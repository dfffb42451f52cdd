import { useState } from 'react';
import { useMutation } from 'urql';
import { messageFor, problemsOf, unplaced, FormProblems } from '../errors';
import { TextArea } from '../fields';
import { graphql } from '../gql';
import type { ExistingClaimFieldsFragment } from '../gql/graphql';
import { href, Link } from '../router';
import { hasRole, useSession } from '../session';
import { hasPublishedCheck, VerdictBadge } from './claim-state';

const ArticleAddAppearance = graphql(`
  mutation ArticleAddAppearance($input: AddClaimAppearanceInput!) {
    addClaimAppearance(input: $input) {
      id
      ... on ArticleAppearance {
        claim {
          id
          text
        }
      }
    }
  }
`);

/** A claim of another article that a passage of this one may restate: what LinkToClaim shows. */
graphql(`
  fragment ExistingClaimFields on Claim {
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
  }
`);

export type ExistingClaim = ExistingClaimFieldsFragment;

/**
 * Links a passage of this article to an existing claim of another (addClaimAppearance). Once
 * that claim carries a published fact-check the link is a public correction: an editor's act
 * with a note for readers, said before the click, not only refused after it.
 */
export function LinkToClaim({
  claim,
  articleId,
  quote,
  occurrence,
  score,
  onLinked,
  actionLabel = 'Mark as this claim',
}: {
  claim: ExistingClaim;
  articleId: string;
  quote: string;
  occurrence: number | undefined;
  score: number;
  onLinked(claimId: string): void;
  actionLabel?: string;
}) {
  const { user } = useSession();
  const [note, setNote] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const [{ fetching, error }, add] = useMutation(ArticleAddAppearance);
  const published = hasPublishedCheck(claim);
  const editor = hasRole(user, 'EDITOR');
  const blocked = published && !editor;
  const reasonId = `link-reason-${claim.id.replace(/[^A-Za-z0-9]/g, '')}-${occurrence ?? 0}`;
  const problems = problemsOf(error);

  const link = async () => {
    if (published && !note.trim()) {
      setLocalError('A note for readers is required: this claim carries a published fact-check.');
      return;
    }
    setLocalError(undefined);
    const result = await add({
      input: { claimId: claim.id, articleId, quote, occurrence, note: published ? note.trim() : undefined },
    });
    if (!result.error) onLinked(claim.id);
  };

  return (
    <div className="link-claim">
      <p className="link-claim-head">
        <Link to={href.claim(claim.id)}>{claim.text}</Link> <VerdictBadge verdict={claim.verdict} />
      </p>
      <p className="muted small">
        In “{claim.article.headline}” · {Math.round(score * 100)}% alike
      </p>
      {blocked && (
        <p className="notice warn small" id={reasonId}>
          This claim carries a published fact-check, so adding a place to it is a public correction: only an editor can
          do it.
        </p>
      )}
      {published && editor && (
        <TextArea
          label="Note for readers (required)"
          hint="This claim carries a published fact-check: adding this place is a public correction readers will see."
          value={note}
          rows={2}
          onChange={(event) => setNote(event.target.value)}
          error={localError ?? messageFor(problems, 'note')}
        />
      )}
      <FormProblems problems={unplaced(problems, ['note'])} />
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={blocked || fetching}
          aria-describedby={blocked ? reasonId : undefined}
          onClick={() => void link()}
        >
          {fetching ? 'Linking…' : actionLabel}
        </button>
      </div>
    </div>
  );
}
