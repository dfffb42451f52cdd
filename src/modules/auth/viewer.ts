import { forbidden, unauthenticated } from '../../domain/errors';
import { Role } from '../user/user.entity';

/**
 * Who is asking: a signed-in user, or an anonymous reader (user null), and the credential they
 * came with: an API token (tokenId) or a staff sign-in session (sessionId, the cookie).
 */
export interface Viewer {
  user: { id: number; name: string; role: Role } | null;
  tokenId: number | null;
  sessionId?: number | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ user: null, tokenId: null, sessionId: null });

const RANK: Record<Role, number> = { REVIEWER: 1, EDITOR: 2, ADMIN: 3 };

/** Roles are ordered: an ADMIN may do what an EDITOR may, an EDITOR what a REVIEWER may. */
export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.user !== null && RANK[viewer.user.role] >= RANK[role];
}

export function isEditor(viewer: Viewer): boolean {
  return hasRole(viewer, Role.EDITOR);
}

/** The signed-in user with at least `role`, or UNAUTHENTICATED / FORBIDDEN. */
export function requireRole(viewer: Viewer, role: Role): NonNullable<Viewer['user']> {
  if (!viewer.user) throw unauthenticated();
  if (!hasRole(viewer, role)) throw forbidden(`This needs the ${role} role or higher; you are ${viewer.user.role}.`);
  return viewer.user;
}
