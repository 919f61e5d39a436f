import { createRequire } from 'node:module';

/** A class constructor, as decorator metadata is keyed by. */
export type ContractClass = abstract new (...args: never[]) => unknown;

interface TypeMetadata {
  typeFunction: () => ContractClass;
}
interface TransformerMetadataStorage {
  findTypeMetadata(target: ContractClass, propertyName: string): TypeMetadata | undefined;
}

// class-transformer keeps @Type metadata in a storage its index does not export; this is the same
// CommonJS module instance its decorators write to (class-validator-jsonschema reads it the same way).
const { defaultMetadataStorage } = createRequire(import.meta.url)('class-transformer/cjs/storage.js') as {
  defaultMetadataStorage: TransformerMetadataStorage;
};

/** The class named by `@Type(() => X)` on a property, if any. */
export function declaredTypeOf(target: ContractClass, propertyName: string): ContractClass | undefined {
  return defaultMetadataStorage.findTypeMetadata(target, propertyName)?.typeFunction();
}
