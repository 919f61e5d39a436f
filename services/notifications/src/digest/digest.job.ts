import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicJob } from '@baton/periodic-job';
import { afterFailure } from '../domain/retry-schedule.js';
import { EmailChannel } from '../delivery/email.channel.js';
import { DISPATCHER_SETTINGS, type DispatcherSettings } from '../delivery/delivery-dispatcher.js';

export const DIGEST_SCAN_INTERVAL = Symbol('DIGEST_SCAN_INTERVAL');

interface DigestLine {
  id: string;
  attempts: number;
  title: string;
  link: string;
}

/**
 * Sends each person's routine e-mails that fell due as one daily digest. A mailbox's due rows are locked while its
 * digest is sent, so replicas never send the same digest twice; a failed send is retried like any delivery.
 */
@Injectable()
export class DigestJob extends PeriodicJob {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EmailChannel) private readonly email: EmailChannel | null,
    @Inject(DISPATCHER_SETTINGS) private readonly settings: DispatcherSettings,
    @Inject(DIGEST_SCAN_INTERVAL) intervalMs: number,
  ) {
    super({ name: 'digest round', intervalMs, runAtStart: false });
  }

  /** Without SMTP there is no digest to send: the timer is not started at all. */
  override onApplicationBootstrap(): void {
    if (this.email !== null) super.onApplicationBootstrap();
  }

  protected run(): Promise<number> {
    return this.sendDue();
  }

  /** Sends every digest now due; returns how many were sent. */
  async sendDue(): Promise<number> {
    const mailboxes = await this.dataSource.query<{ tenant: string; target: string }[]>(
      `SELECT DISTINCT tenant, target FROM delivery
       WHERE channel = 'email' AND digest AND status IN ('pending', 'failed') AND due_at <= now()`,
    );
    let sent = 0;
    for (const mailbox of mailboxes) if (await this.sendOne(mailbox.tenant, mailbox.target)) sent += 1;
    return sent;
  }

  private sendOne(tenant: string, target: string): Promise<boolean> {
    const email = this.email;
    if (email === null) return Promise.resolve(false);
    return this.dataSource.transaction(async (manager) => {
      const lines = await manager.query<DigestLine[]>(
        `SELECT d.id::text AS id, d.attempts, n.title, n.link FROM delivery d JOIN notification n ON n.id = d.notification_id
         WHERE d.tenant = $1 AND d.target = $2 AND d.channel = 'email' AND d.digest
           AND d.status IN ('pending', 'failed') AND d.due_at <= now()
         ORDER BY d.id FOR UPDATE OF d SKIP LOCKED`,
        [tenant, target],
      );
      if (lines.length === 0) return false;
      const ids = lines.map((l) => l.id);
      try {
        await email.sendEmail({
          to: target,
          subject: `Your Baton digest: ${lines.length} update${lines.length === 1 ? '' : 's'}`,
          text: `${lines.map((l) => `- ${l.title}: ${l.link}`).join('\n')}\n`,
          messageId: `digest-${ids[0]}-${ids.length}`,
        });
        await manager.query(
          `UPDATE delivery SET status = 'delivered', delivered_at = now(), attempts = attempts + 1, last_error = NULL
           WHERE id = ANY($1::bigint[])`,
          [ids],
        );
        return true;
      } catch (e) {
        const attempts = Math.max(...lines.map((l) => l.attempts)) + 1;
        const next = afterFailure(attempts, this.settings.retry);
        await manager.query(
          `UPDATE delivery SET attempts = attempts + 1, last_error = $2, status = $3,
             due_at = CASE WHEN $3 = 'failed' THEN now() + make_interval(secs => $4::float8 / 1000) ELSE due_at END
           WHERE id = ANY($1::bigint[])`,
          [
            ids,
            (e as Error).message,
            next.outcome === 'dead' ? 'dead' : 'failed',
            next.outcome === 'retry' ? next.delayMs : 0,
          ],
        );
        return false;
      }
    });
  }
}
