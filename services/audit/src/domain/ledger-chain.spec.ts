import {
  CONTENT_ERASED,
  chainEvents,
  canonicalEntry,
  genesisHash,
  linkHash,
  readLink,
  type ChainedEntry,
} from './ledger-chain.js';
import { ChainWalker, type StoredEntryLink } from './chain-verification.js';

const event = (n: number) => ({ id: `e${n}`, type: 'baton.referral.received.v1', data: { n, b: [2, 1], a: 'x' } });

function chainOf(count: number): ChainedEntry[] {
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
    expect(text).toBe('{"event":{"a":{"c":1,"d":2},"z":1},"recordedAt":"t","seq":1,"tenant":"demo","v":2}');
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
    expect(chain[2].hash).toBe(linkHash(chain[1].hash, chain[2].link));
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

/** A form-1 chain, as entries were written before erasable content: the whole text is what is chained. */
function firstFormChainOf(count: number): StoredEntryLink[] {
  let hash = genesisHash('demo');
  return Array.from({ length: count }, (_, i) => {
    const canonical = canonicalEntry({ tenant: 'demo', seq: i + 1, recordedAt: 't', event: event(i + 1) }, 1);
    const prevHash = hash;
    hash = linkHash(prevHash, canonical);
    return { seq: i + 1, canonical, prevHash, hash };
  });
}

/** Erases the content of `seqs` and appends the erasure entry naming them, as LedgerErasure does. */
function eraseAndRecord(chain: ChainedEntry[], seqs: number[]): StoredEntryLink[] {
  const erased: StoredEntryLink[] = chain.map((e) =>
    seqs.includes(e.seq) ? { ...e, canonical: null, salt: null } : e,
  );
  const last = chain[chain.length - 1];
  const erasure = { id: 'x1', type: CONTENT_ERASED, familyid: 'f1', data: { familyId: 'f1', erasedSeqs: seqs } };
  return [...erased, ...chainEvents('demo', { seq: last.seq, hash: last.hash }, [erasure], 'later')];
}

describe('erasing content (entry form 2)', () => {
  it('keeps verifying once content is erased and an erasure entry after it names it', () => {
    const chain = eraseAndRecord(chainOf(5), [2, 4]);
    expect(walk(chain)).toMatchObject({ ok: true, entries: 6 });
  });

  it('fails at the first entry whose content went without an erasure entry naming it', () => {
    const chain = eraseAndRecord(chainOf(5), [4]);
    chain[1] = { ...chain[1], canonical: null, salt: null };
    expect(walk(chain)).toMatchObject({ ok: false, firstBroken: { seq: 2, problem: 'content-missing' } });
  });

  it('fails when content goes with no erasure entry at all', () => {
    const chain: StoredEntryLink[] = chainOf(3);
    chain[2] = { ...chain[2], canonical: null, salt: null };
    expect(walk(chain).firstBroken).toMatchObject({ seq: 3, problem: 'content-missing' });
  });

  it('still catches remaining content altered after an erasure', () => {
    const chain = eraseAndRecord(chainOf(5), [2]);
    const third = chain[2] as ChainedEntry;
    chain[2] = { ...third, canonical: third.canonical.replace('"n":3', '"n":4') };
    expect(walk(chain).firstBroken).toMatchObject({ seq: 3, problem: 'content-altered' });
  });

  it('catches a changed salt, a changed link and a forged erasure entry', () => {
    const salted: StoredEntryLink[] = chainOf(3);
    salted[1] = { ...salted[1], salt: '00'.repeat(32) };
    expect(walk(salted).firstBroken).toMatchObject({ seq: 2, problem: 'content-altered' });

    const linked: StoredEntryLink[] = chainOf(3);
    linked[1] = { ...linked[1], link: (linked[1].link as string).replace('"seq":2', '"seq":2,"erases":[1]') };
    expect(walk(linked).firstBroken).toMatchObject({ seq: 2, problem: 'content-altered' });

    // An erasure entry slipped in mid-chain breaks the links after it.
    const chain = chainOf(4);
    const forged = eraseAndRecord(chain.slice(0, 2), [1]);
    expect(walk([...forged, ...chain.slice(2).map((e) => ({ ...e, seq: e.seq + 1 }))]).firstBroken).toMatchObject({
      seq: 4,
      problem: 'previous-hash-mismatch',
    });
  });

  it('leaves a digest that cannot confirm a guess of the erased content without its salt', () => {
    const [one, two] = chainEvents('demo', { seq: 0, hash: genesisHash('demo') }, [event(1)], 't').concat(
      chainEvents('demo', { seq: 0, hash: genesisHash('demo') }, [event(1)], 't'),
    );
    expect(one.canonical).toBe(two.canonical);
    expect(one.link).not.toBe(two.link);
  });

  it('verifies entries written in form 1, and catches their content removed', () => {
    expect(walk(firstFormChainOf(3))).toMatchObject({ ok: true, entries: 3 });
    const cut = firstFormChainOf(3);
    cut[1] = { ...cut[1], canonical: null };
    expect(walk(cut).firstBroken).toMatchObject({ seq: 2, problem: 'content-missing' });
  });

  it('reads a link’s digest and erasures as parsing it would', () => {
    const [plain] = chainOf(1);
    const [erasure] = eraseAndRecord(chainOf(1), [1]).slice(-1) as ChainedEntry[];
    for (const { link } of [plain, erasure]) {
      const parsed = JSON.parse(link) as { contentDigest: string; erases?: number[] };
      expect(readLink(link)).toEqual({ contentDigest: parsed.contentDigest, erases: parsed.erases });
    }
    expect(readLink(erasure.link).erases).toEqual([1]);
  });

  it('refuses to chain an erasure entry whose positions are not integers', () => {
    const erasure = { id: 'x1', type: CONTENT_ERASED, data: { erasedSeqs: ['2'] } };
    expect(() => chainEvents('demo', { seq: 0, hash: genesisHash('demo') }, [erasure], 't')).toThrow(/erasedSeqs/);
  });
});
