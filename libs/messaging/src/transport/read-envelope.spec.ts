import { ReferralEvents } from '@baton/contracts';
import { overdueEvent } from '../test-support/events.fixture.js';
import { readEnvelope } from './read-envelope.js';

const overdue = ReferralEvents.decisionOverdue;
const subject = 'baton.tst.referral.decision-overdue';

describe('reading an envelope', () => {
  it('accepts a valid event of the handled type', () => {
    const event = overdueEvent();
    const read = readEnvelope(subject, JSON.stringify(event), overdue);
    expect(read).toMatchObject({ kind: 'event', event: { id: event.id, type: overdue.type } });
  });

  it('accepts any catalogued event on an every-event consumer', () => {
    expect(readEnvelope(subject, JSON.stringify(overdueEvent()), undefined).kind).toBe('event');
  });

  it('treats text that is not JSON as poison, keeping the text', () => {
    expect(readEnvelope(subject, '{"id": ', overdue)).toMatchObject({ kind: 'poison', raw: '{"id": ', envelope: null });
  });

  it('treats an event whose payload breaks its contract as poison, naming the field', () => {
    const event = { ...overdueEvent(), data: { referralId: 'not-a-uuid' } };
    const read = readEnvelope(subject, JSON.stringify(event), overdue);
    expect(read).toMatchObject({ kind: 'poison', eventId: event.id });
    expect(read.kind === 'poison' && read.error).toMatch(/data\.referralId/);
  });

  it('skips another version of the handled event', () => {
    const event = { ...overdueEvent(), type: 'baton.referral.decision-overdue.v2' };
    expect(readEnvelope(subject, JSON.stringify(event), overdue).kind).toBe('skip');
  });

  it('treats an event of an unrelated type as poison', () => {
    const event = { ...overdueEvent(), type: 'baton.referral.withdrawn.v1' };
    expect(readEnvelope(subject, JSON.stringify(event), overdue).kind).toBe('poison');
  });

  it("accepts an aggregate's events on its whole-aggregate consumer, and treats another aggregate's as poison", () => {
    expect(readEnvelope(subject, JSON.stringify(overdueEvent()), undefined, 'referral').kind).toBe('event');
    const read = readEnvelope(subject, JSON.stringify(overdueEvent()), undefined, 'plan');
    expect(read).toMatchObject({ kind: 'poison', error: expect.stringContaining('plan events') });
  });

  it('skips dead-letter copies on an every-event consumer', () => {
    expect(readEnvelope('baton._dlq.taf.x', '{}', undefined).kind).toBe('skip');
  });

  it("skips an agency's minimised copy republished under baton.<tenant>.agency.<agency>.> on an every-event consumer", () => {
    const copy = { ...overdueEvent(), data: { referralId: 'minimised' } };
    expect(
      readEnvelope('baton.tst.agency.tst-yot.referral.decision-overdue', JSON.stringify(copy), undefined).kind,
    ).toBe('skip');
  });
});
