/**
 * What the workbench keeps on this computer (unsaved edits), per signed-in account: another
 * person signing in on the same browser is never offered someone else's words, and signing out
 * forgets everything kept. A session that merely ended keeps it, for the same person to go on.
 */
const PREFIX = 'factline.workbench.';
let account: string | null = null;

/** Called by the session when someone signs in (null: nobody). */
export function setLocalStoreAccount(userId: string | null): void {
  account = userId;
}

const keyOf = (name: string) => (account ? `${PREFIX}${account}.${name}` : null);

export function readLocal<T>(name: string): T | null {
  const key = keyOf(name);
  if (!key) return null;
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function writeLocal(name: string, value: unknown): void {
  const key = keyOf(name);
  if (!key) return;
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // A full or forbidden storage: the edits are still on the page and saved when they can be.
  }
}

/** Signing out: nothing the workbench kept stays on this computer. */
export function forgetLocal(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // Storage unavailable: nothing was kept.
  }
}
