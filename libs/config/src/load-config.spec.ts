import { IsInt, IsUrl, Max, Min } from 'class-validator';
import { ConfigurationError, loadConfig } from './load-config.js';

class ExampleConfig {
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['postgres', 'postgresql'] })
  DATABASE_URL: string = 'postgres://localhost:5432/example';

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;
}

describe('loadConfig', () => {
  it('uses defaults for variables that are not set', () => {
    expect(loadConfig(ExampleConfig, {})).toMatchObject({ PORT: 3000 });
  });

  it('converts numbers from the environment', () => {
    expect(loadConfig(ExampleConfig, { PORT: '8080' }).PORT).toBe(8080);
  });

  it('stops with a message naming every bad variable', () => {
    expect(() => loadConfig(ExampleConfig, { PORT: '99999', DATABASE_URL: 'nope' })).toThrow(ConfigurationError);
    try {
      loadConfig(ExampleConfig, { PORT: '99999', DATABASE_URL: 'nope' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL/);
    }
  });
});
