import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { ApiTag, type Page } from '@baton/http-api';
import { DeliveryQueryDto } from './dto/delivery-query.dto.js';
import { DeliveryStatusQueries, type DeliveryView } from './delivery-status.js';

@ApiTag('deliveries', 'What was sent to whom, and how each delivery went')
@ApiBearerAuth()
@Controller('v1')
export class DeliveryController {
  constructor(private readonly deliveries: DeliveryStatusQueries) {}

  @Get('events/:eventId/deliveries')
  @ApiOperation({ summary: 'Delivery status of one event: for the agency that caused it, and managers' })
  forEvent(@CurrentCaller() caller: Caller, @Param('eventId') eventId: string) {
    return this.deliveries.forEvent(caller, eventId);
  }

  @Get('deliveries')
  @Roles('manager', 'agency-admin')
  @ApiOperation({ summary: "Deliveries to my agency in one status (default dead: the agency's dead letters)" })
  list(@CurrentCaller() caller: Caller, @Query() query: DeliveryQueryDto): Promise<Page<DeliveryView>> {
    return this.deliveries.forAgency(caller, query);
  }

  @Post('deliveries/:id/replay')
  @HttpCode(200)
  @Roles('manager', 'agency-admin')
  @ApiOperation({ summary: 'Send a dead delivery again' })
  replay(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<DeliveryView> {
    return this.deliveries.replay(caller, id);
  }
}
