import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../src-core/model/defaults';
import { layout } from '../../src-core/layout/layout';
import { samplePageInPageStyles } from '../../bench/pages';
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

  it('keeps the unwrapped 楷 face in node_modules/.cache, the same bytes as unwrapping it again', () => {
    fonts.bytes('kai-regular');
    const dir = join(WENKAI.slice(0, WENKAI.lastIndexOf('node_modules') + 'node_modules'.length), '.cache', 'banmian-fonts');
    const cached = readdirSync(dir).filter((f) => f.startsWith('lxgw-wenkai-latin-500-normal-') && f.endsWith('.ttf'));
    expect(cached).toHaveLength(1);
    const fresh = woffToSfnt(new Uint8Array(readFileSync(WENKAI)), WENKAI);
    expect(Buffer.compare(readFileSync(join(dir, cached[0])), Buffer.from(fresh))).toBe(0);
    expect(Buffer.compare(Buffer.from(fonts.bytes('kai-regular')!), Buffer.from(fresh))).toBe(0);
  });
});

describe('the default styles set faces as Chinese dailies do', () => {
  it('主题 in 标宋, 引题 and 副题 in 黑, 署名 and 图片说明 in 楷, 正文 in 宋', () => {
    const styles = emptyDocument().page.styles;
    const family = Object.fromEntries(Object.entries(styles).map(([name, s]) => [name, s.family]));
    expect(family).toMatchObject({ headline: 'biaosong', kicker: 'hei', deck: 'hei', byline: 'kai', caption: 'kai', body: 'song' });
  });

  it('a new page draws its headline with the 标宋 face and its byline with the 楷 face', () => {
    // in the page's styles alone: the sample's make-up sets some headlines in 黑 per article
    const doc = samplePageInPageStyles();
    const page = { ...doc.page, styles: emptyDocument().page.styles };
    const faces = new Map<string, Set<string>>();
    for (const i of layout({ ...doc, page }, { fonts: fontProvider().registry() }).items) {
      if (i.kind !== 'glyphs' || !i.source) continue;
      faces.set(i.source.field, (faces.get(i.source.field) ?? new Set()).add(i.face));
    }
    expect([...faces.get('headline')!]).toEqual(['biaosong-regular']);
    expect([...faces.get('byline')!]).toEqual(['kai-regular']);
    expect([...faces.get('body')!]).toEqual(['song-regular']);
  });
});

describe('woffToSfnt', () => {
  const woff = new Uint8Array(readFileSync(WENKAI));

  it('gives the tables the WOFF wraps, each with the checksum the WOFF recorded for the original', () => {
    const sfnt = woffToSfnt(woff, WENKAI);
    const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
    const woffView = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
    const count = view.getUint16(4);
    expect(count).toBe(woffView.getUint16(12));
    for (let i = 0; i < count; i++) {
      const [tag, recorded, offset, length] = [0, 4, 8, 12].map((d) => view.getUint32(12 + i * 16 + d));
      expect(offset % 4).toBe(0);
      expect(recorded).toBe(woffView.getUint32(44 + i * 20 + 16));
      const table = sfnt.slice(offset, offset + length);
      // head's checksum is taken with its checkSumAdjustment (bytes 8–11) as zero.
      if (tag === 0x68656164) table.fill(0, 8, 12);
      expect(checksum(table)).toBe(recorded);
    }
    const font = fontkit.create(sfnt as never) as fontkit.Font;
    expect(font.numGlyphs).toBeGreaterThan(30000);
    expect(font.glyphForCodePoint('楷'.codePointAt(0)!).advanceWidth).toBe(font.unitsPerEm);
  });

  it('names the file in zh and en for a file that is not WOFF, and for a truncated one', () => {
    expect(() => woffToSfnt(new TextEncoder().encode('not a font at all, just text here, long enough for a header'), 'x.woff')).toThrow(/字体文件 x\.woff 不是 WOFF 1\.0 文件 \/ Font file x\.woff is not a WOFF 1\.0 file/);
    expect(() => woffToSfnt(woff.subarray(0, 100_000), 'cut.woff')).toThrow(/cut\.woff .*超出文件范围.*outside the file/);
    expect(() => woffToSfnt(woff.subarray(0, 60), 'dir.woff')).toThrow(/dir\.woff 的表目录被截断/);
  });
});

/** The OpenType table checksum: the sum of its big-endian uint32s, zero-padded, modulo 2^32. */
function checksum(table: Uint8Array): number {
  const padded = new Uint8Array((table.length + 3) & ~3);
  padded.set(table);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let at = 0; at < padded.length; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
  return sum;
}
