import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@baton/auth';
import { Clock, WorkingDayCalendar } from '@baton/calendar';
import { OrderEvents } from '@baton/contracts';
import { ProblemException, requireIfMatch } from '@baton/http-api';
import { Outbox } from '@baton/messaging';
import { recordHistory } from '../order/order-history.js';
import { saveOrderStep } from '../order/order-version.js';
import { causeOf, orderEvent, personOf } from '../order/order.events.js';
import type { RecordContactDto } from './dto/enforcement.dto.js';
import { EnforcementCase } from './enforcement-case.entity.js';
import { EnforcementCaseLoader } from './enforcement-case.loader.js';

/** Records contact with the parent about an apparent breach, noting whether it met the deadline. */
@Injectable()
export class RecordContact {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly loader: EnforcementCaseLoader,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, orderId: string, caseId: string, dto: RecordContactDto, ifMatch: string | undefined) {
    return this.dataSource.transaction(async (manager) => {
      const { order, enforcement } = await this.loader.forHolder(manager, caller, orderId, caseId);
      requireIfMatch(ifMatch, enforcement.version);
      const now = this.clock.now();
      const contactedAt = new Date(dto.contactedAt);
      if (enforcement.contactedAt !== null) {
        throw ProblemException.of(
          409,
          'alreadyContacted',
          'Contact already recorded',
          'The parent was already contacted',
          {
            errors: [
              { field: 'contactedAt', rule: 'alreadyContacted', message: 'contact is recorded once per breach' },
            ],
          },
        );
      }
      if (contactedAt > now || this.calendar.localDate(contactedAt) < enforcement.breachOn) {
        throw ProblemException.ruleBroken(
          'contactedAt',
          'betweenBreachAndNow',
          `contact is on or after the breach (${enforcement.breachOn}) and not in the future`,
        );
      }
      Object.assign(enforcement, {
        contactedAt,
        contactMethod: dto.method,
        contactNotes: dto.notes ?? null,
        status: enforcement.status === 'awaiting-contact' ? 'awaiting-decision' : enforcement.status,
        version: enforcement.version + 1,
      });
      await manager.update(
        EnforcementCase,
        { id: enforcement.id },
        {
          contactedAt,
          contactMethod: dto.method,
          contactNotes: enforcement.contactNotes,
          status: enforcement.status,
          version: enforcement.version,
        },
      );
      await saveOrderStep(manager, order);
      const withinDeadline = contactedAt <= enforcement.contactDueAt;
      await recordHistory(manager, order.id, now, 'parent-contacted', personOf(caller), {
        enforcementId: enforcement.id,
        contactedAt: dto.contactedAt,
        method: dto.method,
        notes: enforcement.contactNotes,
        withinDeadline,
      });
      await this.outbox.append(
        manager,
        orderEvent(OrderEvents.parentContacted, order, causeOf(caller), now, {
          enforcementId: enforcement.id,
          contactedAt: contactedAt.toISOString(),
          method: dto.method,
          withinDeadline,
        }),
      );
      return enforcement;
    });
  }
}
