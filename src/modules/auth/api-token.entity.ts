import { DateTime } from '../../graphql/date-time';
import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../user/user.entity';

/**
 * An API token. The secret is shown once at creation and stored only as its SHA-256: tokens
 * are 32 random bytes, so a fast unsalted hash is safe and lets a lookup use an index.
 */
@ObjectType('ApiToken', { simpleResolvers: true, description: 'An API token (its secret is never shown again after creation).' })
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_api_tokens_user')
  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Field(() => String, { description: 'What the token is for.' })
  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Index('IDX_api_tokens_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Field(() => String, { description: 'The first characters of the token, to recognise it.' })
  @Column({ name: 'token_prefix', type: 'varchar', length: 16 })
  tokenPrefix: string;

  @Field(() => DateTime)
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @Field(() => DateTime, { nullable: true })
  @Column({ name: 'last_used_at', type: Date, nullable: true })
  lastUsedAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt: Date | null;
}
