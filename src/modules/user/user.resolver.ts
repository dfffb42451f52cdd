import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { AppContext } from '../../app/context';
import { fromGlobalIdOf, toGlobalId } from '../../graphql/relay/global-id';
import { ApiTokenType } from '../auth/api-token.types';
import type { ApiTokenRow } from '../auth/auth.queries';
import {
  ChangePasswordInput,
  CreateTokenInput,
  CreateUserInput,
  RevokeSessionInput,
  RevokeTokenInput,
  SetUserRoleInput,
} from './user.inputs';
import { hasRole } from '../auth/viewer';
import { type SessionNode, SessionType, toSessionNode } from '../auth/session.types';
import { Role } from './role';
import { UserType } from './user.types';
import { type UserRow, userRow } from './user.loaders';

@ObjectType('NewApiToken', {
  simpleResolvers: true,
  description: 'A token just created: the secret is shown here once and never again.',
})
export class NewApiToken {
  @Field(() => String, {
    description: 'Send as `Authorization: Bearer <secret>`. Store it now: it cannot be shown again.',
  })
  secret: string;

  @Field(() => ApiTokenType)
  token: ApiTokenRow;
}

@Resolver(() => UserType)
export class UserResolver {
  @Query(() => UserType, { nullable: true, description: 'The signed-in user; null for anonymous readers.' })
  viewer(@Ctx() ctx: AppContext): UserRow | null {
    return ctx.viewer.user ? userRow(ctx.viewer.user.id, ctx.viewer.user.name, ctx.viewer.user.role) : null;
  }

  @Authorized(Role.ADMIN)
  @Query(() => [UserType], { description: 'Every newsroom account, by name (ADMIN).' })
  async users(@Ctx() ctx: AppContext): Promise<UserRow[]> {
    return (await ctx.services.users.list()).map((user) => userRow(user.id, user.name, user.role));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserType, { description: 'Creates a newsroom account (ADMIN).' })
  async createUser(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateUserInput) input: CreateUserInput,
  ): Promise<UserRow> {
    const user = await ctx.services.users.create(input.name, input.role, { email: input.email });
    return userRow(user.id, user.name, user.role);
  }

  @Authorized()
  @Mutation(() => UserType, {
    description:
      "Changes the signed-in user's password, given the current one; every other session of theirs is signed out.",
  })
  async changePassword(
    @Ctx() ctx: AppContext,
    @Arg('input', () => ChangePasswordInput) input: ChangePasswordInput,
  ): Promise<UserRow> {
    const user = await ctx.services.signIn.changePassword(ctx.viewer, input.currentPassword, input.newPassword);
    return userRow(user.id, user.name, user.role);
  }

  @Authorized()
  @Mutation(() => SessionType, {
    description: 'Signs a session out (its user, or an ADMIN); requests with its cookie are refused from now on.',
  })
  async revokeSession(
    @Ctx() ctx: AppContext,
    @Arg('input', () => RevokeSessionInput) input: RevokeSessionInput,
  ): Promise<SessionNode> {
    return toSessionNode(
      await ctx.services.auth.revokeSession(ctx.viewer, fromGlobalIdOf('Session', input.id, 'input.id')),
    );
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserType, { description: "Changes a user's role (ADMIN); the last ADMIN cannot be demoted." })
  async setUserRole(
    @Ctx() ctx: AppContext,
    @Arg('input', () => SetUserRoleInput) input: SetUserRoleInput,
  ): Promise<UserRow> {
    const user = await ctx.services.users.setRole(fromGlobalIdOf('User', input.userId, 'input.userId'), input.role);
    return userRow(user.id, user.name, user.role);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => NewApiToken, {
    description: 'Creates an API token for a user (ADMIN); the secret is in the answer only.',
  })
  async createToken(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateTokenInput) input: CreateTokenInput,
  ): Promise<NewApiToken> {
    return ctx.services.auth.issue(fromGlobalIdOf('User', input.userId, 'input.userId'), input.label.trim());
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiTokenType, {
    description: 'Revokes an API token (ADMIN); requests with it are refused from now on.',
  })
  revokeToken(
    @Ctx() ctx: AppContext,
    @Arg('input', () => RevokeTokenInput) input: RevokeTokenInput,
  ): Promise<ApiTokenRow> {
    return ctx.services.auth.revoke(fromGlobalIdOf('ApiToken', input.id, 'input.id'));
  }

  @FieldResolver(() => ID)
  id(@Root() user: UserRow): string {
    return toGlobalId('User', user.id);
  }

  @FieldResolver(() => Role, { nullable: true, description: 'Staff only: null for anonymous readers.' })
  role(@Root() user: UserRow, @Ctx() ctx: AppContext): Role | null {
    return ctx.visibility.staff ? user.role : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The sign-in email: for the user themself and ADMINs only, null for everyone else.',
  })
  email(@Root() user: UserRow, @Ctx() ctx: AppContext): Promise<string | null> | null {
    return selfOrAdmin(ctx, user.id) ? ctx.loaders.userEmailById.load(user.id) : null;
  }

  @FieldResolver(() => [SessionType], {
    nullable: true,
    description: 'The live sign-in sessions, newest first: for the user themself and ADMINs only, else null.',
  })
  async sessions(@Root() user: UserRow, @Ctx() ctx: AppContext): Promise<SessionNode[] | null> {
    if (!selfOrAdmin(ctx, user.id)) return null;
    return (await ctx.services.auth.sessionsOf(user.id)).map(toSessionNode);
  }

  @FieldResolver(() => [ApiTokenType], {
    nullable: true,
    description: 'The API tokens issued, newest first: for the user themself and ADMINs only, else null.',
  })
  apiTokens(@Root() user: UserRow, @Ctx() ctx: AppContext): Promise<ApiTokenRow[]> | null {
    return selfOrAdmin(ctx, user.id) ? ctx.services.auth.tokensOf(user.id) : null;
  }
}

/** What only the account's owner and ADMINs read (email, sessions, tokens). */
function selfOrAdmin(ctx: AppContext, userId: number): boolean {
  return ctx.viewer.user?.id === userId || hasRole(ctx.viewer, Role.ADMIN);
}

@Resolver(() => SessionType)
export class SessionResolver {
  @FieldResolver(() => ID)
  id(@Root() session: SessionNode): string {
    return toGlobalId('Session', session.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether this is the session the request came with.' })
  current(@Root() session: SessionNode, @Ctx() ctx: AppContext): boolean {
    return ctx.viewer.sessionId != null && ctx.viewer.sessionId === session.id;
  }
}

@Resolver(() => ApiTokenType)
export class ApiTokenResolver {
  @FieldResolver(() => ID)
  id(@Root() token: ApiTokenRow): string {
    return toGlobalId('ApiToken', token.id);
  }
}
