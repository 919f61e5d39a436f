import 'reflect-metadata';
import { CloudEvent } from '@baton/contracts';
import { FamilyProjectionHandler } from './family-projection.handler.js';

describe('the projection handler', () => {
  it('declares its payload as a CloudEvent, so the validation pipe checks the envelope rather than refusing it', () => {
    const types: unknown[] = Reflect.getMetadata('design:paramtypes', FamilyProjectionHandler.prototype, 'onEvent');
    expect(types[0]).toBe(CloudEvent);
  });
});
