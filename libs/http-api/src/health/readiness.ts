/** One thing a service needs before it can serve: its database, NATS, consumer lag within bounds. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<{ ok: boolean; detail?: Record<string, unknown> }>;
}

/** Injection token for the list of readiness checks a service registers with HealthModule. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
