import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** A configuration variable that is missing or malformed; the message names each one. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((message) => `${e.property}: ${message} (got ${JSON.stringify(e.value)})`),
  );
}

/**
 * Reads a service's configuration once, from environment variables, into a validated class.
 * Property names are the variable names (`DATABASE_URL`); defaults are property initialisers.
 * Annotate each property's type (`PORT: number = 3000`): conversion reads the decorator metadata.
 * Throws {@link ConfigurationError} naming every bad variable, so a service stops at start-up.
 */
export function loadConfig<T extends object>(
  ConfigClass: new () => T,
  env: Record<string, string | undefined> = process.env,
): T {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(ConfigClass, defined, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigurationError(describe(errors));
  return config;
}
