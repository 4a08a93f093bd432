import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { layout } from '../../src-core/layout/layout';
import type { GlyphRun } from '../../src-core/layout/page-layout';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { exportPdf } from '../../src-core/pdf';
import { preflight } from '../../src-core/preflight';
import { pageToSvg } from '../../src-core/svg/page-svg';
import { fontProvider } from '../../src-main/fonts/provider';
import { cleanPage } from '../fixtures/pdf/pages';
import { serializeDocument } from '../../src-core/model/serialize';
import { run as layoutCommand } from '../../src-main/cli/commands/layout';
import { run as preflightCommand } from '../../src-main/cli/commands/preflight';
import { rareChar } from './test-fonts';

const fonts = fontProvider().registry();
const song = fonts.faceById('song-regular')!;
const kai = fonts.faceById('kai-regular')!;
const dir = mkdtempSync(join(tmpdir(), 'banmian-fallback-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('生僻字: a character the chosen face lacks comes from the next face of the chain that has it', () => {
  const rare = rareChar(song, kai);
  const doc = cleanPage();
  doc.articles = doc.articles.map((a) => (a.id === 'soe-ranking' ? { ...a, body: docFromParagraphs([`王${rare}先生说，国企年度盘点榜单展现洛阳力量。`]) } : a));
  const pl = layout(doc, { fonts });
  const runs = pl.items.filter((i): i is GlyphRun => i.kind === 'glyphs' && i.text.includes(rare));

  it('is laid out in the 楷 face, alone in its run, the rest of the line in 宋', () => {
    expect(song.hasGlyph(rare.codePointAt(0)!)).toBe(false);
    expect(runs.map((r) => [r.face, r.text])).toEqual([['kai-regular', rare]]);
    expect(pl.items.some((i) => i.kind === 'glyphs' && i.face === 'song-regular' && i.text.includes('先生说'))).toBe(true);
    expect(pl.missingGlyphs).toEqual([]);
  });

  it('is drawn on screen with the 楷 face', () => {
    const svg = pageToSvg(pl, { fontFamily: (id) => `bm-${id}` });
    expect(svg).toMatch(new RegExp(`font-family="bm-kai-regular"[^>]*>(<tspan[^>]*>)?${rare}<`, 'u'));
  });

  it('is reported by preflight: the character, both faces and the article, a warning', () => {
    const r = preflight(doc, pl, { fonts });
    const hits = r.warnings.filter((w) => w.code === 'glyph-fallback');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ articleId: 'soe-ranking', face: 'song-regular', count: 1 });
    expect(hits[0].zh).toContain(`“${rare}”`);
    expect(hits[0].zh).toContain(song.postscriptName);
    expect(hits[0].zh).toContain(kai.postscriptName);
    expect(hits[0].en).toContain('Rare character');
    expect(r.errors.filter((e) => e.code === 'missing-glyph')).toEqual([]);
  });

  it('is embedded in the PDF from the 楷 face and extracted as text (pdffonts, pdftotext)', async () => {
    const out = await exportPdf(pl, { fonts, createdAt: new Date('2024-01-16T14:30:00Z'), marks: false });
    if (!out.ok) throw new Error(out.en);
    expect(out.info.missingGlyphs).toEqual([]);
    const path = join(dir, 'fallback.pdf');
    writeFileSync(path, out.bytes);
    const table = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(table).toMatch(new RegExp(`[A-Z]{6}\\+${kai.postscriptName}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    expect(text).toContain(`王${rare}先生说`);
  });

  it('is reported by `banmian layout` and `banmian preflight`: the character, both faces and the article (text and --json)', async () => {
    const page = join(dir, 'rare.banmian');
    writeFileSync(page, serializeDocument(doc));
    const printed = async (run: (args: string[]) => Promise<number>, args: string[]) => {
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      try {
        await run(args);
        return log.mock.calls.map((c) => String(c[0])).join('\n');
      } finally {
        log.mockRestore();
      }
    };
    const cp = `U+${rare.codePointAt(0)!.toString(16).toUpperCase()}`;
    expect(await printed(layoutCommand, [page])).toContain(`  生僻字 fallback: ${rare} (${cp}) not in ${song.postscriptName}, from ${kai.postscriptName}, 1× (soe-ranking)`);
    expect(JSON.parse(await printed(layoutCommand, [page, '--json'])).glyphFallbacks).toEqual([{ char: rare, face: 'song-regular', owner: 'soe-ranking', count: 1, via: 'kai-regular' }]);
    expect(await printed(preflightCommand, [page])).toContain(`生僻字：“${rare}”（${cp}）字体 ${song.postscriptName} 中没有，改用后备字体 ${kai.postscriptName}`);
  });
});
