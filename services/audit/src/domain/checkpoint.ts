import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';

/** A signed statement of a tenant's chain at a moment: anyone holding the public key can check the ledger against it. */
export interface CheckpointStatement {
  tenant: string;
  /** Entries in the chain (the last position). */
  count: number;
  headHash: string;
  /** When the checkpoint was taken. */
  time: string;
  /** SHA-256 fingerprint of the public key, so a verifier knows which key signed. */
  keyId: string;
}

export interface SignedCheckpoint {
  statement: CheckpointStatement;
  /** Ed25519 signature over the statement's RFC 8785 canonical form, base64url. */
  signature: string;
}

function signedBytes(statement: CheckpointStatement): Buffer {
  return Buffer.from(canonicalize(statement) as string, 'utf8');
}

export function signCheckpoint(statement: CheckpointStatement, privateKey: KeyObject): SignedCheckpoint {
  return { statement, signature: sign(null, signedBytes(statement), privateKey).toString('base64url') };
}

export function checkpointSignatureValid(checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, signedBytes(checkpoint.statement), publicKey, Buffer.from(checkpoint.signature, 'base64url'));
  } catch {
    return false;
  }
}

export function publicKeyOf(privateKeyPem: string): KeyObject {
  return createPublicKey(createPrivateKey(privateKeyPem));
}

/** The key id written into checkpoints: base64url SHA-256 of the DER public key. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64url');
}
