import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { WebhookSecret } from '../delivery/claimed-delivery.js';

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The secrets that still sign at `now`: the current one and any rotated out whose overlap has not ended. */
export function signingSecrets(secrets: readonly WebhookSecret[], now: Date): WebhookSecret[] {
  return secrets.filter((s) => s.expiresAt === null || new Date(s.expiresAt).getTime() > now.getTime());
}

/**
 * The Standard Webhooks headers for one message: `webhook-id` (the same on every retry), `webhook-timestamp` and
 * `webhook-signature`, with one `v1,` signature per valid secret separated by spaces, so a receiver that has not yet
 * taken the new secret still verifies during the overlap.
 */
export function signedHeaders(
  messageId: string,
  body: string,
  secrets: readonly WebhookSecret[],
  now: Date,
): Record<string, string> {
  const signatures = signingSecrets(secrets, now).map((s) => new Webhook(s.secret).sign(messageId, now, body));
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
