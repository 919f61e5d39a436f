import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { catalogue } from '../catalogue.js';
import { buildAsyncApiDocument, renderAsyncApiJson } from './asyncapi-document.js';

// Spectral severities: 0 error, 1 warning, 2 information, 3 hint.
const ERROR = 0;

interface Document {
  channels: Record<string, { address: string; parameters: Record<string, unknown> }>;
  operations: Record<string, { action: string; channel: { $ref: string } }>;
}

describe('AsyncAPI document', () => {
  it('is a valid AsyncAPI 3 document', async () => {
    const diagnostics = await new Parser().validate(buildAsyncApiDocument());
    const errors = diagnostics.filter((d) => d.severity === ERROR).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
  });

  it('has a channel on baton.{tenant}.<aggregate>.<name> and a send operation for every event type', () => {
    const doc = buildAsyncApiDocument() as unknown as Document;
    for (const d of catalogue) {
      expect(doc.channels[d.type]).toMatchObject({ address: `baton.{tenant}.${d.aggregate}.${d.name}` });
      expect(Object.keys(doc.channels[d.type].parameters)).toEqual(['tenant']);
      const sends = Object.values(doc.operations).filter((o) => o.channel.$ref === `#/channels/${d.type}`);
      expect(sends.map((o) => o.action)).toEqual(['send']);
    }
  });

  it('is checked in as generated from the catalogue now', () => {
    const checkedIn = readFileSync(new URL('../../asyncapi.json', import.meta.url), 'utf8');
    if (checkedIn !== renderAsyncApiJson()) {
      throw new Error('libs/contracts/asyncapi.json is out of date: run `npm run asyncapi` and commit the result');
    }
  });
});
