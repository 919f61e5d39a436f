import { applyDecorators, Catch, UseFilters, type RpcExceptionFilter } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { EventDefinition } from '@baton/contracts';
import { throwError, type Observable } from 'rxjs';
import type { BatchSettings } from './consumer-binding.js';
import { ALL_EVENTS, type eventsOfAggregate } from './consumer-naming.js';

/** Where `@OnEventBatch` leaves its settings among the handler's extras. */
export const BATCH_EXTRA = 'batonBatch';

/**
 * Hands a handler's error to the transport unchanged. Nest's default filter would replace it with
 * "Internal server error", and the dead letter would not say what went wrong.
 */
@Catch()
export class KeepHandlerErrors implements RpcExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

/**
 * Marks a controller method as the handler of one event type (or of every event, with `'baton.>'`, or of every
 * event of one aggregate, with `eventsOfAggregate('plan')`):
 * `@OnEvent(ReferralEvents.received) onReceived(@Payload() e: CloudEvent<ReferralReceivedV1>, @Ctx() ctx: JetStreamContext)`.
 * Same as `@EventPattern(type)`, except dead letters record the handler's own error message.
 */
export function OnEvent(
  event: EventDefinition | typeof ALL_EVENTS | ReturnType<typeof eventsOfAggregate>,
): MethodDecorator {
  const pattern = EventPattern<string>(typeof event === 'string' ? event : event.type);
  return applyDecorators(pattern, UseFilters(KeepHandlerErrors));
}

/**
 * Like {@link OnEvent}, but the handler receives every new event of a delivered batch at once, in stream order:
 * `@OnEventBatch(ALL_EVENTS) onEvents(@Payload() events: CloudEvent[], @Ctx() ctx: JetStreamContext)`. The batch's
 * inbox rows and the handler's writes commit in one transaction; if the handler throws, each event is retried on
 * its own (as a batch of one), so one bad event cannot hold up the rest.
 */
export function OnEventBatch(
  event: EventDefinition | typeof ALL_EVENTS,
  settings: Partial<BatchSettings> = {},
): MethodDecorator {
  const batch: BatchSettings = {
    maxEvents: settings.maxEvents ?? 256,
    acceptUncatalogued: settings.acceptUncatalogued ?? false,
  };
  const pattern = EventPattern<string>(typeof event === 'string' ? event : event.type, { [BATCH_EXTRA]: batch });
  return applyDecorators(pattern, UseFilters(KeepHandlerErrors));
}
