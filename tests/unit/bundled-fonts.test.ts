import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontProvider } from '../../src-main/fonts/provider';
import { woffToSfnt } from '../../src-main/fonts/woff';

const require = createRequire(import.meta.url);
const WENKAI = require.resolve('@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff');

describe('the bundled 楷, 标宋 roles', () => {
  const fonts = fontProvider();
  const face = (id: string) => fonts.registry().faceById(id)!;

  it('ships 楷体 as LXGW WenKai and 标宋 as the heavy weights of Noto Serif SC', () => {
    expect(face('kai-regular').postscriptName).toBe('LXGWWenKai-Regular');
    expect(face('kai-bold').postscriptName).toBe('LXGWWenKai-Bold');
    expect(face('biaosong-regular').postscriptName).toBe('NotoSerifSC-ExtraBold');
    expect(face('biaosong-bold').postscriptName).toBe('NotoSerifSC-Black');
    for (const id of ['kai-regular', 'biaosong-regular']) expect(face(id).hasGlyph('楷'.codePointAt(0)!)).toBe(true);
    expect(fonts.registry().familyLabel('kai')).toEqual({ zh: '楷体', en: 'Kai (LXGW WenKai)' });
    expect(fonts.registry().familyLabel('biaosong').zh).toBe('标宋');
  });

  it('hands on TrueType (glyf) bytes, not WOFF, so the PDF writer can embed the 楷 face', () => {
    const bytes = fonts.bytes('kai-regular')!;
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(0)).toBe(0x00010000);
    const font = fontkit.create(bytes as never) as fontkit.Font;
    expect(font.type).toBe('TTF');
    expect(Object.keys((font as unknown as { directory: { tables: object } }).directory.tables)).toContain('glyf');
  });
});

describe('woffToSfnt', () => {
  const woff = new Uint8Array(readFileSync(WENKAI));

  it('gives the face the WOFF wraps: same glyphs, advances and outlines as fontkit reads from the WOFF', () => {
    const fromWoff = fontkit.create(woff as never) as fontkit.Font;
    const fromSfnt = fontkit.create(woffToSfnt(woff, WENKAI) as never) as fontkit.Font;
    expect(fromSfnt.numGlyphs).toBe(fromWoff.numGlyphs);
    expect(fromSfnt.numGlyphs).toBeGreaterThan(30000);
    for (const ch of '楷体字Ag，') {
      const [a, b] = [fromWoff, fromSfnt].map((f) => f.glyphForCodePoint(ch.codePointAt(0)!));
      expect(b.advanceWidth).toBe(a.advanceWidth);
      expect(b.path.toSVG()).toBe(a.path.toSVG());
    }
  });

  it('names the file in zh and en for a file that is not WOFF, and for a truncated one', () => {
    expect(() => woffToSfnt(new TextEncoder().encode('not a font at all, just text here, long enough for a header'), 'x.woff')).toThrow(/字体文件 x\.woff 不是 WOFF 1\.0 文件 \/ Font file x\.woff is not a WOFF 1\.0 file/);
    expect(() => woffToSfnt(woff.subarray(0, 100_000), 'cut.woff')).toThrow(/cut\.woff .*超出文件范围.*outside the file/);
    expect(() => woffToSfnt(woff.subarray(0, 60), 'dir.woff')).toThrow(/dir\.woff 的表目录被截断/);
  });
});
