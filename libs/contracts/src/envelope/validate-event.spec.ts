import { ReferralEvents } from '../referral/referral-events.js';
import type { ReferralReceivedV1 } from '../referral/referral-received.v1.js';
import { newEvent } from './new-event.js';
import { validateEvent, validateUncataloguedEvent } from './validate-event.js';

const FAMILY = '5b0c9a57-1d7e-4f0e-9a41-0f3c2a4b7e11';

function receivedData(): ReferralReceivedV1 {
  return {
    referralId: '0d6f4a0e-8c5b-4c8e-a7f2-1b2c3d4e5f60',
    familyId: FAMILY,
    receivedAt: '2025-03-03T09:15:00Z',
    decisionDueAt: '2025-03-04T09:15:00Z',
    sourceCode: '2A',
    source: { kind: 'practitioner', agencyId: 'school-42', identityWithheld: false },
    receivingAgencyId: 'early-help-hub',
    proposedLevelOfNeed: 3,
    urgency: 'routine',
    consent: { status: 'given', sharingAgreed: true },
    concernCategories: ['school-attendance'],
    children: [
      {
        childId: '7a1e2f30-4b5c-4d6e-8f70-8192a3b4c5d6',
        givenName: 'Ada',
        familyName: 'Example',
        dateOfBirth: '2014-06-01',
      },
    ],
    carers: [
      {
        carerId: '9c8b7a60-5d4e-4f3a-9b2c-1d0e9f8a7b6c',
        givenName: 'Sam',
        familyName: 'Example',
        relationship: 'mother',
      },
    ],
  };
}

function receivedEvent(data: object = receivedData()): Record<string, unknown> {
  const event = newEvent(ReferralEvents.received, {
    source: 'baton/referrals',
    subject: '0d6f4a0e-8c5b-4c8e-a7f2-1b2c3d4e5f60',
    tenant: 'islington',
    familyid: FAMILY,
    actor: 'person-17',
    data: data as ReferralReceivedV1,
  });
  return JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
}

function errorsOf(raw: unknown): string[] {
  const result = validateEvent(raw);
  return result.ok ? [] : result.errors;
}

describe('validateEvent', () => {
  it('accepts a well-formed event and returns its definition and typed payload', () => {
    const result = validateEvent(receivedEvent());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.definition).toBe(ReferralEvents.received);
    expect(result.event.data).toMatchObject({ referralId: '0d6f4a0e-8c5b-4c8e-a7f2-1b2c3d4e5f60' });
  });

  it('refuses something that is not a JSON object', () => {
    expect(errorsOf('baton.referral.received.v1')).toEqual(['event: must be a JSON object']);
    expect(errorsOf([receivedEvent()])).toEqual(['event: must be a JSON object']);
  });

  it('refuses a type that is not in the catalogue', () => {
    expect(errorsOf({ ...receivedEvent(), type: 'baton.referral.teleported.v1' })).toEqual([
      "type: unknown event type 'baton.referral.teleported.v1'",
    ]);
  });

  it('refuses a version the catalogue does not have', () => {
    expect(errorsOf({ ...receivedEvent(), type: 'baton.referral.received.v9' })).toEqual([
      "type: unknown event type 'baton.referral.received.v9'",
    ]);
  });

  it('names each bad envelope attribute', () => {
    const errors = errorsOf({
      ...receivedEvent(),
      specversion: '0.3',
      id: 'not-a-uuid',
      time: '2025-03-03 09:15',
      tenant: 'Islington.North',
      actor: undefined,
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^specversion: /),
        expect.stringMatching(/^id: must be a UUID/),
        'time: must be an RFC 3339 date-time with a zone offset',
        'tenant: must be lower-case letters, digits and hyphens',
        expect.stringMatching(/^actor: /),
      ]),
    );
  });

  it('refuses an envelope whose data is not an object', () => {
    expect(errorsOf({ ...receivedEvent(), data: 'hello' })).toEqual(['data: must be an object']);
  });

  it('names the path of a bad field inside a nested array', () => {
    const data = receivedData();
    data.children[0].dateOfBirth = '01/06/2014';
    expect(errorsOf(receivedEvent(data))).toEqual([
      'data.children[0].dateOfBirth: must be a valid ISO 8601 date string',
    ]);
  });

  it('names a missing required payload field', () => {
    const { familyId: _familyId, ...data } = receivedData();
    expect(errorsOf(receivedEvent(data))).toEqual([expect.stringMatching(/^data\.familyId: must be a UUID/)]);
  });

  it('names a bad field in a nested object', () => {
    const data = receivedData();
    Object.assign(data.consent, { status: 'maybe' });
    expect(errorsOf(receivedEvent(data))).toEqual([expect.stringMatching(/^data\.consent\.status: must be one of/)]);
  });

  it('refuses a referral with no children', () => {
    expect(errorsOf(receivedEvent({ ...receivedData(), children: [] }))).toEqual([
      'data.children: must contain at least 1 elements',
    ]);
  });

  it('refuses a level of need outside 1 to 4 and a source code outside the CIN census list', () => {
    const errors = errorsOf(receivedEvent({ ...receivedData(), proposedLevelOfNeed: 5, sourceCode: '11' }));
    expect(errors).toEqual([
      expect.stringMatching(/^data\.sourceCode: must be one of/),
      'data.proposedLevelOfNeed: must not be greater than 4',
    ]);
  });

  it('does not convert a number sent as a string', () => {
    expect(errorsOf(receivedEvent({ ...receivedData(), proposedLevelOfNeed: '3' }))).toContain(
      'data.proposedLevelOfNeed: must be an integer number',
    );
  });

  it('accepts fields it does not know in data, and keeps them', () => {
    const result = validateEvent(receivedEvent({ ...receivedData(), schoolTerm: 'spring' }));
    expect(result.ok).toBe(true);
    expect(result.ok && result.event.data).toMatchObject({ schoolTerm: 'spring' });
  });

  describe('a child named in a referral', () => {
    const child = receivedData().children[0];

    it('may be unborn, with an expected date of birth instead', () => {
      const unborn = { ...child, dateOfBirth: undefined, expectedDateOfBirth: '2025-09-01' };
      expect(errorsOf(receivedEvent({ ...receivedData(), children: [unborn] }))).toEqual([]);
    });

    it('must have a date of birth or an expected one', () => {
      const undated = { ...child, dateOfBirth: undefined };
      expect(errorsOf(receivedEvent({ ...receivedData(), children: [undated] }))).toEqual([
        'data.children[0].dateOfBirth: must be a valid ISO 8601 date string',
      ]);
    });

    it('cannot have both', () => {
      const both = { ...child, expectedDateOfBirth: '2025-09-01' };
      expect(errorsOf(receivedEvent({ ...receivedData(), children: [both] }))).toEqual([
        'data.children[0].expectedDateOfBirth: must not be given together with dateOfBirth',
      ]);
    });

    it('refuses a date that does not exist', () => {
      const impossible = { ...child, dateOfBirth: '2015-02-29' };
      expect(errorsOf(receivedEvent({ ...receivedData(), children: [impossible] }))).toEqual([
        'data.children[0].dateOfBirth: must be a valid ISO 8601 date string',
      ]);
    });
  });
});

describe('validateUncataloguedEvent', () => {
  it('accepts a valid envelope whatever its type, keeping data as it came', () => {
    const raw = { ...receivedEvent(), type: 'baton.plan.teleported.v1', data: { x: 1 } };
    expect(validateUncataloguedEvent(raw)).toMatchObject({
      ok: true,
      event: { type: 'baton.plan.teleported.v1', data: { x: 1 } },
    });
  });

  it('names each bad envelope attribute', () => {
    expect(validateUncataloguedEvent({ ...receivedEvent(), id: 'nope', data: 'text' })).toEqual({
      ok: false,
      errors: expect.arrayContaining([expect.stringMatching(/^id: /), 'data: must be an object']),
    });
  });
});
