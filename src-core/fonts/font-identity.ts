/**
 * What tells fonts apart when a page names one: a content hash of its bytes, and the bundled role
 * whose face can stand in for it, guessed from its names.
 */

/** A face's content hash: 64-bit FNV-1a over its bytes (two 32-bit lanes), as 16 hex digits. Not for security: it tells two versions of a font apart. */
export function fontHash(bytes: Uint8Array): string {
  let hit = hashes.get(bytes);
  if (hit) return hit;
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x01000193) ^ (a >>> 15);
  }
  hit = (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  hashes.set(bytes, hit);
  return hit;
}
const hashes = new WeakMap<Uint8Array, string>();

/** The role whose bundled face stands in for a font, from what it calls itself (楷, 仿宋, 标宋, 黑/Sans); else 宋. */
export function roleOf(names: readonly string[]): 'song' | 'hei' | 'kai' | 'fangsong' | 'biaosong' {
  const text = names.join(' ');
  if (/楷|kai/i.test(text)) return 'kai';
  if (/仿宋|fangsong/i.test(text)) return 'fangsong';
  if (/标宋|biaosong/i.test(text)) return 'biaosong';
  if (/黑|hei|sans|gothic/i.test(text)) return 'hei';
  return 'song';
}

