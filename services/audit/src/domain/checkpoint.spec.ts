import { generateKeyPairSync } from 'node:crypto';
import { checkpointSignatureValid, keyIdOf, signCheckpoint } from './checkpoint.js';

describe('a signed checkpoint', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const statement = {
    tenant: 'demo',
    count: 42,
    headHash: 'a'.repeat(64),
    time: '2026-11-06T12:00:00.000Z',
    keyId: keyIdOf(publicKey),
  };

  it('verifies with the public key of the key that signed it', () => {
    expect(checkpointSignatureValid(signCheckpoint(statement, privateKey), publicKey)).toBe(true);
  });

  it('fails when any part of the statement is changed', () => {
    const signed = signCheckpoint(statement, privateKey);
    expect(checkpointSignatureValid({ ...signed, statement: { ...statement, count: 41 } }, publicKey)).toBe(false);
    expect(
      checkpointSignatureValid({ ...signed, statement: { ...statement, headHash: 'b'.repeat(64) } }, publicKey),
    ).toBe(false);
  });

  it('fails under another key, and with a signature that is not one', () => {
    const other = generateKeyPairSync('ed25519');
    expect(checkpointSignatureValid(signCheckpoint(statement, other.privateKey), publicKey)).toBe(false);
    expect(checkpointSignatureValid({ statement, signature: 'not-a-signature' }, publicKey)).toBe(false);
  });
});
