import { chainsByAggregate, releasableRows, retryDelayMs } from './publish-order.js';

const row = (seq: number, aggregateId: string) => ({ seq: String(seq), aggregateId });

describe('publish order', () => {
  it('holds back rows whose aggregate has an earlier unpublished row claimed elsewhere', () => {
    const claimed = [row(5, 'a'), row(6, 'b'), row(7, 'a'), row(9, 'c')];
    const released = releasableRows(claimed, new Map([['a', '3']]));
    expect(released.map((r) => r.seq)).toEqual(['6', '9']);
  });

  it('releases rows whose only unpublished predecessors are claimed in the same batch', () => {
    const claimed = [row(5, 'a'), row(7, 'a')];
    expect(releasableRows(claimed, new Map([['a', '12']]))).toEqual(claimed);
  });

  it('compares sequence numbers as numbers, not text', () => {
    expect(releasableRows([row(10, 'a')], new Map([['a', '9']]))).toEqual([]);
  });

  it('chains each aggregate in sequence order', () => {
    const chains = chainsByAggregate([row(1, 'a'), row(2, 'b'), row(3, 'a'), row(4, 'b'), row(5, 'c')]);
    expect(chains.map((c) => c.map((r) => r.seq))).toEqual([['1', '3'], ['2', '4'], ['5']]);
  });

  it('waits longer after each failed publish, up to five seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelayMs)).toEqual([200, 400, 800, 1600, 3200, 5000, 5000, 5000]);
  });
});
