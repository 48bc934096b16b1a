import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, parsePasswordHash, passwordProblem, verifyAgainstDummy, verifyPassword } from '../../src/review/auth/password';
import { constantTimeEqual, constantTimeEqualText } from '../../src/review/auth/encoding';
import { PBKDF2_ITERATIONS } from '../../src/review/settings';

describe('password hashing (PBKDF2-SHA256 via WebCrypto)', () => {
  it('round-trips: the right password verifies, others do not', async () => {
    const stored = await hashPassword('rätt häst batteri häftklammer', 1000);
    expect(await verifyPassword('rätt häst batteri häftklammer', stored)).toBe(true);
    expect(await verifyPassword('rätt häst batteri häftklammeR', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });
  it('stores scheme, iteration count, a per-hash random salt and a 32-byte hash', async () => {
    const a = await hashPassword('same password here', 1000);
    const b = await hashPassword('same password here', 1000);
    expect(a).toMatch(/^pbkdf2-sha256\$1000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b); // different salts
    expect(parsePasswordHash(a)!.salt).toHaveLength(16);
    expect(parsePasswordHash(a)!.hash).toHaveLength(32);
  });
  it('verifies with the iteration count stored in the hash, and defaults to 600 000 for new hashes', async () => {
    const low = await hashPassword('a long enough password', 2000);
    expect(await verifyPassword('a long enough password', low)).toBe(true);
    // Same salt and hash but a different stored count no longer verifies.
    expect(await verifyPassword('a long enough password', low.replace('$2000$', '$2001$'))).toBe(false);
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    const strong = await hashPassword('a long enough password');
    expect(strong.split('$')[1]).toBe('600000');
    expect(await verifyPassword('a long enough password', strong)).toBe(true);
  });
  it('normalises Unicode (NFC) so composed and decomposed å are the same password', async () => {
    const stored = await hashPassword('lösenordet på åäö', 1000);
    expect(await verifyPassword('lösenordet på åäö'.normalize('NFD'), stored)).toBe(true);
  });
  it('refuses malformed or out-of-bounds hashes instead of throwing', async () => {
    for (const bad of ['', 'plain', 'pbkdf2-sha256$10$AAAA$AAAA', 'pbkdf2-sha256$999999999$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==', 'md5$1000$a$b', 'pbkdf2-sha256$1000$***$***']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
    await expect(hashPassword('x', 10)).rejects.toThrow(/iterations/);
  });
  it('spends verification time for unknown accounts and never succeeds', async () => {
    expect(await verifyAgainstDummy('anything')).toBe(false);
  });
  it('generates readable random passwords that pass the policy', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = generatePassword();
      expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
      expect(passwordProblem(p)).toBeNull();
      seen.add(p);
    }
    expect(seen.size).toBe(50);
  });
  it('applies the policy: length and no e-mail name', () => {
    expect(passwordProblem('short')).toBe('too_short');
    expect(passwordProblem('x'.repeat(300))).toBe('too_long');
    expect(passwordProblem('my name is olga.officer!', 'olga.officer@af.example')).toBe('contains_email');
    expect(passwordProblem('correct horse battery', 'olga@af.example')).toBeNull();
  });
  it('compares in constant time over the expected value', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false);
    expect(constantTimeEqualText('abc', 'abc')).toBe(true);
    expect(constantTimeEqualText('abc', 'abcd')).toBe(false);
  });
});
