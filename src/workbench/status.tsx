/** A fact-check's state in words, as a badge. */
const STATUS_WORDS = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  PUBLISHED: 'Published',
  RETRACTED: 'Retracted',
} as const;

export type FactCheckStatus = keyof typeof STATUS_WORDS;

export function StatusBadge({ status }: { status: FactCheckStatus }) {
  return <span className={`badge ${status.toLowerCase().replace('_', '-')}`}>{STATUS_WORDS[status]}</span>;
}

/** A moment in the reader's locale, to the minute. */
export function When({ at }: { at: string | null | undefined }) {
  if (!at) return null;
  const date = new Date(at);
  return <time dateTime={at}>{date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</time>;
}
