import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

const SIGNING_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const ALGORITHM_LIST = new RegExp(`^(${SIGNING_ALGORITHMS.join('|')})( *, *(${SIGNING_ALGORITHMS.join('|')}))*$`);
/** A claim name, or a dot path of names, as providers spell them (`realm_access.roles`, `extension_agencyId`). */
const CLAIM_PATH = /^[A-Za-z0-9_:$@/+-]+(\.[A-Za-z0-9_:$@/+-]+)*$/;
const CLAIM_PATH_RULE = {
  message: '$property must be a claim name or a dot path of claim names, e.g. realm_access.roles',
};
const VALUE_MAP = /^[^,=]+=[^,=]+(,[^,=]+=[^,=]+)*$/;

/**
 * The variables every Baton service reads (see README: Configuration): its database, the JetStream
 * stream it publishes to, where it listens, who issues its callers' tokens, tenant reference data and
 * logging and metrics. A service's config class extends this with its own variables and sets its own defaults
 * for DATABASE_URL and PORT, which differ per service (`override PORT: number = 3001`); left unset,
 * start-up stops naming the variable.
 */
export abstract class ServiceConfig {
  @IsString()
  DATABASE_URL: string;

  @IsString()
  NATS_URL: string = 'nats://127.0.0.1:4222';

  @IsString()
  NATS_STREAM: string = 'BATON';

  @IsString()
  NATS_SUBJECT_PREFIX: string = 'baton';

  @IsInt()
  @Min(1)
  @Max(5)
  NATS_STREAM_REPLICAS: number = 1;

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number;

  @IsString()
  HOST: string = '0.0.0.0';

  /**
   * Which proxies' `X-Forwarded-For`/`-Proto` to believe (Fastify `trustProxy`: addresses, CIDRs or the names
   * `loopback`, `linklocal`, `uniquelocal`). The default believes hops from inside the cluster only, so a caller
   * cannot choose the address its rate limit and access records are kept under.
   */
  @IsString()
  TRUST_PROXY: string = 'loopback,linklocal,uniquelocal';

  /** Requests one caller (tenant, agency, person of a verified token) may make per window; 0 turns it off. */
  @IsInt()
  @Min(0)
  RATE_LIMIT_PER_CALLER: number = 1200;

  /** Requests one client address may make per window, tokens or not; 0 turns it off. */
  @IsInt()
  @Min(0)
  RATE_LIMIT_PER_ADDRESS: number = 3000;

  @IsInt()
  @Min(1)
  @Max(3600)
  RATE_LIMIT_WINDOW_SECONDS: number = 60;

  /** `true` serves Swagger UI at /docs and the OpenAPI document at /docs/json; otherwise neither is served. */
  @IsIn(['true', 'false'])
  API_DOCS: 'true' | 'false' = 'false';

  @IsString()
  AUTH_ISSUER: string = 'http://127.0.0.1:3999';

  @IsString()
  AUTH_AUDIENCE: string = 'baton';

  /** The issuer's key set; unset, it is the `jwks_uri` of the issuer's discovery document. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  AUTH_JWKS_URL?: string;

  /** Signature algorithms accepted, comma-separated (asymmetric only). */
  @Matches(ALGORITHM_LIST, { message: `AUTH_ALGORITHMS must list algorithms among ${SIGNING_ALGORITHMS.join(', ')}` })
  AUTH_ALGORITHMS: string = 'RS256,PS256,ES256,EdDSA';

  // Which claims (names or dot paths, e.g. realm_access.roles) name the caller; see README: Sign-in.
  @Matches(CLAIM_PATH, CLAIM_PATH_RULE) AUTH_PERSON_CLAIM: string = 'sub';
  @Matches(CLAIM_PATH, CLAIM_PATH_RULE) AUTH_NAME_CLAIM: string = 'name';
  @Matches(CLAIM_PATH, CLAIM_PATH_RULE) AUTH_EMAIL_CLAIM: string = 'email';
  @Matches(CLAIM_PATH, CLAIM_PATH_RULE) AUTH_AGENCY_CLAIM: string = 'agency_id';
  @Matches(CLAIM_PATH, CLAIM_PATH_RULE) AUTH_TENANT_CLAIM: string = 'tenant';
  @Matches(CLAIM_PATH, CLAIM_PATH_RULE) AUTH_ROLES_CLAIM: string = 'roles';

  /** Provider role values to Baton roles, `Baton.Triager=triager,Baton.Manager=manager`; other values are ignored. */
  @IsOptional()
  @Matches(VALUE_MAP, { message: 'AUTH_ROLE_MAP must be providerValue=role pairs, comma-separated' })
  AUTH_ROLE_MAP?: string;

  /** Provider tenant values to Baton tenant codes, e.g. an Entra ID directory id: `<tid>=demo`. */
  @IsOptional()
  @Matches(VALUE_MAP, { message: 'AUTH_TENANT_MAP must be providerValue=tenant pairs, comma-separated' })
  AUTH_TENANT_MAP?: string;

  /**
   * Days a published event stays in the service's outbox once it is on the stream (0: for ever). The stream keeps
   * every event; raise this before trimming the stream if read models may need rebuilding from the outboxes.
   */
  @IsInt()
  @Min(0)
  @Max(36500)
  OUTBOX_RETENTION_DAYS: number = 30;

  @IsOptional()
  @IsString()
  TENANT_CONFIG_DIR?: string;

  /** pino's levels; Nest's `log` and `verbose` are taken as `info` and `trace`. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent', 'log', 'verbose'])
  LOG_LEVEL: string = 'info';

  /** JSON lines, or readable single lines; unset, readable on a terminal and JSON otherwise. */
  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  /** Where Prometheus scrapes `/metrics`, never the API port; unset, PORT + 6000 (0: a free port). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;
}
