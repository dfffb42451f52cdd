import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAnnounce } from '../announcer';
import { FormProblems, messageFor, type Problem, problemsOf, unplaced } from '../errors';
import { SelectField, TextField } from '../fields';
import { graphql } from '../gql';
import { Loading } from '../layout';
import { When } from '../status';
import { VERDICT_WORDS, type VerdictName, VERDICTS } from './common';

const AdminUnmappedImportedRatings = graphql(`
  query AdminUnmappedImportedRatings {
    unmappedImportedRatings {
      alternateName
      factChecks
      firstSeenAt
    }
  }
`);

const AdminSetImportedRatingMapping = graphql(`
  mutation AdminSetImportedRatingMapping($input: SetImportedRatingMappingInput!) {
    setImportedRatingMapping(input: $input) {
      alternateName
      verdict
      factChecks
    }
  }
`);

/** Publishers' rating texts met in ClaimReview imports that no verdict is mapped to yet. */
export function ImportedSection() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminUnmappedImportedRatings });
  if (fetching && !data) return <Loading what="the imported ratings" />;
  if (error && !data) return <FormProblems problems={problemsOf(error)} />;
  const unmapped = data?.unmappedImportedRatings ?? [];
  return (
    <section aria-labelledby="imported-title">
      <h2 id="imported-title" tabIndex={-1}>
        Imported ratings
      </h2>
      <p className="notice">
        Until a publisher’s rating text is mapped, its imported fact-checks are Unverifiable, shown with the publisher’s
        words. A mapping applies at once to every fact-check imported with that text and to later imports; each
        published one whose verdict changes gets a public correction with your note.
      </p>
      {unmapped.length === 0 ? (
        <p className="muted">Every imported rating text is mapped.</p>
      ) : (
        unmapped.map((u) => (
          <MappingForm
            key={u.alternateName}
            text={u.alternateName}
            factChecks={u.factChecks}
            firstSeenAt={u.firstSeenAt}
            onMapped={() => {
              refetch({ requestPolicy: 'network-only' });
              document.getElementById('imported-title')?.focus();
            }}
          />
        ))
      )}
    </section>
  );
}

function MappingForm({
  text,
  factChecks,
  firstSeenAt,
  onMapped,
}: {
  text: string;
  factChecks: number;
  firstSeenAt: string;
  onMapped: () => void;
}) {
  const [verdict, setVerdict] = useState<VerdictName>('UNVERIFIABLE');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, map] = useMutation(AdminSetImportedRatingMapping);
  const announce = useAnnounce();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await map({ input: { alternateName: text, verdict, note: note.trim() || null } });
    if (result.error) return setProblems(problemsOf(result.error));
    announce(`“${text}” now maps to ${VERDICT_WORDS[verdict]}`);
    onMapped();
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label={`Map “${text}”`}>
      <h3>“{text}”</h3>
      <p className="muted">
        {factChecks} {factChecks === 1 ? 'fact-check carries' : 'fact-checks carry'} it; first met{' '}
        <When at={firstSeenAt} />.
      </p>
      <div className="form-row">
        <SelectField
          label="Verdict"
          value={verdict}
          onChange={(e) => setVerdict(e.target.value as VerdictName)}
          error={messageFor(problems, 'verdict')}
        >
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {VERDICT_WORDS[v]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Note for readers"
          hint="Required when published fact-checks change verdict: each gets a public correction."
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={messageFor(problems, 'note')}
        />
      </div>
      <FormProblems problems={unplaced(problems, ['verdict', 'note'])} />
      <div className="actions">
        <button type="submit" disabled={fetching}>
          Map it
        </button>
      </div>
    </form>
  );
}
