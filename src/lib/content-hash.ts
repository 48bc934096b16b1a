/**
 * Content hash of a page's decoded text (SHA-256 via WebCrypto, hex), so an unchanged page is not
 * re-checked on the next crawl.
 */

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
