import { createRequire } from 'node:module';

interface TypeMetadata {
  typeFunction: () => Function;
}
interface TransformerMetadataStorage {
  findTypeMetadata(target: Function, propertyName: string): TypeMetadata | undefined;
}

// class-transformer keeps @Type metadata in a storage its index does not export; this is the same
// CommonJS module instance its decorators write to (class-validator-jsonschema reads it the same way).
const { defaultMetadataStorage } = createRequire(import.meta.url)('class-transformer/cjs/storage.js') as {
  defaultMetadataStorage: TransformerMetadataStorage;
};

/** The class named by `@Type(() => X)` on a property, if any. */
export function declaredTypeOf(target: Function, propertyName: string): Function | undefined {
  return defaultMetadataStorage.findTypeMetadata(target, propertyName)?.typeFunction();
}
