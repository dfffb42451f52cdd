import { Field, ID, InputType } from 'type-graphql';
import { CleanText, LIMITS } from '../../graphql/text-rules';
import { Role } from './user.entity';

@InputType('CreateUserInput')
export class CreateUserInput {
  @Field(() => String)
  @CleanText(LIMITS.name)
  name: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String, {
    nullable: true,
    description: 'The sign-in email (stored in lower case; unique). Set a password with `npm run user -- password`.',
  })
  email?: string | null;
}

@InputType('ChangePasswordInput')
export class ChangePasswordInput {
  @Field(() => String)
  currentPassword: string;

  @Field(() => String, { description: '10 to 1000 characters, not the email address.' })
  newPassword: string;
}

@InputType('RevokeSessionInput')
export class RevokeSessionInput {
  @Field(() => ID)
  id: string;
}

@InputType('SetUserRoleInput')
export class SetUserRoleInput {
  @Field(() => ID)
  userId: string;

  @Field(() => Role)
  role: Role;
}

@InputType('CreateTokenInput')
export class CreateTokenInput {
  @Field(() => ID)
  userId: string;

  @Field(() => String, { description: 'What the token is for, e.g. "Ana laptop".' })
  @CleanText(LIMITS.label)
  label: string;
}

@InputType('RevokeTokenInput')
export class RevokeTokenInput {
  @Field(() => ID)
  id: string;
}
