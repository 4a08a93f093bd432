/**
 * Issue 20: a face's per-code-point advance cache gives back the same number on every call (its
 * Float32Array returned the exact advance the first time and the stored 32-bit float, ~1e-8 off, after).
 */
import { describe, expect, it } from 'vitest';
import { FontFace } from '../../src-core/fonts/registry';
import { fontProvider } from '../../src-main/fonts/provider';

/** A fresh face (nothing cached yet) from the bundled bytes of `id`. */
function freshFace(id: string): FontFace {
  const bytes = fontProvider().bytes(id);
  if (!bytes) throw new Error(`no bundled face ${id}`);
  return new FontFace(`fresh-${id}`, 'fresh', false, bytes);
}

describe('the advance cache', () => {
  it('returns the same advance on the first and later calls: the glyph’s own advance as the cache’s 32-bit float', () => {
    for (const id of ['song-regular', 'hei-regular']) {
      const face = freshFace(id);
      // Latin, digits and punctuation: proportional advances, most not a 32-bit float (checked below)
      const cps = Array.from('Wa9%,.gM—', (c) => c.codePointAt(0)!);
      let inexact = 0;
      for (const cp of cps) {
        const first = face.advance(cp);
        expect(face.advance(cp), `${id} U+${cp.toString(16)}`).toBe(first);
        // the cache holds 32-bit floats (256 KB a face): every call returns the glyph's advance as one
        const exact = face.metrics(cp)!.advance;
        expect(first).toBe(Math.fround(exact));
        if (Math.fround(exact) !== exact) inexact++;
      }
      expect(inexact).toBeGreaterThan(0);
    }
  });

  it('a missing glyph is NaN every time, an astral code point cached the same way', () => {
    const face = freshFace('song-regular');
    expect(face.advance(0xe000)).toBeNaN();
    expect(face.advance(0xe000)).toBeNaN();
    const astral = 0x20000;
    const first = face.advance(astral);
    expect(Object.is(face.advance(astral), first)).toBe(true);
  });
});
