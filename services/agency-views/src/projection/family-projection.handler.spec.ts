import 'reflect-metadata';
import { CloudEvent } from '@baton/contracts';
import { FamilyProjectionHandler } from './family-projection.handler.js';

describe('the projection handler', () => {
  it.each(['onReferralEvent', 'onPlanEvent', 'onContractEvent', 'onOrderEvent'])(
    'declares the payload of %s as a CloudEvent, so the validation pipe checks the envelope rather than refusing it',
    (method) => {
      const types: unknown[] = Reflect.getMetadata('design:paramtypes', FamilyProjectionHandler.prototype, method);
      expect(types[0]).toBe(CloudEvent);
    },
  );
});
