import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event a consumer has processed: its presence makes a redelivery a no-op. */
@Entity({ name: 'inbox' })
export class InboxRow {
  @PrimaryColumn({ type: 'text' })
  consumer: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'processed_at', type: 'timestamptz' })
  processedAt: Date;
}
