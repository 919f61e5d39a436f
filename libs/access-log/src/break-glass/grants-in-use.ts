import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { BreakGlassGrant } from './break-glass-grant.rules.js';

const inUse = new AsyncLocalStorage<Map<string, BreakGlassGrant>>();

/** Notes that the request being handled relies on this grant for its family (nothing outside a request). */
export function noteGrantInUse(grant: BreakGlassGrant): void {
  inUse.getStore()?.set(grant.familyId, grant);
}

/** The grants the request being handled relied on, for these families. */
export function grantsInUseFor(familyIds: readonly string[]): BreakGlassGrant[] {
  const store = inUse.getStore();
  if (!store) return [];
  return familyIds.flatMap((id) => {
    const grant = store.get(id);
    return grant ? [grant] : [];
  });
}

/**
 * Gives each HTTP request its own note of the break-glass grants it relied on, so the `AccessRecorder` marks
 * every access it records for those families as made under the grant — without a controller having to pass the
 * grant along (and so without one forgetting to).
 */
@Injectable()
export class GrantsInUseInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const grants = new Map<string, BreakGlassGrant>();
    return new Observable((subscriber) => inUse.run(grants, () => next.handle().subscribe(subscriber)));
  }
}
