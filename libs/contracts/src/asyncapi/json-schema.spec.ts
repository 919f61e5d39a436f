import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsAlpha, IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';
import { schemaOfClass } from './json-schema.js';
import type { ContractClass } from './class-transformer-types.js';

const refFor = (cls: ContractClass): string => `#/components/schemas/${cls.name}`;

class Pet {
  @IsString()
  name: string;
}

class Owner {
  @IsOptional()
  @IsString()
  nickname?: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Pet)
  pets: Pet[];
}

describe('schemaOfClass', () => {
  it('refers to nested classes by name and leaves optional properties out of required', () => {
    expect(schemaOfClass(Owner, refFor)).toEqual({
      type: 'object',
      properties: {
        nickname: { type: 'string' },
        pets: { type: 'array', items: { $ref: '#/components/schemas/Pet' } },
      },
      required: ['pets'],
    });
  });

  it('refuses a validator it has no mapping for, rather than guessing', () => {
    class Unmapped {
      @IsAlpha()
      code: string;
    }
    expect(() => schemaOfClass(Unmapped, refFor)).toThrow(
      "Unmapped.code: no JSON Schema mapping for validator 'isAlpha'",
    );
  });

  it('refuses a nested property without @Type, whose class it cannot know', () => {
    class Untyped {
      @ValidateNested()
      pet: Pet;
    }
    expect(() => schemaOfClass(Untyped, refFor)).toThrow('Untyped.pet: @ValidateNested needs @Type(() => Class)');
  });

  it('refuses { each: true } without @IsArray', () => {
    class Loose {
      @IsString({ each: true })
      tags: string[];
    }
    expect(() => schemaOfClass(Loose, refFor)).toThrow("Loose.tags: '{ each: true }' needs @IsArray()");
  });
});
