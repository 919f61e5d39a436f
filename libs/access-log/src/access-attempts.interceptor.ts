import {
  HttpException,
  Inject,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import type { Caller } from '@baton/auth';
import { AccessEvents, newEvent } from '@baton/contracts';
import { LoneEvents, MESSAGING_OPTIONS, type ResolvedMessagingOptions } from '@baton/messaging';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Path parameters naming a family: an attempt on one lands in that family's access log. */
const FAMILY_PARAM = /^family(Id)?$/i;

type Request = FastifyRequest & { caller?: Caller };

/**
 * A read of a record that the service refused (403) or answered as not found (404) is recorded as an access
 * attempt (`refused` / `not-found`), with the ids the caller asked for, so an auditor sees someone probing
 * records they have no relationship with in the record's history (and the family's access log, when the path
 * names the family). Only authenticated reads of a route with ids are recorded: a refusal by role happens
 * before any record is looked at, and a bad token says nothing about who tried.
 */
@Injectable()
export class AccessAttemptsInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AccessAttemptsInterceptor.name);

  constructor(
    private readonly loneEvents: LoneEvents,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: ResolvedMessagingOptions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          from(this.recordAttempt(request, error)).pipe(mergeMap(() => throwError(() => error))),
        ),
      );
  }

  private async recordAttempt(request: Request, error: unknown): Promise<void> {
    const status = error instanceof HttpException ? error.getStatus() : undefined;
    const caller = request.caller;
    if ((status !== 403 && status !== 404) || !caller || request.method !== 'GET') return;
    const params = Object.entries((request.params ?? {}) as Record<string, string>).filter(
      ([, value]) => typeof value === 'string' && value.length > 0 && value.length <= 100,
    );
    if (params.length === 0) return;
    const familyIds = params.filter(([name, value]) => FAMILY_PARAM.test(name) && UUID.test(value)).map(([, v]) => v);
    const service = this.messaging.service;
    const event = newEvent(AccessEvents.recorded, {
      source: `baton/${service}`,
      subject: caller.personId,
      tenant: caller.tenant,
      actor: caller.personId,
      actoragency: caller.agencyId,
      familyid: familyIds.length === 1 ? familyIds[0] : undefined,
      data: {
        service,
        recordType: request.routeOptions.url ?? 'unknown',
        recordIds: params.map(([, value]) => value),
        familyIds,
        action: status === 403 ? 'refused' : 'not-found',
        purpose: `GET ${request.routeOptions.url ?? request.url}`,
        accessedAt: new Date().toISOString(),
        accessor: { personId: caller.personId, name: caller.name, agencyId: caller.agencyId, roles: caller.roles },
        origin: {
          ip: request.ip,
          ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
        },
      },
    });
    // The caller gets their 403/404 either way; a failure to record is the service's to log, not theirs to see.
    await this.loneEvents.write(event).catch((failure: Error) => {
      this.logger.warn(`access attempt ${event.id} not recorded: ${failure.message}`);
    });
  }
}
