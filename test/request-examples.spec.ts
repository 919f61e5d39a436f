import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Type } from '@nestjs/common';
import { createValidationPipe, type RequestExample } from '@baton/http-api';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every source file of the services that declares a request example (`export const xExample: RequestExample<XDto>`). */
function filesWithExamples(): string[] {
  return readdirSync(join(ROOT, 'services'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\/src\/.*\.ts$/.test(f) && !/spec\.ts$/.test(f))
    .map((f) => join(ROOT, 'services', f))
    .filter((f) => /export const \w+Example: RequestExample</.test(readFileSync(f, 'utf8')));
}

const pairs: [string, Type<object>, RequestExample<object>][] = [];

beforeAll(async () => {
  for (const file of filesWithExamples()) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (!name.endsWith('Example')) continue;
      const dtoName = `${name[0].toUpperCase()}${name.slice(1, -'Example'.length)}Dto`;
      const dto = module[dtoName] as Type<object> | undefined;
      if (!dto) throw new Error(`${file}: ${name} has no ${dtoName} beside it`);
      pairs.push([dtoName, dto, value as RequestExample<object>]);
    }
  }
});

describe('the request examples the OpenAPI documents show', () => {
  it('are found beside their DTOs, one for each of the 40 operations that take a body', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(40);
  });

  it('each pass the validation their DTO gets at the door', async () => {
    const pipe = createValidationPipe();
    const refused: string[] = [];
    for (const [name, dto, example] of pairs) {
      await pipe.transform(structuredClone(example.value), { type: 'body', metatype: dto }).catch((e: unknown) => {
        const problem = (e as { getResponse?: () => unknown }).getResponse?.() ?? e;
        refused.push(`${name}: ${JSON.stringify(problem)}`);
      });
    }
    expect(refused).toEqual([]);
  });

  it('would catch an example its DTO refuses', async () => {
    const [, dto, example] = pairs[0];
    const broken = { ...example.value, notAField: true };
    await expect(createValidationPipe().transform(broken, { type: 'body', metatype: dto })).rejects.toThrow();
  });
});
