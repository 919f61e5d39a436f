import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AccessRecorder } from '@baton/access-log';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import {
  ApiIdempotencyKey,
  ApiProblems,
  ApiSuccess,
  ApiTag,
  etagFor,
  Origin,
  type RequestOrigin,
  ApiExampleBody,
} from '@baton/http-api';
import { ListOrdersQueryDto } from './dto/list-orders.dto.js';
import { MakeOrderDto, makeOrderExample } from './dto/make-order.dto.js';
import { MakeOrder } from './make-order.usecase.js';
import { OrderLoader } from './order.loader.js';
import { OrderQueries } from './order.queries.js';
import { OrderReader } from './order.reader.js';
import { viewFor, type OrderView } from './order.views.js';
import { ParentingOrderPage, ParentingOrderView } from '../parenting.responses.js';

const PURPOSE = {
  holder: 'responsible officer holding the order',
  'lead-professional': 'lead professional coordinating the family plan',
  'plan-member': 'member of the family plan',
} as const;

@ApiTag('orders', 'Parenting orders made by a court')
@ApiBearerAuth()
@Controller('v1/orders')
export class OrderController {
  constructor(
    private readonly make: MakeOrder,
    private readonly loader: OrderLoader,
    private readonly reader: OrderReader,
    private readonly queries: OrderQueries,
    private readonly access: AccessRecorder,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @Roles('practitioner', 'manager')
  @ApiOperation({ summary: 'Record a parenting order the court made, held by your agency' })
  @ApiIdempotencyKey()
  @ApiSuccess(201, { description: 'The order as recorded', type: ParentingOrderView, headers: ['ETag', 'Location'] })
  @ApiProblems(403, 409, 422)
  @ApiExampleBody(MakeOrderDto, makeOrderExample)
  async create(
    @CurrentCaller() caller: Caller,
    @Body() body: MakeOrderDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderView> {
    const order = await this.make.execute(caller, body, idempotencyKey);
    void reply.status(201).header('location', `/v1/orders/${order.id}`).header('etag', etagFor(order.version));
    return this.dataSource.transaction(async (manager) => {
      const { relationship } = await this.loader.forCaller(manager, caller, order.id);
      return viewFor(relationship, order, await this.reader.partsOf(manager, order.id));
    });
  }

  @Get()
  @Roles('practitioner', 'manager')
  @ApiOperation({ summary: 'Orders I hold as responsible officer, or my agency holds (managers); newest first' })
  @ApiSuccess(200, { description: 'A page of the orders my agency holds', type: ParentingOrderPage })
  @ApiProblems(403)
  async list(@CurrentCaller() caller: Caller, @Query() query: ListOrdersQueryDto, @Origin() origin: RequestOrigin) {
    const page = await this.queries.held(caller, query);
    await this.access.record(caller, origin, {
      action: 'list',
      recordType: 'order',
      purpose: 'orders held',
      records: page.items.map((o) => ({ id: o.id, familyId: o.familyId })),
    });
    return page;
  }

  @Get(':id')
  @ApiOperation({
    summary: 'An order: everything for its holder, requirements for the lead professional, status for plan members',
  })
  @ApiSuccess(200, { description: 'The order, as the caller may see it', type: ParentingOrderView, headers: ['ETag'] })
  @ApiProblems(404)
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderView> {
    return this.dataSource.transaction(async (manager) => {
      const { order, relationship } = await this.loader.forCaller(manager, caller, id);
      await this.access.record(
        caller,
        origin,
        {
          action: 'read',
          recordType: 'order',
          records: [{ id: order.id, familyId: order.familyId }],
          purpose: PURPOSE[relationship],
        },
        manager,
      );
      void reply.header('etag', etagFor(order.version));
      return viewFor(relationship, order, await this.reader.partsOf(manager, order.id));
    });
  }
}
