import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '@baton/http-api';
import { DELIVERY_STATUSES } from './delivery/dto/delivery-query.dto.js';
import { EMAIL_MODES } from './preference/dto/preference.dto.js';

// The shapes the notifications service answers with, for the OpenAPI document and the clients generated from it.

/** A notification in a person's inbox. */
export class InboxItemView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ example: 'baton.referral.received.v1' })
  eventType: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  familyId: string | null;

  @ApiProperty({ example: 'New referral for triage' })
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ description: 'Where in Baton the person acts on it' })
  link: string;

  @ApiProperty()
  urgent: boolean;

  @ApiProperty({ type: [String], description: "Why it reached this person (their agency's involvement)" })
  relationships: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  readAt: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event as this person may see it (minimised)',
  })
  event: object;
}

export const InboxItemPage = PageOf(InboxItemView);

export class UnreadCountView {
  @ApiProperty({ type: 'integer', minimum: 0 })
  unread: number;
}

export class ReadMarkView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  readAt: string;
}

export class PreferenceView {
  @ApiProperty({ enum: EMAIL_MODES })
  email: string;

  @ApiProperty({ type: 'integer', description: 'The version the ETag names' })
  version: number;
}

export class RecipientView {
  @ApiProperty({ enum: ['person', 'agency'] })
  kind: string;

  @ApiProperty()
  id: string;

  @ApiProperty()
  agencyId: string;
}

/** One delivery of one event to one recipient over one channel. */
export class DeliveryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty()
  eventType: string;

  @ApiProperty({ example: 'webhook' })
  channel: string;

  @ApiProperty({ type: RecipientView })
  recipient: RecipientView;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: string;

  @ApiProperty({ type: 'integer' })
  attempts: number;

  @ApiProperty({ type: 'string', nullable: true })
  lastError: string | null;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  deliveredAt: string | null;
}

export const DeliveryPage = PageOf(DeliveryView);

export class DeliverySummaryView {
  @ApiProperty({ type: 'integer' })
  pending: number;

  @ApiProperty({ type: 'integer' })
  delivered: number;

  @ApiProperty({ type: 'integer' })
  failed: number;

  @ApiProperty({ type: 'integer' })
  dead: number;
}

/** How one event's deliveries went. */
export class EventDeliveriesView {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ type: DeliverySummaryView, description: 'How many deliveries are in each status' })
  summary: DeliverySummaryView;

  @ApiProperty({ type: [DeliveryView] })
  deliveries: DeliveryView[];
}

/** An agency's webhook endpoint; its signing secrets are shown only when made. */
export class WebhookEndpointView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  agencyId: string;

  @ApiProperty({ format: 'uri' })
  url: string;

  @ApiProperty({ type: 'string', nullable: true })
  description: string | null;

  @ApiProperty({ type: [String], description: 'Event types it receives' })
  eventTypes: string[];

  @ApiProperty()
  active: boolean;

  @ApiProperty({ type: 'integer' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'date-time', nullable: true },
    description: 'When each signing secret stops signing (null: the current one)',
  })
  secretExpiries: (string | null)[];
}

export class WebhookEndpointWithSecretView extends WebhookEndpointView {
  @ApiProperty({ description: 'The signing secret (Standard Webhooks, whsec_…): shown this once' })
  secret: string;
}

export class WebhookEndpointList {
  @ApiProperty({ type: [WebhookEndpointView] })
  items: WebhookEndpointView[];
}

/** An event a consumer gave up on. */
export class DeadLetterView {
  @ApiProperty({ description: 'Also the cursor for `after`' })
  id: string;

  @ApiProperty()
  consumer: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  eventId: string | null;

  @ApiProperty()
  subject: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The event, if JSON' })
  envelope: object | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'The message as received, when not JSON' })
  raw: string | null;

  @ApiProperty()
  error: string;

  @ApiProperty({ type: 'integer' })
  deliveries: number;

  @ApiProperty({ format: 'date-time' })
  failedAt: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  replayedAt: string | null;

  @ApiProperty({ type: 'integer' })
  replayCount: number;
}

export class DeadLetterList {
  @ApiProperty({ type: [DeadLetterView] })
  items: DeadLetterView[];
}

export class ReplayedView {
  @ApiProperty({ enum: [true] })
  ok: boolean;

  @ApiPropertyOptional({ enum: ['processed', 'duplicate'] })
  outcome?: string;
}
