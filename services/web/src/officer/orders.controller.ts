import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TenantDirectory } from '@baton/tenancy';
import { ApiProblem } from '../api/api-errors.js';
import { NotFoundException } from '@nestjs/common';
import { ApiCallers } from '../sign-in/api-callers.js';
import { pageErrors, type Form } from './form-values.js';
import { orderFormPage, parseOrderForm } from './order-form.view-model.js';
import {
  casePage,
  compliancePage,
  parseApproval,
  parseCompliance,
  parseContact,
  parseDecision,
  parseSession,
  sessionPage,
} from './order-steps.view-model.js';
import { heldOrdersPage, orderPage } from './order.view-model.js';
import { ParentingApi, type OrderView } from './parenting.api.js';

type CaseStep = 'contact' | 'decision' | 'approval';

/**
 * The responsible officer's parenting orders: the orders I hold, recording an order, the order page, and
 * its steps (sessions, compliance, contact, the decision) — and the manager's approval of a prosecution.
 */
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly parenting: ParentingApi,
    private readonly callers: ApiCallers,
    private readonly tenants: TenantDirectory,
  ) {}

  @Get()
  @Render('officer/orders.njk')
  async held(@Req() request: FastifyRequest) {
    const caller = await this.callers.forRequest(request);
    const list = await this.parenting.heldOrders(caller);
    // Each order as its holder sees it: the contact deadlines decide the order of the list.
    const orders = await Promise.all(list.map(async (o) => (await this.parenting.order(caller, o.id)).order));
    return heldOrdersPage(orders, new Date());
  }

  @Get('new')
  @Render('officer/new-order.njk')
  newOrder(@Query('familyId') familyId?: string) {
    return orderFormPage(familyId ? { familyId } : {});
  }

  @Post('new')
  async record(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const form = (request.body ?? {}) as Form;
    const parsed = parseOrderForm(form);
    if (!parsed.ok) return reply.status(400).view('officer/new-order.njk', orderFormPage(form, parsed.errors));
    try {
      const order = await this.parenting.makeOrder(
        await this.callers.forRequest(request),
        parsed.value.order,
        String(form.idempotencyKey ?? '') || undefined,
      );
      request.session.flash = 'Order recorded';
      return reply.redirect(`/orders/${order.id}`, 303);
    } catch (error) {
      if (error instanceof ApiProblem && (error.status === 422 || error.status === 400)) {
        const errors = pageErrors(error.problem, parsed.value.fields);
        return reply.status(error.status).view('officer/new-order.njk', orderFormPage(form, errors));
      }
      throw error;
    }
  }

  @Get(':orderId')
  @Render('officer/order.njk')
  async order(@Req() request: FastifyRequest, @Param('orderId', new ParseUUIDPipe()) orderId: string) {
    const caller = await this.callers.forRequest(request);
    const { order, etag } = await this.parenting.order(caller, orderId);
    const person = request.session.person!;
    // The timeline is the holder's; the lead professional and plan members see the order without it.
    const timeline = order.legalBasis ? await this.parenting.timeline(caller, orderId) : [];
    return orderPage(order, timeline, {
      person,
      now: new Date(),
      etag,
      agencyName: (id) => this.tenants.agency(this.tenants.requireTenant(person.tenant), id)?.name ?? id,
    });
  }

  @Get(':orderId/sessions/new')
  @Render('officer/session.njk')
  async sessionForm(@Req() request: FastifyRequest, @Param('orderId', new ParseUUIDPipe()) orderId: string) {
    const { order } = await this.parenting.order(await this.callers.forRequest(request), orderId);
    return sessionPage(order, {});
  }

  @Post(':orderId/sessions/new')
  async schedule(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('orderId', new ParseUUIDPipe()) orderId: string,
  ) {
    const form = (request.body ?? {}) as Form;
    const caller = await this.callers.forRequest(request);
    const parsed = parseSession(form);
    const show = async (errors: Parameters<typeof sessionPage>[2], status: number) =>
      reply
        .status(status)
        .view('officer/session.njk', sessionPage((await this.parenting.order(caller, orderId)).order, form, errors));
    if (!parsed.ok) return show(parsed.errors, 400);
    try {
      await this.parenting.scheduleSession(caller, orderId, parsed.value);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 422) {
        return show(pageErrors(error.problem, { startsAt: { id: 'sessionOn-day', label: 'the session' } }), 422);
      }
      throw error;
    }
    request.session.flash = 'Session scheduled';
    return reply.redirect(`/orders/${orderId}`, 303);
  }

  @Get(':orderId/compliance/new')
  @Render('officer/compliance.njk')
  async complianceForm(@Req() request: FastifyRequest, @Param('orderId', new ParseUUIDPipe()) orderId: string) {
    const { order } = await this.parenting.order(await this.callers.forRequest(request), orderId);
    return compliancePage(order, {});
  }

  @Post(':orderId/compliance/new')
  async comply(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('orderId', new ParseUUIDPipe()) orderId: string,
  ) {
    const form = (request.body ?? {}) as Form;
    const caller = await this.callers.forRequest(request);
    const parsed = parseCompliance(form);
    const show = async (errors: Parameters<typeof compliancePage>[2], status: number) =>
      reply
        .status(status)
        .view(
          'officer/compliance.njk',
          compliancePage((await this.parenting.order(caller, orderId)).order, form, errors),
        );
    if (!parsed.ok) return show(parsed.errors, 400);
    try {
      await this.parenting.recordCompliance(caller, orderId, parsed.value);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 422) {
        return show(
          pageErrors(error.problem, {
            occurredOn: { id: 'occurredOn-day', label: 'the date it happened' },
            sessionId: { id: 'sessionId', label: 'the session' },
            excuse: { id: 'excuse', label: 'the reasonable excuse' },
          }),
          422,
        );
      }
      throw error;
    }
    request.session.flash =
      parsed.value.outcome === 'failed-without-excuse'
        ? 'Missed session recorded. An enforcement case is open: contact the parent within a working day of the breach.'
        : 'Compliance recorded';
    return reply.redirect(`/orders/${orderId}`, 303);
  }

  @Get(':orderId/enforcement/:caseId/:step')
  async caseForm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('orderId', new ParseUUIDPipe()) orderId: string,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Param('step') step: string,
  ) {
    const kind = caseStep(step);
    const { order } = await this.parenting.order(await this.callers.forRequest(request), orderId);
    return reply.view(`officer/${kind}.njk`, casePage(kind, order, caseOf(order, caseId), {}));
  }

  @Post(':orderId/enforcement/:caseId/:step')
  async caseStep(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('orderId', new ParseUUIDPipe()) orderId: string,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Param('step') step: string,
  ) {
    const kind = caseStep(step);
    const form = (request.body ?? {}) as Form;
    const caller = await this.callers.forRequest(request);
    const version = String(form.version ?? '');
    const show = async (errors: Parameters<typeof casePage>[4], status: number) => {
      const { order } = await this.parenting.order(caller, orderId);
      return reply
        .status(status)
        .view(`officer/${kind}.njk`, casePage(kind, order, caseOf(order, caseId), form, errors));
    };
    try {
      if (kind === 'contact') {
        const parsed = parseContact(form);
        if (!parsed.ok) return await show(parsed.errors, 400);
        await this.parenting.recordContact(caller, orderId, caseId, version, parsed.value);
        request.session.flash = 'Contact with the parent recorded';
      } else if (kind === 'decision') {
        const parsed = parseDecision(form);
        if (!parsed.ok) return await show(parsed.errors, 400);
        await this.parenting.decide(caller, orderId, caseId, version, parsed.value);
        request.session.flash =
          parsed.value.decision === 'prosecution-referral'
            ? 'Referral for prosecution recorded. It takes effect when a manager of your agency approves it.'
            : 'Decision recorded';
      } else {
        const parsed = parseApproval(form);
        if (!parsed.ok) return await show(parsed.errors, 400);
        await this.parenting.approve(caller, orderId, caseId, version, parsed.value);
        request.session.flash = parsed.value.approve
          ? 'Prosecution referral approved'
          : 'Prosecution referral rejected: the breach needs another decision';
      }
    } catch (error) {
      // The service's refusal (the two-person rule, a case already decided) is shown on the form itself.
      if (error instanceof ApiProblem && (error.status === 422 || error.status === 403)) {
        return show(
          pageErrors(error.problem, {
            contactedAt: { id: 'contactedOn-day', label: 'the date of the contact' },
            decision: { id: 'decision', label: 'your decision' },
            reason: { id: 'reason', label: 'the reasons' },
            approve: { id: 'approve', label: 'approval' },
          }),
          error.status,
        );
      }
      throw error;
    }
    return reply.redirect(`/orders/${orderId}#case-${caseId}`, 303);
  }
}

function caseStep(step: string): CaseStep {
  if (step === 'contact' || step === 'decision' || step === 'approval') return step;
  throw new NotFoundException();
}

function caseOf(order: OrderView, caseId: string) {
  const found = (order.enforcement ?? []).find((c) => c.id === caseId);
  if (!found) throw new NotFoundException();
  return found;
}
