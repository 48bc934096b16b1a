/** SHA-256 of bytes as hex, via Web Crypto (both runtimes). */

/** Hex SHA-256 of `bytes` (a file's bytes, or text encoded as UTF-8). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as unknown as ArrayBuffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
