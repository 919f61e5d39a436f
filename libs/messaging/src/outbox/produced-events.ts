import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';

/** The header on a write's answer listing the ids of the events it appended to the outbox, comma-separated. */
export const PRODUCED_EVENTS_HEADER = 'baton-events';

const produced = new AsyncLocalStorage<string[]>();

/** Notes events appended to the outbox while an HTTP request is handled (nothing outside one). */
export function noteProducedEvents(ids: readonly string[]): void {
  produced.getStore()?.push(...ids);
}

/** The ids of the events noted so far while this HTTP request is handled (none outside one). */
export function producedEventIds(): readonly string[] {
  return [...(produced.getStore() ?? [])];
}

/**
 * Read-your-writes across services: a write's answer names the events it produced (`Baton-Events`), which a read
 * model accepts as `after=` and answers once it has applied them. Only the outbox's own appends count (records of
 * access go through LoneEvents and are not the caller's change). No header when the request produced no event.
 */
@Injectable()
export class ProducedEventsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const reply = context.switchToHttp().getResponse<{ header(name: string, value: string): unknown }>();
    const ids: string[] = [];
    return new Observable((subscriber) =>
      produced.run(ids, () =>
        next
          .handle()
          .pipe(
            tap(() => {
              if (ids.length > 0) reply.header(PRODUCED_EVENTS_HEADER, [...new Set(ids)].join(','));
            }),
          )
          .subscribe(subscriber),
      ),
    );
  }
}
