import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { OrderEvents } from '@baton/contracts';
import { Outbox } from '@baton/messaging';
import { PeriodicJob } from '@baton/periodic-job';
import { EnforcementCase } from '../enforcement/enforcement-case.entity.js';
import { recordHistory, SYSTEM_ACTOR } from '../order/order-history.js';
import { saveOrderStep } from '../order/order-version.js';
import { orderEvent } from '../order/order.events.js';
import { ParentingOrder } from '../order/parenting-order.entity.js';

export const DEADLINE_SCAN_INTERVAL = Symbol('DEADLINE_SCAN_INTERVAL');
const BATCH = 200;
const SYSTEM = { actor: 'system' };

/**
 * Two scheduled facts, each emitted once: `order.contact-overdue` when 1 working day passes after
 * an apparent breach with no contact, and `order.expired` when an order's requirements period has
 * ended with no enforcement open. Rows are claimed with SKIP LOCKED and marked in the same
 * transaction as the event, so restarts and replicas side by side never emit twice or miss one.
 */
@Injectable()
export class EnforcementDeadlineJob extends PeriodicJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    @Inject(DEADLINE_SCAN_INTERVAL) intervalMs: number,
  ) {
    super({ name: 'enforcement deadline scan', intervalMs, runAtStart: true });
  }

  /** One pass: every overdue contact and every order due to expire; returns how many events. */
  protected async run(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.dataSource.transaction((manager) => this.overdueContacts(manager, this.clock.now()));
      total += count;
      if (count < BATCH) break;
    }
    for (;;) {
      const count = await this.dataSource.transaction((manager) => this.expiries(manager, this.clock.now()));
      total += count;
      if (count < BATCH) return total;
    }
  }

  private async overdueContacts(manager: EntityManager, now: Date): Promise<number> {
    // Orders are locked before their cases, in the same order as every officer's step, so the
    // job and an officer never deadlock; an order busy elsewhere is left for the next pass.
    const locked: { id: string }[] = await manager.query(
      `SELECT o.id FROM parenting_order o
        WHERE o.id IN (SELECT order_id FROM enforcement_case
                        WHERE status = 'awaiting-contact' AND overdue_notified_at IS NULL AND contact_due_at <= $1
                        ORDER BY contact_due_at LIMIT ${BATCH})
        FOR UPDATE SKIP LOCKED`,
      [now],
    );
    if (locked.length === 0) return 0;
    const rows: { id: string }[] = await manager.query(
      // Wrapped in a CTE: TypeORM returns [rows, count] for a bare UPDATE ... RETURNING.
      `WITH marked AS (
         UPDATE enforcement_case SET overdue_notified_at = $1
          WHERE order_id = ANY($2) AND status = 'awaiting-contact' AND overdue_notified_at IS NULL AND contact_due_at <= $1
          RETURNING id)
       SELECT id FROM marked`,
      [now, locked.map((r) => r.id)],
    );
    const cases = rows.length ? await manager.findBy(EnforcementCase, { id: In(rows.map((r) => r.id)) }) : [];
    const orders = new Map(
      (await manager.findBy(ParentingOrder, { id: In(locked.map((r) => r.id)) })).map((o) => [o.id, o]),
    );
    for (const c of cases) {
      const order = orders.get(c.orderId);
      if (!order) continue;
      await saveOrderStep(manager, order);
      await recordHistory(manager, order.id, now, 'contact-overdue', SYSTEM_ACTOR, {
        enforcementId: c.id,
        contactDueAt: c.contactDueAt.toISOString(),
      });
      await this.outbox.append(
        manager,
        orderEvent(OrderEvents.contactOverdue, order, SYSTEM, now, {
          enforcementId: c.id,
          breachOn: c.breachOn,
          contactDueAt: c.contactDueAt.toISOString(),
          detectedAt: now.toISOString(),
        }),
      );
    }
    return locked.length;
  }

  private async expiries(manager: EntityManager, now: Date): Promise<number> {
    const today = this.calendar.localDate(now);
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM parenting_order
        WHERE state = 'in-force' AND requirements_end_on < $1 AND open_enforcement_cases = 0
        ORDER BY requirements_end_on LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      [today],
    );
    if (rows.length === 0) return 0;
    const orders = await manager.findBy(ParentingOrder, { id: In(rows.map((r) => r.id)) });
    for (const order of orders) {
      await saveOrderStep(manager, order, { state: 'expired', closedOn: today });
      await recordHistory(manager, order.id, now, 'expired', SYSTEM_ACTOR, { expiredOn: today });
      await this.outbox.append(manager, orderEvent(OrderEvents.expired, order, SYSTEM, now, { expiredOn: today }));
    }
    return orders.length;
  }
}
