import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { etagFor, ApiTag } from '@baton/http-api';
import { RegisterWebhookDto, RotateSecretDto } from './dto/register-webhook.dto.js';
import { WebhookEndpoints, type WebhookEndpointView } from './webhook-endpoints.js';

const DEFAULT_OVERLAP_MINUTES = 24 * 60;

/** Agencies' own systems: endpoints registered by the agency's admin, each choosing its event types. */
@ApiTag('webhooks', 'Signed webhooks an agency registers to hear about its families')
@ApiBearerAuth()
@Roles('agency-admin')
@Controller('v1/webhooks')
export class WebhookController {
  constructor(private readonly endpoints: WebhookEndpoints) {}

  @Post()
  @ApiOperation({ summary: 'Register an endpoint; the answer carries its signing secret, shown this once' })
  async register(
    @CurrentCaller() caller: Caller,
    @Body() body: RegisterWebhookDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookEndpointView & { secret: string }> {
    const { endpoint, secret } = await this.endpoints.register(caller, body);
    void reply.status(201).header('location', `/v1/webhooks/${endpoint.id}`).header('etag', etagFor(endpoint.version));
    return { ...endpoint, secret };
  }

  @Get()
  @ApiOperation({ summary: "My agency's endpoints" })
  async list(@CurrentCaller() caller: Caller): Promise<{ items: WebhookEndpointView[] }> {
    return { items: await this.endpoints.list(caller) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of my agency’s endpoints' })
  async get(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<WebhookEndpointView> {
    return this.endpoints.get(caller, id);
  }

  @Post(':id/secret-rotation')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new signing secret; the previous one keeps signing for the overlap' })
  async rotate(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: RotateSecretDto,
  ): Promise<WebhookEndpointView & { secret: string }> {
    const { endpoint, secret } = await this.endpoints.rotateSecret(
      caller,
      id,
      body.overlapMinutes ?? DEFAULT_OVERLAP_MINUTES,
    );
    return { ...endpoint, secret };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop sending to an endpoint and forget it' })
  async remove(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    await this.endpoints.remove(caller, id);
  }
}
