import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentCaller, Roles, type Caller } from '@baton/auth';
import { ApiProblems, ApiSuccess, ApiTag, etagFor, ApiExampleBody } from '@baton/http-api';
import {
  RegisterWebhookDto,
  RotateSecretDto,
  registerWebhookExample,
  rotateSecretExample,
} from './dto/register-webhook.dto.js';
import { WebhookEndpoints, type WebhookEndpointView } from './webhook-endpoints.js';
import {
  WebhookEndpointList,
  WebhookEndpointView as WebhookEndpointViewSchema,
  WebhookEndpointWithSecretView,
} from '../notifications.responses.js';

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
  @ApiSuccess(201, {
    description: 'The endpoint and its signing secret',
    type: WebhookEndpointWithSecretView,
    headers: ['ETag', 'Location'],
  })
  @ApiProblems(403, 422)
  @ApiExampleBody(RegisterWebhookDto, registerWebhookExample)
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
  @ApiSuccess(200, { description: 'The endpoints', type: WebhookEndpointList })
  @ApiProblems(403)
  async list(@CurrentCaller() caller: Caller): Promise<{ items: WebhookEndpointView[] }> {
    return { items: await this.endpoints.list(caller) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of my agency’s endpoints' })
  @ApiSuccess(200, { description: 'The endpoint', type: WebhookEndpointViewSchema })
  @ApiProblems(403, 404)
  async get(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<WebhookEndpointView> {
    return this.endpoints.get(caller, id);
  }

  @Post(':id/secret-rotation')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new signing secret; the previous one keeps signing for the overlap' })
  @ApiSuccess(200, { description: 'The endpoint and its new signing secret', type: WebhookEndpointWithSecretView })
  @ApiProblems(403, 404)
  @ApiExampleBody(RotateSecretDto, rotateSecretExample)
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
  @ApiSuccess(204, { description: 'Forgotten' })
  @ApiProblems(403, 404)
  async remove(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    await this.endpoints.remove(caller, id);
  }
}
