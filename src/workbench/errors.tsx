import type { CombinedError } from 'urql';

/** One thing the API refused, in words, with the input field it concerns (`extensions.field`). */
export interface Problem {
  message: string;
  code: string | null;
  field: string | null;
}

const UNREACHABLE = 'The service could not be reached. Nothing you typed is lost: try again in a moment.';

/** The API's refusals as problems to show next to their fields; never raw JSON. */
export function problemsOf(error: CombinedError | null | undefined): Problem[] {
  if (!error) return [];
  if (error.graphQLErrors.length === 0) return [{ message: UNREACHABLE, code: 'NETWORK', field: null }];
  return error.graphQLErrors.map((e) => ({
    message: e.message,
    code: typeof e.extensions?.code === 'string' ? e.extensions.code : null,
    field: typeof e.extensions?.field === 'string' ? e.extensions.field : null,
  }));
}

/** The message for a field: `input.summary` matches a form's `summary` as well as its full path. */
export function messageFor(problems: Problem[], field: string): string | undefined {
  return problems.find((p) => p.field === field || p.field?.endsWith(`.${field}`))?.message;
}

/** The problems no field of the form shows. */
export function unplaced(problems: Problem[], fields: string[]): Problem[] {
  return problems.filter((p) => !p.field || !fields.some((f) => p.field === f || p.field?.endsWith(`.${f}`)));
}

/** A signed-out or ended session: the workbench asks to sign in again and keeps the page. */
export function isSessionProblem(error: CombinedError | null | undefined): boolean {
  if (!error) return false;
  if ((error.response as Response | undefined)?.status === 401) return true;
  return error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/** Under a field: read out with it (aria-describedby) and announced when it appears. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  );
}

/** Problems that belong to no field, above the form's actions. */
export function FormProblems({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="form-problems" role="alert">
      {problems.map((p, i) => (
        <p key={i}>{p.message}</p>
      ))}
    </div>
  );
}
