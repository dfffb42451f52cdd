import type { AuthChecker } from 'type-graphql';
import { requireRole } from './viewer';
import { Role } from '../user/user.entity';
import type { AppContext } from '../../app/context';

/**
 * `@Authorized(role)` on a resolver: the lowest role allowed (roles are ordered). Runs before
 * argument validation, so an anonymous caller learns nothing about the input rules.
 * Anonymous callers get UNAUTHENTICATED, lower roles FORBIDDEN.
 */
export const authChecker: AuthChecker<AppContext, Role> = ({ context }, roles) => {
  requireRole(context.viewer, roles[0] ?? Role.REVIEWER);
  return true;
};
