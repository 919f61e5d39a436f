import { createHash, randomBytes } from 'node:crypto';
import canonicalize from 'canonicalize';
import { ledgerIndexOf, type LedgerIndex } from './ledger-index.js';

/**
 * Version of the entry form. Form 1 chained the entry's whole text; form 2 chains a link holding a salted digest of
 * it, so the text (which holds personal data) can be erased and the chain still proves itself
 * (docs/decisions/0001). Entries of form 1 still verify as they were written.
 */
export const ENTRY_FORM_VERSION = 2;

/** The event type of the ledger's own record of an erasure; its link names the entries whose content went. */
export const CONTENT_ERASED = 'baton.audit.content-erased.v1';

/** An event as the ledger keeps it: the envelope exactly as received (JSON), with its place in the tenant's chain. */
export interface LedgerEntryContent {
  tenant: string;
  seq: number;
  recordedAt: string;
  event: object;
}

/**
 * What the chain covers in form 2, kept for ever: the entry's place, what it is about (ids only, no personal
 * detail), and the salted digest of its content. An erasure entry also lists the positions whose content it erased.
 */
export interface EntryLink {
  v: 2;
  tenant: string;
  seq: number;
  recordedAt: string;
  index: LedgerIndex;
  contentDigest: string;
  erases?: number[];
}

/** A chained entry: its content, the salt and link that bind it, and the hashes that join it to the one before. */
export interface ChainedEntry {
  tenant: string;
  seq: number;
  /** RFC 8785 text of the entry: the envelope with its place. Personal data; erasable. */
  canonical: string;
  /** 32 random bytes (hex), erased with the content so the digest left behind confirms no guess. */
  salt: string;
  /** RFC 8785 text of the {@link EntryLink}: what the hash covers. */
  link: string;
  index: LedgerIndex;
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

function canonical(value: object): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('ledger entry has no JSON form');
  return text;
}

/** RFC 8785 (JSON Canonicalization Scheme) text of an entry's content. */
export function canonicalEntry(content: LedgerEntryContent, form: 1 | 2 = ENTRY_FORM_VERSION): string {
  return canonical({ v: form, ...content });
}

/** The digest binding content to its link: sha256 over the salt's bytes, then the content's text. */
export function contentDigest(saltHex: string, content: string): string {
  return createHash('sha256').update(Buffer.from(saltHex, 'hex')).update(content).digest('hex');
}

/** Each entry's hash covers the previous entry's hash and what the entry's form chains (form 2: its link). */
export function linkHash(prevHash: string, chained: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(chained).digest('hex');
}

const LINK_OPENING = '{"contentDigest":"';
const ERASES_AT = LINK_OPENING.length + 64 + 2;

/**
 * A link's content digest and the positions it erases, read without parsing the whole link: RFC 8785 sorts the keys,
 * so every link opens with its digest, followed by `erases` when it has one. Only for a link whose hash has been
 * checked (it is then exactly as the writer made it).
 */
export function readLink(link: string): Pick<EntryLink, 'contentDigest' | 'erases'> {
  if (!link.startsWith(LINK_OPENING) || link.startsWith('"erases":', ERASES_AT)) {
    const parsed = JSON.parse(link) as EntryLink;
    return { contentDigest: parsed.contentDigest, erases: parsed.erases };
  }
  return { contentDigest: link.slice(LINK_OPENING.length, LINK_OPENING.length + 64) };
}

/** The positions an erasure entry says it erased (none for any other entry). */
function erasedBy(event: Record<string, unknown>): number[] | undefined {
  if (event.type !== CONTENT_ERASED) return undefined;
  const seqs = (event.data as { erasedSeqs?: unknown } | undefined)?.erasedSeqs;
  if (!Array.isArray(seqs) || !seqs.every((s) => Number.isSafeInteger(s)))
    throw new Error(`${CONTENT_ERASED} must list erasedSeqs as integers`);
  return [...(seqs as number[])].sort((a, b) => a - b);
}

/**
 * Appends `events` (in order) after `head` on `tenant`'s chain, in form 2. Pure but for the salts (`salt` is for
 * tests): the caller holds the tenant's lock and stores the result.
 */
export function chainEvents(
  tenant: string,
  head: ChainHead,
  events: object[],
  recordedAt: string,
  salt: () => string = () => randomBytes(32).toString('hex'),
): ChainedEntry[] {
  let { seq, hash } = head;
  return events.map((event) => {
    seq += 1;
    const content = canonicalEntry({ tenant, seq, recordedAt, event });
    const entrySalt = salt();
    const index = ledgerIndexOf(event as Record<string, unknown>);
    const erases = erasedBy(event as Record<string, unknown>);
    const link: EntryLink = {
      v: 2,
      tenant,
      seq,
      recordedAt,
      index,
      contentDigest: contentDigest(entrySalt, content),
      ...(erases ? { erases } : {}),
    };
    const linkText = canonical(link);
    const prevHash = hash;
    hash = linkHash(prevHash, linkText);
    return { tenant, seq, canonical: content, salt: entrySalt, link: linkText, index, prevHash, hash };
  });
}
