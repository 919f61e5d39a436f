import type { DataSource } from 'typeorm';
import { ChannelListener, pgConfigOf } from '../notify/channel-listener.js';
import { OUTBOX_CHANNEL } from './outbox.migration.js';

/**
 * A dedicated connection LISTENing on the outbox channel: calls `onNotify` for each commit that appended events,
 * and once after every (re)connection, since notifications sent while it was away are lost.
 */
export class OutboxListener extends ChannelListener {
  static forDataSource(dataSource: DataSource, onNotify: () => void): OutboxListener {
    return new OutboxListener(pgConfigOf(dataSource), OUTBOX_CHANNEL, () => onNotify(), 'outbox-relay');
  }
}
