import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An event a consumer gave up on (failed every attempt, or could not be read), kept for an operator to replay. */
@Entity({ name: 'dead_letter' })
export class DeadLetterRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** The durable consumer's name. */
  @Column({ type: 'text' })
  consumer: string;

  /** Null when the message was too broken to carry one. */
  @Column({ name: 'event_id', type: 'text', nullable: true })
  eventId: string | null;

  @Column({ type: 'text' })
  subject: string;

  /** The event as received when it parsed as JSON. */
  @Column({ type: 'jsonb', nullable: true })
  envelope: object | null;

  /** The message as received when it did not parse. */
  @Column({ name: 'raw', type: 'text', nullable: true })
  raw: string | null;

  @Column({ type: 'text' })
  error: string;

  @Column({ type: 'int' })
  deliveries: number;

  @Column({ name: 'failed_at', type: 'timestamptz' })
  failedAt: Date;

  @Column({ name: 'replayed_at', type: 'timestamptz', nullable: true })
  replayedAt: Date | null;

  @Column({ name: 'replay_count', type: 'int' })
  replayCount: number;
}
