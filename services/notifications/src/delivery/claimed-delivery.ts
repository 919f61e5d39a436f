/** A delivery the dispatcher holds a lease on, with what its channel needs to send it. */
export interface ClaimedDelivery {
  id: string;
  publicId: string;
  tenant: string;
  eventId: string;
  eventType: string;
  channel: 'email' | 'webhook' | 'nats';
  target: string;
  endpointId: string | null;
  attempts: number;
  title: string;
  body: string;
  link: string;
  /** The envelope with the recipient's minimised data, as JSON text: sent (and signed) as it is. */
  payload: string;
  /** For a webhook: where to post and the secrets to sign with (each still valid, newest first). */
  endpoint: { url: string; secrets: WebhookSecret[] } | null;
  /** W3C trace context of the event it came from; its attempts continue that trace. */
  traceContext: Record<string, string> | null;
}

/** A signing secret (`whsec_` + base64); a rotated-out secret keeps signing until `expiresAt`, so receivers overlap. */
export interface WebhookSecret {
  secret: string;
  createdAt: string;
  expiresAt: string | null;
}

/** Sends one delivery over its channel; throws (with a message saying why) when the receiver did not take it. */
export interface DeliveryChannel {
  send(delivery: ClaimedDelivery): Promise<void>;
}
