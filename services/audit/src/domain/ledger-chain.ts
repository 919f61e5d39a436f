import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** Version of the canonical entry form; a new form gets a new number so old entries still verify. */
export const ENTRY_FORM_VERSION = 1;

/** An event as the ledger keeps it: the envelope exactly as received (JSON), with its place in the tenant's chain. */
export interface LedgerEntryContent {
  tenant: string;
  seq: number;
  recordedAt: string;
  event: object;
}

/** A chained entry: its canonical text and the hashes that link it to the one before. */
export interface ChainedEntry {
  tenant: string;
  seq: number;
  canonical: string;
  prevHash: string;
  hash: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * The hash before a tenant's first entry. Seeded with the tenant code, so one authority's chain can never be
 * presented as another's.
 */
export function genesisHash(tenant: string): string {
  return createHash('sha256').update(`baton.audit.ledger.genesis:${tenant}`).digest('hex');
}

/** RFC 8785 (JSON Canonicalization Scheme) text of an entry: the exact bytes its hash covers. */
export function canonicalEntry(content: LedgerEntryContent): string {
  const text = canonicalize({ v: ENTRY_FORM_VERSION, ...content });
  if (text === undefined) throw new Error('ledger entry has no JSON form');
  return text;
}

/** Each entry's hash covers the previous entry's hash and the entry's canonical text. */
export function linkHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/**
 * Appends `events` (in order) after `head` on `tenant`'s chain. Pure: the caller holds the tenant's lock and
 * stores the result.
 */
export function chainEvents(tenant: string, head: ChainHead, events: object[], recordedAt: string): ChainedEntry[] {
  let { seq, hash } = head;
  return events.map((event) => {
    seq += 1;
    const canonical = canonicalEntry({ tenant, seq, recordedAt, event });
    const prevHash = hash;
    hash = linkHash(prevHash, canonical);
    return { tenant, seq, canonical, prevHash, hash };
  });
}
