import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ROUTING_RULES } from '../domain/default-routing-rules.js';
import { loadRoutingRules } from './routing-rules.loader.js';

function rulesFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rules-')), 'rules.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('loading routing rules', () => {
  it('uses the defaults, every one naming a catalogued event type, when no file is given', () => {
    expect(loadRoutingRules(undefined)).toBe(DEFAULT_ROUTING_RULES);
  });

  it('reads a deployment file of the same shape', () => {
    const rules = [
      {
        eventType: 'baton.referral.withdrawn.v1',
        audiences: [{ relationship: 'x', agencies: { field: 'receivingAgencyId' }, fields: ['referralId'] }],
      },
    ];
    expect(loadRoutingRules(rulesFile(rules))).toEqual(rules);
  });

  it('refuses a file naming an unknown event type or a malformed field path, naming the rule', () => {
    const file = rulesFile([
      {
        eventType: 'baton.referral.vanished.v1',
        audiences: [{ relationship: 'x', agencies: { field: 'a' }, fields: ['a..b'] }],
      },
    ]);
    expect(() => loadRoutingRules(file)).toThrow(
      /rules\[0\]\.eventType: 'baton\.referral\.vanished\.v1' is not in the event catalogue/,
    );
    expect(() => loadRoutingRules(file)).toThrow(/rules\[0\]\.audiences\[0\]: 'a\.\.b' is not a field path/);
  });
});
