import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An event waiting to leave, or kept after it left (for replay and rebuilds) until purged. */
@Entity({ name: 'outbox' })
export class OutboxRow {
  /** Publish order. A bigint, so TypeORM hands it over as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'uuid', unique: true })
  id: string;

  @Column({ name: 'aggregate_id', type: 'text' })
  aggregateId: string;

  @Column({ type: 'text' })
  tenant: string;

  @Column({ type: 'text' })
  type: string;

  /** The NATS subject it is published on. */
  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'jsonb' })
  envelope: object;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** W3C trace context (`traceparent`, `tracestate`) of the transaction that wrote it; null when not traced. */
  @Column({ name: 'trace_context', type: 'jsonb', nullable: true })
  traceContext: Record<string, string> | null;

  /** After a failed publish, no relay retries the row before this time. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
