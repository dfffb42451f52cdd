/** What the server put in the page (src/http/workbench/workbench.router.ts, WorkbenchSettings). */
export interface WorkbenchSettings {
  organisation: string;
  signInMethods: ('password' | 'sso')[];
  /** The single sign-on provider's name for its button, or null for a generic label. */
  ssoName?: string | null;
}

export function readSettings(): WorkbenchSettings {
  const block = document.getElementById('workbench-settings');
  const fallback: WorkbenchSettings = { organisation: 'factline', signInMethods: ['password'] };
  if (!block?.textContent) return fallback;
  try {
    return { ...fallback, ...(JSON.parse(block.textContent) as Partial<WorkbenchSettings>) };
  } catch {
    return fallback;
  }
}
