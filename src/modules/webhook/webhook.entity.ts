import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** Where the organisation's webhooks go: an ADMIN's endpoints, each delivered the event log in order. */
@Entity('webhook_endpoints')
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  /** The event types it receives, as a JSON array of the log's type names. */
  @Column({ name: 'event_types', type: 'text' })
  eventTypes: string;

  /** The signing secret (`whsec_` and base64), shown once when made. */
  @Column({ type: 'varchar', length: 100 })
  secret: string;

  /** ACTIVE, FAILING (retries gave up; an ADMIN re-enables it) or DISABLED. */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  /** The newest event of the log it is done with: delivered, or not for it. */
  @Column({ name: 'delivered_through', type: 'integer' })
  deliveredThrough: number;

  /** Failed attempts at the event after `delivered_through`. */
  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts: number;

  /** When the current run of failures began. */
  @Column({ name: 'failing_since', type: Date, nullable: true })
  failingSince: Date | null;

  /** No attempt before this moment (back-off after a failure). */
  @Index('IDX_webhook_endpoints_next_attempt')
  @Column({ name: 'next_attempt_at', type: Date, nullable: true })
  nextAttemptAt: Date | null;

  /** The delivering process (replica) and until when it holds the endpoint. */
  @Column({ name: 'lease_owner', type: 'varchar', length: 64, nullable: true })
  leaseOwner: string | null;

  @Column({ name: 'lease_until', type: Date, nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'created_at', type: Date })
  createdAt: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt: Date;
}

/** One attempt at delivering one event to one endpoint: the delivery log an ADMIN reads. */
@Entity('webhook_attempts')
@Index('IDX_webhook_attempts_endpoint', ['endpointId', 'id'])
export class WebhookAttemptEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'endpoint_id', type: 'integer' })
  endpointId: number;

  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: WebhookEndpointEntity;

  @Column({ name: 'event_id', type: 'integer' })
  eventId: number;

  /** 1 for the first attempt at the event, counting up through its retries. */
  @Column({ type: 'integer' })
  attempt: number;

  /** 1 when an ADMIN asked for it again (redeliverWebhookEvent). */
  @Column({ type: 'integer', default: 0 })
  redelivery: number;

  @Column({ name: 'attempted_at', type: Date })
  attemptedAt: Date;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ name: 'latency_ms', type: 'integer' })
  latencyMs: number;

  /** The start of the response body, as text. */
  @Column({ name: 'response_excerpt', type: 'text', nullable: true })
  responseExcerpt: string | null;

  /** Why it failed without a status to show (a timeout, a refused address), in words. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  error: string | null;

  @Column({ type: 'integer' })
  succeeded: number;
}

/** An event an ADMIN asked to be delivered again to an endpoint, out of order, once. */
@Entity('webhook_redeliveries')
export class WebhookRedeliveryEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_webhook_redeliveries_endpoint')
  @Column({ name: 'endpoint_id', type: 'integer' })
  endpointId: number;

  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: WebhookEndpointEntity;

  @Column({ name: 'event_id', type: 'integer' })
  eventId: number;

  @Column({ name: 'requested_at', type: Date })
  requestedAt: Date;
}
