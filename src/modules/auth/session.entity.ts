import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../user/user.entity';

/**
 * A staff member's signed-in browser (the `factline_session` cookie). The cookie holds a secret
 * of 32 random bytes, stored only as its SHA-256, as API tokens are. A session ends at
 * `expires_at` (SESSION_MAX_HOURS after sign-in), after SESSION_IDLE_MINUTES without a request
 * (`last_seen_at`, refreshed at most once a minute), or when revoked (sign-out, a password
 * change, an ADMIN).
 */
@Entity('sessions')
@Index('IDX_sessions_user', ['userId', 'id'])
export class SessionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Index('IDX_sessions_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  /** How the user signed in: PASSWORD or SSO (SignInMethod). */
  @Column({ type: 'varchar', length: 16 })
  method: string;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;

  @Column({ name: 'last_seen_at', type: Date })
  lastSeenAt: Date;

  @Column({ name: 'expires_at', type: Date })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt: Date | null;

  /** The browser's User-Agent at sign-in, truncated: for the user to recognise their sessions. */
  @Column({ name: 'user_agent', type: 'varchar', length: 200, nullable: true })
  userAgent: string | null;

  /** The client address at sign-in (as the rate limits see it, TRUST_PROXY). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  address: string | null;
}

/**
 * Failed sign-ins per account, shared by every replica: keyed by the SHA-256 of the normalised
 * email, so an address with no account is counted (and locked) exactly as one with an account,
 * and nothing here tells which emails have accounts. Rows idle for a day are pruned.
 */
@Entity('sign_in_throttles')
export class SignInThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  /** Failures since `window_started_at`. */
  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ name: 'window_started_at', type: Date, nullable: true })
  windowStartedAt: Date | null;

  /** Lock-outs since the last successful sign-in: each one lasts twice as long as the one before. */
  @Column({ type: 'integer', default: 0 })
  lockouts: number;

  @Column({ name: 'locked_until', type: Date, nullable: true })
  lockedUntil: Date | null;

  @Index('IDX_sign_in_throttles_updated')
  @Column({ name: 'updated_at', type: Date })
  updatedAt: Date;
}
