import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { OrderRequirementSummary } from '@baton/contracts';
import { ApiProblems, ApiSuccess, ApiTag, ApiExampleBody } from '@baton/http-api';
import { RecordCompliance } from '../compliance/record-compliance.usecase.js';
import { RecordComplianceDto, recordComplianceExample } from '../compliance/dto/record-compliance.dto.js';
import { enforcementView } from '../enforcement/enforcement.views.js';
import { RequirementDto, requirementExample } from '../order/dto/requirement.dto.js';
import { AddRequirement } from './add-requirement.usecase.js';
import { ScheduleSessionDto, scheduleSessionExample } from './dto/schedule-session.dto.js';
import { requirementSummary } from './requirement.views.js';
import { ScheduleSession } from './schedule-session.usecase.js';
import { ComplianceView, SessionView } from '../parenting.responses.js';

@ApiTag('requirements and compliance', 'What an order or contract requires and how the parent complies')
@ApiBearerAuth()
@Roles('practitioner', 'manager')
@Controller('v1/orders/:orderId')
export class RequirementController {
  constructor(
    private readonly addRequirement: AddRequirement,
    private readonly scheduleSession: ScheduleSession,
    private readonly recordCompliance: RecordCompliance,
  ) {}

  @Post('requirements')
  @ApiOperation({ summary: 'Add a requirement (within 12 months of the order; a programme at most 3 months)' })
  @ApiSuccess(201, { description: 'The requirement added', type: OrderRequirementSummary })
  @ApiProblems(403, 404, 409, 422)
  @ApiExampleBody(RequirementDto, requirementExample)
  async add(
    @CurrentCaller() caller: Caller,
    @Param('orderId') orderId: string,
    @Body() body: RequirementDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const requirement = await this.addRequirement.execute(caller, orderId, body);
    void reply.status(201);
    return requirementSummary(requirement);
  }

  @Post('sessions')
  @ApiOperation({ summary: 'Schedule a programme session' })
  @ApiSuccess(201, { description: 'The session scheduled', type: SessionView })
  @ApiProblems(403, 404, 409, 422)
  @ApiExampleBody(ScheduleSessionDto, scheduleSessionExample)
  async schedule(
    @CurrentCaller() caller: Caller,
    @Param('orderId') orderId: string,
    @Body() body: ScheduleSessionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const session = await this.scheduleSession.execute(caller, orderId, body);
    void reply.status(201);
    return {
      id: session.id,
      requirementId: session.requirementId,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
    };
  }

  @Post('compliance')
  @ApiOperation({
    summary: 'Record compliance; a failure without reasonable excuse opens an enforcement case',
    description:
      'The contact deadline (contactDueAt) is the end of the next working day after occurredOn, the breach itself; ' +
      'a breach entered after it is overdue at once and shows recordedLate: true.',
  })
  @ApiSuccess(201, { description: 'The compliance record, with any enforcement case it opened', type: ComplianceView })
  @ApiProblems(403, 404, 409, 422)
  @ApiExampleBody(RecordComplianceDto, recordComplianceExample)
  async comply(
    @CurrentCaller() caller: Caller,
    @Param('orderId') orderId: string,
    @Body() body: RecordComplianceDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { compliance, enforcement } = await this.recordCompliance.execute(caller, orderId, body);
    void reply.status(201);
    return {
      id: compliance.id,
      requirementId: compliance.requirementId,
      sessionId: compliance.sessionId,
      occurredOn: compliance.occurredOn,
      outcome: compliance.outcome,
      excuse: compliance.excuse,
      enforcement: enforcement ? enforcementView(enforcement) : null,
    };
  }
}
