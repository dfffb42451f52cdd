import { useId, useState } from 'react';
import { useAnnounce } from '../announcer';

/** The normalised verdicts in words, as readers read them in corrections. */
export const VERDICT_WORDS = {
  TRUE: 'True',
  MOSTLY_TRUE: 'Mostly true',
  MIXED: 'Mixed',
  MOSTLY_FALSE: 'Mostly false',
  FALSE: 'False',
  MISLEADING: 'Misleading',
  NEEDS_CONTEXT: 'Needs context',
  UNVERIFIABLE: 'Unverifiable',
} as const;
export type VerdictName = keyof typeof VERDICT_WORDS;
export const VERDICTS = Object.keys(VERDICT_WORDS) as VerdictName[];

export const ROLE_WORDS = { REVIEWER: 'Reviewer', EDITOR: 'Editor', ADMIN: 'Admin' } as const;
export type RoleName = keyof typeof ROLE_WORDS;
export const ROLES = Object.keys(ROLE_WORDS) as RoleName[];

/**
 * A secret the API shows once (an API token, a webhook signing secret): in a marked box with a
 * copy button and a warning. It lives only in the state of the component that received it and
 * is gone once the box is closed; nothing writes it anywhere.
 */
export function SecretBox({ title, secret, onDone }: { title: string; secret: string; onDone: () => void }) {
  const id = useId();
  const announce = useAnnounce();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
      announce('Copied');
    } catch {
      // No clipboard (an insecure origin, a refused permission): select it for a manual copy.
      const range = document.createRange();
      const node = document.getElementById(`${id}-secret`);
      if (node) {
        range.selectNodeContents(node);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }
      announce('Selected: copy it with your keyboard');
    }
  };
  return (
    <section className="secret-box" aria-labelledby={`${id}-title`} data-testid="secret-box">
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="secret-warning">
        <strong>Copy it now.</strong> It is shown this once: nobody, you included, can see it again. Keep it somewhere
        safe; anyone who has it can act as its owner.
      </p>
      <code id={`${id}-secret`} className="secret" data-testid="secret">
        {secret}
      </code>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          I have stored it, close
        </button>
      </div>
    </section>
  );
}

/** A number typed in a field: null when empty, NaN (refused by the API with words) when not a number. */
export function numberOrNull(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}
