import { applyDecorators, Catch, UseFilters, type RpcExceptionFilter } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { EventDefinition } from '@baton/contracts';
import { throwError, type Observable } from 'rxjs';
import { ALL_EVENTS, type eventsOfAggregate } from './consumer-naming.js';

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
