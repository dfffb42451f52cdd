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
import { CreateTokenInput, CreateUserInput, RevokeTokenInput, SetUserRoleInput } from './user.inputs';
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
  @Mutation(() => UserType, { description: 'Creates a newsroom account (ADMIN).' })
  async createUser(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateUserInput) input: CreateUserInput,
  ): Promise<UserRow> {
    const user = await ctx.services.users.create(input.name, input.role);
    return userRow(user.id, user.name, user.role);
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
}

@Resolver(() => ApiTokenType)
export class ApiTokenResolver {
  @FieldResolver(() => ID)
  id(@Root() token: ApiTokenRow): string {
    return toGlobalId('ApiToken', token.id);
  }
}
