import { ApiContract } from './api-contract.js';

const SERVICES = ['referrals', 'taf', 'parenting', 'notifications', 'agency-views', 'audit'];

describe('the request examples of the committed OpenAPI documents', () => {
  it.each(SERVICES)('%s: every operation taking a body shows an example its schema accepts', (service) => {
    expect(ApiContract.of(service).exampleProblems()).toEqual([]);
  });

  it('finds an example its schema refuses', () => {
    const contract = ApiContract.of('referrals');
    const operation = contract.document.paths['/v1/referrals'].post as unknown as {
      requestBody: { content: Record<string, { examples: Record<string, { value: Record<string, unknown> }> }> };
    };
    const example = operation.requestBody.content['application/json'].examples.example;
    const kept = example.value;
    example.value = { ...kept, proposedLevelOfNeed: 'high' };
    try {
      expect(contract.exampleProblems()).toEqual([
        expect.stringMatching(/POST \/v1\/referrals: example example breaks its schema: .*proposedLevelOfNeed/),
      ]);
    } finally {
      example.value = kept;
    }
  });
});
