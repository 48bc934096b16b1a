/**
 * Stable, synchronous finding identity: FNV-1a 64-bit over rule id, normalised match and page,
 * computed with two 32-bit halves (no BigInt, no crypto.subtle) so it runs anywhere.
 */

/** FNV-1a 64 of a string's UTF-16 code units, as 16 hex digits. */
export function fnv1a64(input: string): string {
  // 64-bit offset basis cbf29ce484222325, prime 100000001b3, arithmetic on 16-bit limbs.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h0 ^= c & 0xff;
    // second byte folded in as a separate step so all 16 bits count
    for (let round = 0; round < 2; round++) {
      if (round === 1) h0 ^= c >>> 8;
      // multiply by 0x100000001b3 = 2^40 + 0x1b3
      const t0 = h0 * 0x1b3;
      const t1 = h1 * 0x1b3;
      const t2 = h2 * 0x1b3;
      const t3 = h3 * 0x1b3;
      // + (h << 40): limb shift by 2.5 limbs → h0 << 8 lands in limb 2, h1 << 8 in limb 3
      const s2 = t2 + ((h0 << 8) & 0xffff) ;
      const s3 = t3 + ((h1 << 8) & 0xffff) + (h0 >>> 8);
      h0 = t0 & 0xffff;
      const c1 = t1 + (t0 >>> 16);
      h1 = c1 & 0xffff;
      const c2 = s2 + (c1 >>> 16);
      h2 = c2 & 0xffff;
      h3 = (s3 + (c2 >>> 16)) & 0xffff;
    }
  }
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

/** Fingerprint of a finding: rule + normalised match + page (URL without fragment). */
export function findingFingerprint(ruleId: string, normalisedMatch: string, pageUrl?: string): string {
  const page = pageUrl ? pageUrl.split('#')[0] : '';
  return fnv1a64(`${ruleId}\u0000${normalisedMatch}\u0000${page}`);
}
