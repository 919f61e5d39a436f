import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { catalogue } from '../catalogue.js';
import { buildAsyncApiDocument, renderAsyncApiJson } from './asyncapi-document.js';

// Spectral severities: 0 error, 1 warning, 2 information, 3 hint.
const ERROR = 0;
const WARNING = 1;

interface Document {
  channels: Record<string, { address: string; parameters: Record<string, unknown> }>;
  operations: Record<string, { action: string; channel: { $ref: string } }>;
}

describe('AsyncAPI document', () => {
  it('is a valid AsyncAPI 3.1 document, with no errors and no warnings', async () => {
    const document = buildAsyncApiDocument();
    expect(document.asyncapi).toBe('3.1.0');
    const diagnostics = await new Parser().validate(document);
    const problems = diagnostics
      .filter((d) => d.severity === ERROR || d.severity === WARNING)
      .map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(problems).toEqual([]);
  });

  it("has a channel on each agency's tree, baton.{tenant}.agency.{agency}.<aggregate>.<name>, for every event type", () => {
    const doc = buildAsyncApiDocument() as unknown as Document;
    for (const d of catalogue) {
      const channel = doc.channels[`agency-copy.${d.type}`];
      expect(channel).toMatchObject({ address: `baton.{tenant}.agency.{agency}.${d.aggregate}.${d.name}` });
      expect(Object.keys(channel.parameters)).toEqual(['tenant', 'agency']);
    }
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
