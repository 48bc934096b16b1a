/**
 * Password hashing with PBKDF2-SHA256 through WebCrypto (runs on Node and Workers). A hash is
 * stored as "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>" with a per-user 16-byte salt, so
 * verification always uses the stored iteration count and the count can be raised later.
 * Also: generated passwords and the password policy.
 */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PBKDF2_ITERATIONS, PBKDF2_MAX_ITERATIONS, PBKDF2_MIN_ITERATIONS } from '../settings';
import { constantTimeEqual, fromBase64, randomBytes, toBase64 } from './encoding';

const SCHEME = 'pbkdf2-sha256';
const HASH_BYTES = 32;

async function derive(password: string, salt: Uint8Array, iterations: number, bytes: number): Promise<Uint8Array> {
  // NFC so the same password typed on different keyboards/OSes hashes the same.
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, bytes * 8);
  return new Uint8Array(bits);
}

/** Hashes a password with a fresh random salt; `iterations` defaults to PBKDF2_ITERATIONS. */
export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  if (!Number.isInteger(iterations) || iterations < PBKDF2_MIN_ITERATIONS || iterations > PBKDF2_MAX_ITERATIONS) {
    throw new Error(`PBKDF2 iterations must be ${PBKDF2_MIN_ITERATIONS}–${PBKDF2_MAX_ITERATIONS}`);
  }
  const salt = randomBytes(16);
  const hash = await derive(password, salt, iterations, HASH_BYTES);
  return `${SCHEME}$${iterations}$${toBase64(salt)}$${toBase64(hash)}`;
}

/** The parts of a stored hash, or null when it is not one of ours (or out of bounds). */
export function parsePasswordHash(stored: string): { iterations: number; salt: Uint8Array; hash: Uint8Array } | null {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== SCHEME || !/^\d{1,9}$/.test(parts[1])) return null;
  const iterations = Number(parts[1]);
  if (iterations < PBKDF2_MIN_ITERATIONS || iterations > PBKDF2_MAX_ITERATIONS) return null;
  try {
    const salt = fromBase64(parts[2]);
    const hash = fromBase64(parts[3]);
    if (salt.length < 8 || hash.length < 16) return null;
    return { iterations, salt, hash };
  } catch {
    return null;
  }
}

/** True when `password` matches the stored hash; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.iterations, parsed.hash.length);
  return constantTimeEqual(parsed.hash, candidate);
}

// Hashes of a random password, one per cost, made once: unknown or locked accounts are
// "verified" against one so such a sign-in takes as long as one with a wrong password.
const dummyHashes = new Map<number, Promise<string>>();
/** Spends the time of one verification at `iterations` (the accounts' cost), then returns false. */
export async function verifyAgainstDummy(password: string, iterations = PBKDF2_ITERATIONS): Promise<false> {
  let dummy = dummyHashes.get(iterations);
  if (!dummy) dummyHashes.set(iterations, (dummy = hashPassword(generatePassword(), iterations)));
  await verifyPassword(password, await dummy);
  return false;
}

// No 0/O, 1/l/I: generated passwords are read aloud and typed from print-outs.
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of 4 groups × 5 characters from a 57-letter alphabet (≈ 117 bits). */
export function generatePassword(): string {
  const chars: string[] = [];
  while (chars.length < 20) {
    for (const b of randomBytes(32)) {
      if (b >= 228) continue; // 228 = 4 · 57: no modulo bias
      chars.push(ALPHABET[b % 57]);
      if (chars.length === 20) break;
    }
  }
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/** Why a chosen password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): 'too_short' | 'too_long' | 'contains_email' | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (email && password.toLowerCase().includes(email.toLowerCase().split('@')[0]) && email.split('@')[0].length >= 4) return 'contains_email';
  return null;
}
