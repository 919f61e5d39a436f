import { chainEvents, canonicalEntry, genesisHash, linkHash } from './ledger-chain.js';
import { ChainWalker, type StoredEntryLink } from './chain-verification.js';

const event = (n: number) => ({ id: `e${n}`, type: 'baton.referral.received.v1', data: { n, b: [2, 1], a: 'x' } });

function chainOf(count: number): StoredEntryLink[] {
  const events = Array.from({ length: count }, (_, i) => event(i + 1));
  return chainEvents('demo', { seq: 0, hash: genesisHash('demo') }, events, '2026-11-23T10:00:00.000Z');
}

function walk(entries: StoredEntryLink[], anchors: { seq: number; hash: string }[] = []) {
  const walker = new ChainWalker('demo', anchors);
  for (const e of entries) if (!walker.accept(e)) break;
  return walker.finish(undefined);
}

describe('the canonical form of a ledger entry', () => {
  it('sorts keys and leaves out insignificant whitespace (RFC 8785)', () => {
    const text = canonicalEntry({ tenant: 'demo', seq: 1, recordedAt: 't', event: { z: 1, a: { d: 2, c: 1 } } });
    expect(text).toBe('{"event":{"a":{"c":1,"d":2},"z":1},"recordedAt":"t","seq":1,"tenant":"demo","v":1}');
  });

  it('is the same whatever order the event arrived in', () => {
    const a = canonicalEntry({ tenant: 'demo', seq: 1, recordedAt: 't', event: { x: 1, y: 2 } });
    const b = canonicalEntry({ tenant: 'demo', seq: 1, recordedAt: 't', event: { y: 2, x: 1 } });
    expect(a).toBe(b);
  });
});

describe('the hash chain', () => {
  it('starts each tenant from its own genesis hash', () => {
    expect(genesisHash('demo')).not.toBe(genesisHash('other'));
  });

  it('links each entry to the hash of the one before', () => {
    const chain = chainOf(3);
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(chain[0].prevHash).toBe(genesisHash('demo'));
    expect(chain[1].prevHash).toBe(chain[0].hash);
    expect(chain[2].hash).toBe(linkHash(chain[1].hash, chain[2].canonical));
  });

  it('continues from a head', () => {
    const first = chainOf(2);
    const more = chainEvents('demo', { seq: 2, hash: first[1].hash }, [event(3)], '2026-11-23T10:00:00.000Z');
    expect(walk([...first, ...more])).toMatchObject({ ok: true, entries: 3 });
  });
});

describe('walking a chain', () => {
  it('accepts an intact chain and reports its head', () => {
    const chain = chainOf(5);
    expect(walk(chain)).toEqual({ ok: true, entries: 5, headHash: chain[4].hash, firstBroken: undefined });
  });

  it('catches an altered entry at its position', () => {
    const chain = chainOf(5);
    chain[2] = { ...chain[2], canonical: chain[2].canonical.replace('"n":3', '"n":4') };
    expect(walk(chain)).toMatchObject({ ok: false, entries: 2, firstBroken: { seq: 3, problem: 'content-altered' } });
  });

  it('catches a deleted entry', () => {
    const chain = chainOf(5);
    chain.splice(1, 1);
    expect(walk(chain).firstBroken).toMatchObject({ seq: 2, problem: 'sequence-gap', found: '3' });
  });

  it('catches two entries swapped, even when their positions are renumbered', () => {
    const chain = chainOf(5);
    const swapped = [chain[0], { ...chain[2], seq: 2 }, { ...chain[1], seq: 3 }, chain[3], chain[4]];
    expect(walk(swapped).firstBroken).toMatchObject({ seq: 2, problem: 'previous-hash-mismatch' });
  });

  it('catches a chain rewritten from an entry on, against a signed checkpoint', () => {
    const chain = chainOf(5);
    const rewritten = [
      ...chain.slice(0, 2),
      ...chainEvents('demo', { seq: 2, hash: chain[1].hash }, [event(30), event(4), event(5)], 'later'),
    ];
    expect(walk(rewritten, [{ seq: 4, hash: chain[3].hash }]).firstBroken).toMatchObject({
      seq: 4,
      problem: 'checkpoint-mismatch',
    });
  });

  it('catches entries cut from the end, against a checkpoint beyond the end', () => {
    const chain = chainOf(5);
    expect(walk(chain.slice(0, 3), [{ seq: 5, hash: chain[4].hash }]).firstBroken).toMatchObject({
      seq: 4,
      problem: 'truncated',
    });
  });

  it('catches a stored head that disagrees with the chain', () => {
    const chain = chainOf(3);
    const walker = new ChainWalker('demo');
    chain.forEach((e) => walker.accept(e));
    expect(walker.finish({ seq: 4, hash: 'x' }).firstBroken).toMatchObject({ problem: 'head-mismatch' });
  });
});
