import { contentDigest, genesisHash, linkHash, readLink, type ChainHead } from './ledger-chain.js';

/** What went wrong at the first broken link. */
export type BrokenLinkProblem =
  /** A sequence number is missing, repeated or out of order: an entry was deleted, inserted or moved. */
  | 'sequence-gap'
  /** The entry does not point at the previous entry's hash: entries were removed or reordered. */
  | 'previous-hash-mismatch'
  /** The entry's content (or its link) does not hash to what the chain recorded: it was altered. */
  | 'content-altered'
  /** The entry's content is gone and no erasure entry after it says it was erased. */
  | 'content-missing'
  /** A signed checkpoint records another hash at this position: the chain was rewritten from here on. */
  | 'checkpoint-mismatch'
  /** A signed checkpoint lies beyond the chain's end: entries at the end were removed. */
  | 'truncated'
  /** A lookup column (family, records, people, type...) disagrees with the entry it indexes (deep verification). */
  | 'index-mismatch'
  /** The stored head (last position and hash) disagrees with the chain. */
  | 'head-mismatch'
  /** A checkpoint's signature does not verify. */
  | 'checkpoint-signature-invalid';

export interface BrokenLink {
  seq: number;
  problem: BrokenLinkProblem;
  expected: string;
  found: string;
}

/** An entry as stored: form 1 has no link (its content is what is chained); form 2's content and salt may be erased. */
export interface StoredEntryLink {
  seq: number;
  canonical: string | null;
  salt?: string | null;
  link?: string | null;
  prevHash: string;
  hash: string;
}

/** A position and hash the chain must pass through, from a signed checkpoint. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

/**
 * Walks one tenant's chain entry by entry, in sequence order, keeping only the last hash: memory stays flat
 * however long the chain. Stops at the first broken link.
 */
export class ChainWalker {
  private seq = 0;
  private hash: string;
  private broken?: BrokenLink;
  /** Positions whose content is gone, until an erasure entry after them says it erased them. */
  private readonly erased = new Set<number>();
  private readonly anchors: Map<number, string>;

  constructor(tenant: string, anchors: readonly ChainAnchor[] = []) {
    this.hash = genesisHash(tenant);
    this.anchors = new Map(anchors.map((a) => [a.seq, a.hash]));
  }

  /** Checks the next entry; false once a link is broken (the rest need not be read). */
  accept(entry: StoredEntryLink): boolean {
    if (this.broken) return false;
    const expectedSeq = this.seq + 1;
    if (entry.seq !== expectedSeq)
      return this.fail(expectedSeq, 'sequence-gap', String(expectedSeq), String(entry.seq));
    if (entry.prevHash !== this.hash) return this.fail(entry.seq, 'previous-hash-mismatch', this.hash, entry.prevHash);
    const chained = entry.link ?? entry.canonical;
    if (chained === null) return this.fail(entry.seq, 'content-missing', 'the entry as written', 'no content');
    const recomputed = linkHash(this.hash, chained);
    if (recomputed !== entry.hash) return this.fail(entry.seq, 'content-altered', recomputed, entry.hash);
    if (entry.link) {
      const link = readLink(entry.link);
      if (entry.canonical === null) this.erased.add(entry.seq);
      else {
        const digest = contentDigest(entry.salt ?? '', entry.canonical);
        if (digest !== link.contentDigest) return this.fail(entry.seq, 'content-altered', link.contentDigest, digest);
      }
      for (const seq of link.erases ?? []) this.erased.delete(seq);
    }
    const anchored = this.anchors.get(entry.seq);
    if (anchored !== undefined && anchored !== entry.hash) {
      return this.fail(entry.seq, 'checkpoint-mismatch', anchored, entry.hash);
    }
    this.seq = entry.seq;
    this.hash = entry.hash;
    return true;
  }

  /** Records a problem found outside the chain (a deep check of the lookup columns) at the entry about to be accepted. */
  reject(seq: number, problem: BrokenLinkProblem, expected: string, found: string): false {
    if (this.broken) return false;
    return this.fail(seq, problem, expected, found);
  }

  /** After the last entry: checks the end of the chain against the checkpoints and the stored head. */
  finish(head: ChainHead | undefined): ChainVerdict {
    if (!this.broken && this.erased.size > 0) {
      const first = [...this.erased].reduce((a, b) => Math.min(a, b));
      this.fail(first, 'content-missing', 'an erasure entry naming it', 'no content and no erasure entry');
    }
    if (!this.broken) {
      const beyond = [...this.anchors.keys()].filter((seq) => seq > this.seq).sort((a, b) => a - b)[0];
      if (beyond !== undefined)
        this.fail(this.seq + 1, 'truncated', `entries up to ${beyond}`, `entries up to ${this.seq}`);
      else if (head && (head.seq !== this.seq || head.hash !== this.hash)) {
        this.fail(this.seq, 'head-mismatch', `${head.seq}:${head.hash}`, `${this.seq}:${this.hash}`);
      }
    }
    return { ok: !this.broken, entries: this.seq, headHash: this.hash, firstBroken: this.broken };
  }

  private fail(seq: number, problem: BrokenLinkProblem, expected: string, found: string): false {
    this.broken = { seq, problem, expected, found };
    return false;
  }
}

export interface ChainVerdict {
  ok: boolean;
  /** Entries verified in order before the first broken link (all of them when ok). */
  entries: number;
  headHash: string;
  firstBroken?: BrokenLink;
}
