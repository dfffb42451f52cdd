import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Node } from '../../graphql/relay/node.type';

export enum Role {
  REVIEWER = 'REVIEWER',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, { name: 'Role', description: 'What a user may do: REVIEWER < EDITOR < ADMIN.' });

/** A newsroom account; the author of fact-checks. Readers see the names of those who wrote public fact-checks, nothing more. */
@ObjectType('User', {
  implements: Node,
  simpleResolvers: true,
  description: 'A newsroom member: the author of fact-checks. Anonymous readers see only those who wrote or changed a public fact-check, and no roles.',
})
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'Display name.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => Role, { nullable: true, description: 'Staff only: null for anonymous readers.' })
  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
