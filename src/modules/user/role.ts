import { registerEnumType } from 'type-graphql';

export enum Role {
  REVIEWER = 'REVIEWER',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, { name: 'Role', description: 'What a user may do: REVIEWER < EDITOR < ADMIN.' });
