import { IsInt, Min } from 'class-validator';
import { ConfigurationError, loadConfig } from './load-config.js';
import { ServiceConfig } from './service-config.js';

class ExampleServiceConfig extends ServiceConfig {
  override DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/baton_example';
  override PORT: number = 3999;

  @IsInt()
  @Min(100)
  SCAN_INTERVAL_MS: number = 30_000;
}

class ConfigWithoutDefaults extends ServiceConfig {}

describe('ServiceConfig', () => {
  it("gives every service the common defaults and the service's own database and port", () => {
    expect(loadConfig(ExampleServiceConfig, {})).toMatchObject({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/baton_example',
      PORT: 3999,
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_STREAM: 'BATON',
      NATS_SUBJECT_PREFIX: 'baton',
      NATS_STREAM_REPLICAS: 1,
      HOST: '0.0.0.0',
      AUTH_AUDIENCE: 'baton',
      LOG_LEVEL: 'info',
      OUTBOX_RETENTION_DAYS: 30,
      SCAN_INTERVAL_MS: 30_000,
    });
  });

  it('keeps published outbox rows for a whole number of days, 0 meaning for ever', () => {
    expect(loadConfig(ExampleServiceConfig, { OUTBOX_RETENTION_DAYS: '0' }).OUTBOX_RETENTION_DAYS).toBe(0);
    expect(() => loadConfig(ExampleServiceConfig, { OUTBOX_RETENTION_DAYS: '-1' })).toThrow(/OUTBOX_RETENTION_DAYS/);
    expect(() => loadConfig(ExampleServiceConfig, { OUTBOX_RETENTION_DAYS: '1.5' })).toThrow(/OUTBOX_RETENTION_DAYS/);
  });

  it('converts and validates the common variables as well as the service’s own', () => {
    const config = loadConfig(ExampleServiceConfig, { PORT: '8080', NATS_STREAM_REPLICAS: '3' });
    expect(config).toMatchObject({ PORT: 8080, NATS_STREAM_REPLICAS: 3 });
    expect(() => loadConfig(ExampleServiceConfig, { NATS_STREAM_REPLICAS: '7', SCAN_INTERVAL_MS: '5' })).toThrow(
      /NATS_STREAM_REPLICAS[\s\S]*SCAN_INTERVAL_MS|SCAN_INTERVAL_MS[\s\S]*NATS_STREAM_REPLICAS/,
    );
  });

  it('takes a log format of json or pretty and refuses any other', () => {
    expect(loadConfig(ExampleServiceConfig, { LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
    expect(loadConfig(ExampleServiceConfig, {}).LOG_FORMAT).toBeUndefined();
    expect(() => loadConfig(ExampleServiceConfig, { LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
    expect(() => loadConfig(ExampleServiceConfig, { LOG_LEVEL: 'chatty' })).toThrow(/LOG_LEVEL/);
  });

  it('reads token verification and claim mapping, finding the key set by discovery unless it is given', () => {
    const config = loadConfig(ExampleServiceConfig, {});
    expect(config).toMatchObject({
      AUTH_ALGORITHMS: 'RS256,PS256,ES256,EdDSA',
      AUTH_PERSON_CLAIM: 'sub',
      AUTH_AGENCY_CLAIM: 'agency_id',
      AUTH_TENANT_CLAIM: 'tenant',
      AUTH_ROLES_CLAIM: 'roles',
    });
    expect(config.AUTH_JWKS_URL).toBeUndefined();
    const keycloak = loadConfig(ExampleServiceConfig, {
      AUTH_ROLES_CLAIM: 'realm_access.roles',
      AUTH_ROLE_MAP: 'Baton.Triager=triager, Baton.Manager=manager',
    });
    expect(keycloak).toMatchObject({ AUTH_ROLES_CLAIM: 'realm_access.roles' });
  });

  it('says what a claim path must look like', () => {
    expect(() => loadConfig(ExampleServiceConfig, { AUTH_ROLES_CLAIM: 'realm_access..roles' })).toThrow(
      'AUTH_ROLES_CLAIM: AUTH_ROLES_CLAIM must be a claim name or a dot path of claim names, e.g. realm_access.roles',
    );
  });

  it.each([
    ['AUTH_ALGORITHMS', 'HS256'],
    ['AUTH_ALGORITHMS', 'RS256,none'],
    ['AUTH_ROLES_CLAIM', 'realm_access..roles'],
    ['AUTH_ROLE_MAP', 'Baton.Triager'],
    ['AUTH_JWKS_URL', 'not a url'],
  ])('stops naming %s when it is %s', (variable, value) => {
    expect(() => loadConfig(ExampleServiceConfig, { [variable]: value })).toThrow(new RegExp(variable));
  });

  it('stops naming DATABASE_URL and PORT when a service gives them no default and the environment none', () => {
    expect(() => loadConfig(ConfigWithoutDefaults, {})).toThrow(ConfigurationError);
    expect(() => loadConfig(ConfigWithoutDefaults, {})).toThrow(/DATABASE_URL[\s\S]*PORT/);
    expect(loadConfig(ConfigWithoutDefaults, { DATABASE_URL: 'postgres://db/x', PORT: '1' }).PORT).toBe(1);
  });
});
