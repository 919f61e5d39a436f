import { AccessEvents } from '../access/access-events.js';
import type { RecordAccessedV1 } from '../access/record-accessed.v1.js';
import { validateEvent } from './validate-event.js';
import { newEvent } from './new-event.js';

const access: RecordAccessedV1 = {
  service: 'referrals',
  recordType: 'referral',
  recordIds: ['0d6f4a0e-8c5b-4c8e-a7f2-1b2c3d4e5f60'],
  familyIds: ['5b0c9a57-1d7e-4f0e-9a41-0f3c2a4b7e11'],
  action: 'read',
  purpose: 'triage',
  accessedAt: '2025-03-03T10:00:00Z',
  accessor: { personId: 'person-17', name: 'Alex Practitioner', agencyId: 'early-help-hub', roles: ['triage'] },
  origin: { ip: '192.0.2.10' },
};

function accessEvent(extra: { correlationid?: string; causationid?: string } = {}) {
  return newEvent(AccessEvents.recorded, {
    source: 'baton/referrals',
    subject: 'person-17',
    tenant: 'islington',
    actor: 'person-17',
    actoragency: 'early-help-hub',
    data: access,
    time: new Date('2025-03-03T10:00:01Z'),
    ...extra,
  });
}

describe('newEvent', () => {
  it('builds an envelope that validates', () => {
    expect(validateEvent(JSON.parse(JSON.stringify(accessEvent())))).toMatchObject({ ok: true });
  });

  it('fills in the CloudEvents attributes from the definition', () => {
    expect(accessEvent()).toMatchObject({
      specversion: '1.0',
      type: 'baton.access.recorded.v1',
      datacontenttype: 'application/json',
      time: '2025-03-03T10:00:01.000Z',
      tenant: 'islington',
      actoragency: 'early-help-hub',
    });
  });

  it('gives every event a fresh id', () => {
    expect(accessEvent().id).not.toEqual(accessEvent().id);
  });

  it('starts a correlation chain with its own id', () => {
    const event = accessEvent();
    expect(event.correlationid).toBe(event.id);
  });

  it('continues a chain it is given', () => {
    const cause = accessEvent();
    const event = accessEvent({ correlationid: cause.correlationid, causationid: cause.id });
    expect(event).toMatchObject({ correlationid: cause.id, causationid: cause.id });
  });

  it('leaves out optional attributes that were not given, rather than carrying undefined', () => {
    expect(Object.keys(accessEvent())).not.toEqual(expect.arrayContaining(['familyid']));
    expect(Object.keys(accessEvent())).not.toEqual(expect.arrayContaining(['causationid']));
  });
});
