/**
 * Issue 20, a font with no Chinese characters (DejaVu and the like): listed apart in the face
 * picker (无汉字), given no role by `fonts`, and a page that sets a style in it hears so once from
 * preflight rather than once per character.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createFontProvider } from '../../src-core/fonts/provider';
import { layout } from '../../src-core/layout/layout';
import { preflight } from '../../src-core/preflight';
import { main } from '../../src-main/cli/index';
import { installedSource, listInstalledFonts } from '../../src-main/fonts/installed';
import { fontProvider } from '../../src-main/fonts/provider';
import { familyChoices } from '../../src-renderer/ui/family-choices';
import { cleanPage } from '../fixtures/pdf/pages';
import { CWTEX_FANGSONG } from './test-fonts';
import { sharedBundledSource } from './test-fonts';

const dir = mkdtempSync(join(tmpdir(), 'banmian-no-chinese-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The bundled 宋 cut down by harfbuzz to Latin letters and digits: a real font, just no ideographs.
const latin = join(dir, 'latin-only.ttf');
writeFileSync(latin, await subsetFont(Buffer.from(fontProvider().bytes('song-regular')!), 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', { targetFormat: 'sfnt' }));
const listing = () => listInstalledFonts([dir, CWTEX_FANGSONG.replace(/\/[^/]+$/, '')], { cacheFile: null });
const provider = createFontProvider([sharedBundledSource(), installedSource(listing)]);
const latinFamily = provider.faces().find((f) => f.postscriptName === 'NotoSerifSC-Regular' && f.onDemand)!.family;

describe('a font with no Chinese characters', () => {
  it('is listed apart in the face picker, marked 无汉字, after the Chinese installed fonts', () => {
    const choices = familyChoices(provider.registry(), 'song');
    const mark = choices.find((c) => c.family === latinFamily)!;
    expect(mark).toMatchObject({ group: 'latin', text: 'Noto Serif SC（无汉字 no Chinese）' });
    const fangsong = choices.find((c) => c.text.includes('仿宋'))!;
    expect(fangsong.group).toBe('installed');
    expect(choices.indexOf(mark)).toBeGreaterThan(choices.indexOf(fangsong));
  });

  it('gets no role from `fonts`, text and JSON', async () => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await main(['fonts', '--json', '--dir', dir])).toBe(0);
      expect(JSON.parse(String(out.mock.calls[0][0])).fonts).toMatchObject([{ postscriptName: 'NotoSerifSC-Regular', role: null }]);
      out.mockClear();
      expect(await main(['fonts', '--dir', dir])).toBe(0);
      expect(String(out.mock.calls[0][0])).toContain('无汉字 no Chinese');
      expect(String(out.mock.calls[0][0])).not.toContain('角色 role');
    } finally {
      out.mockRestore();
    }
  });

  it('set as a style is said once by preflight (no Chinese characters), not once per character', () => {
    const fonts = provider.registry();
    const doc = cleanPage();
    doc.page.styles.body = { ...doc.page.styles.body, family: latinFamily };
    const r = preflight(doc, layout(doc, { fonts }), { fonts });
    const all = [...r.errors, ...r.warnings];
    const face = fonts.faceIdOf(latinFamily, false)!;
    expect(all.filter((w) => w.code === 'glyph-fallback' && w.face === face)).toEqual([]);
    const said = all.filter((w) => w.code === 'no-chinese-face');
    expect(said).toHaveLength(1);
    expect(said[0].zh).toMatch(/^字体 NotoSerifSC-Regular 没有汉字：用它的样式中 \d+ 个汉字/);
    expect(said[0].count).toBeGreaterThan(100);
  });
});
