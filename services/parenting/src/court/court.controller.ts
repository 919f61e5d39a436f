import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { ApiProblems, ApiSuccess, ApiTag, etagFor, ApiExampleBody } from '@baton/http-api';
import { statusView } from '../order/order.views.js';
import { ApplyToCourt } from './apply-to-court.usecase.js';
import { CompleteOrder } from './complete-order.usecase.js';
import {
  AppealOutcomeDto,
  ApplicationOutcomeDto,
  ApplyToCourtDto,
  CompleteOrderDto,
  LodgeAppealDto,
  applyToCourtExample,
  applicationOutcomeExample,
  lodgeAppealExample,
  appealOutcomeExample,
  completeOrderExample,
} from './dto/court.dto.js';
import { RecordAppeal } from './record-appeal.usecase.js';
import { RecordApplicationOutcome } from './record-application-outcome.usecase.js';
import { OrderAppealView, OrderApplicationView, ParentingOrderView } from '../parenting.responses.js';

@ApiTag('court', 'Applications to court and the court’s decisions')
@ApiBearerAuth()
@Roles('practitioner', 'manager')
@Controller('v1/orders/:orderId')
export class CourtController {
  constructor(
    private readonly apply: ApplyToCourt,
    private readonly outcome: RecordApplicationOutcome,
    private readonly appeals: RecordAppeal,
    private readonly complete: CompleteOrder,
  ) {}

  @Post('applications')
  @ApiOperation({ summary: 'Apply to the court to vary or discharge the order' })
  @ApiSuccess(201, { description: 'The application, awaiting the court', type: OrderApplicationView })
  @ApiProblems(403, 404, 409, 422)
  @ApiExampleBody(ApplyToCourtDto, applyToCourtExample)
  async applyToCourt(
    @CurrentCaller() caller: Caller,
    @Param('orderId') orderId: string,
    @Body() body: ApplyToCourtDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    void reply.status(201);
    return this.apply.execute(caller, orderId, body);
  }

  @Post('applications/:applicationId/outcome')
  @HttpCode(200)
  @ApiOperation({ summary: "Record the court's outcome: a granted variation or discharge, a refusal or withdrawal" })
  @ApiSuccess(200, { description: 'The application with its outcome', type: OrderApplicationView })
  @ApiProblems(403, 404, 409, 422)
  @ApiExampleBody(ApplicationOutcomeDto, applicationOutcomeExample)
  recordOutcome(
    @CurrentCaller() caller: Caller,
    @Param('orderId') orderId: string,
    @Param('applicationId') applicationId: string,
    @Body() body: ApplicationOutcomeDto,
  ) {
    return this.outcome.execute(caller, orderId, applicationId, body);
  }

  @Post('appeals')
  @ApiOperation({ summary: 'Record an appeal lodged against the order' })
  @ApiSuccess(201, { description: 'The appeal, lodged', type: OrderAppealView })
  @ApiProblems(403, 404, 409, 422)
  @ApiExampleBody(LodgeAppealDto, lodgeAppealExample)
  async lodgeAppeal(
    @CurrentCaller() caller: Caller,
    @Param('orderId') orderId: string,
    @Body() body: LodgeAppealDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    void reply.status(201);
    return this.appeals.lodge(caller, orderId, body);
  }

  @Post('appeals/:appealId/outcome')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the outcome of an appeal; allowed quashes the order' })
  @ApiSuccess(200, { description: 'The appeal with its outcome', type: OrderAppealView })
  @ApiProblems(403, 404, 409, 422)
  @ApiExampleBody(AppealOutcomeDto, appealOutcomeExample)
  decideAppeal(
    @CurrentCaller() caller: Caller,
    @Param('orderId') orderId: string,
    @Param('appealId') appealId: string,
    @Body() body: AppealOutcomeDto,
  ) {
    return this.appeals.decide(caller, orderId, appealId, body);
  }

  @Post('completion')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the order completed' })
  @ApiSuccess(200, { description: 'The order, completed', type: ParentingOrderView, headers: ['ETag'] })
  @ApiProblems(403, 404, 409, 412, 422, 428)
  @ApiExampleBody(CompleteOrderDto, completeOrderExample)
  async completeOrder(
    @CurrentCaller() caller: Caller,
    @Param('orderId') orderId: string,
    @Body() body: CompleteOrderDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const order = await this.complete.execute(caller, orderId, body);
    void reply.header('etag', etagFor(order.version));
    return statusView(order);
  }
}
