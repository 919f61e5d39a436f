import { catalogue, definitionOf } from './catalogue.js';
import { defineEvent } from './event-definition.js';
import { ReferralEvents } from './referral/referral-events.js';

describe('catalogue', () => {
  it.each(catalogue.map((d) => [d.type, d]))('%s is named baton.<aggregate>.<name>.v<version>', (_type, d) => {
    expect(d.type).toBe(`baton.${d.aggregate}.${d.name}.v${d.version}`);
    expect(d.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(d.aggregate).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(Number.isInteger(d.version) && d.version >= 1).toBe(true);
    expect(d.summary.length).toBeGreaterThan(0);
  });

  it('has each type once', () => {
    const types = catalogue.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it('has each payload class once, so schemas and consumers can tell them apart by name', () => {
    const names = catalogue.map((d) => d.payload.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('finds a definition by type, and nothing for an unknown one', () => {
    expect(definitionOf('baton.referral.decided.v1')).toBe(ReferralEvents.decided);
    expect(definitionOf('baton.referral.decided.v2')).toBeUndefined();
  });

  it('builds the type from aggregate, name and version', () => {
    class Payload {}
    const d = defineEvent({ aggregate: 'order', name: 'breach-recorded', version: 2, payload: Payload, summary: 's' });
    expect(d.type).toBe('baton.order.breach-recorded.v2');
  });
});
