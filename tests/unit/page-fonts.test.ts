import { describe, expect, it } from 'vitest';
import { fontHash, roleOf } from '../../src-core/fonts/font-identity';
import { absentFontsNotice, absentPageFonts, withRecordedFonts } from '../../src-core/layout/page-fonts';
import { createFontProvider } from '../../src-core/fonts/provider';
import { layout } from '../../src-core/layout/layout';
import type { BanmianDocument } from '../../src-core/model/document';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { preflight } from '../../src-core/preflight';
import { PageStore } from '../../src-core/store/page-store';
import { serializePage } from '../../src-core/store/persist';
import { FONT_SOURCES } from '../../src-main/fonts/provider';
import { installedFamilyKey, installedSource, listInstalledFonts } from '../../src-main/fonts/installed';
import { samplePage, samplePageInPageStyles } from '../../bench/pages';
import { familyChoices } from '../../src-renderer/ui/family-choices';
import { NOTO_CJK_DIR } from './test-fonts';

const SERIF_SC = installedFamilyKey('Noto Serif CJK SC');
/** The machine the page is made on (the Noto CJK fonts installed) and one without them. */
const here = createFontProvider([...FONT_SOURCES, installedSource(() => listInstalledFonts([NOTO_CJK_DIR]))]).registry();
const elsewhere = createFontProvider(FONT_SOURCES).registry();

/**
 * The sample in its page styles (its articles set their headline face themselves, 标宋 or 黑 regular)
 * with the 主题 in `family` bold, as the sample's 主题 was before it became 标宋 regular: the bold
 * weight is the one recorded, opened and named here.
 */
function headlineIn(family: string): BanmianDocument {
  const doc = samplePageInPageStyles();
  return { ...doc, page: { ...doc.page, styles: { ...doc.page.styles, headline: { ...doc.page.styles.headline, family, bold: true } } } };
}

const headlineFaces = (doc: BanmianDocument, fonts = elsewhere): Set<string> => {
  const pl = layout(doc, { fonts });
  return new Set(pl.items.flatMap((i) => (i.kind === 'glyphs' && i.source?.field === 'headline' ? [i.face] : [])));
};

describe('a page records the fonts it uses', () => {
  it('hashes bytes with FNV-1a (the first lane is the published 32-bit FNV-1a)', () => {
    expect(fontHash(new TextEncoder().encode('a')).slice(0, 8)).toBe('e40c292c');
    expect(fontHash(new TextEncoder().encode('foobar')).slice(0, 8)).toBe('bf9cf968');
    expect(fontHash(new Uint8Array([1, 2]))).not.toBe(fontHash(new Uint8Array([2, 1])));
  });

  it('takes a stand-in role from the font’s names', () => {
    expect(['方正楷体简体', 'FZFangSong-Z02', '方正小标宋简体', 'Noto Sans CJK SC', 'FZShuSong'].map((n) => roleOf([n]))).toEqual(['kai', 'fangsong', 'biaosong', 'hei', 'song']);
  });

  const saved = withRecordedFonts(headlineIn(SERIF_SC), here);

  it('records an installed face (family, weight, names, role, content hash) and nothing for the bundled roles', () => {
    expect(saved.page.fonts).toEqual([{ family: SERIF_SC, bold: true, name: { zh: 'Noto Serif CJK SC', en: 'Noto Serif CJK SC' }, postscriptName: 'NotoSerifCJKsc-Bold', role: 'song', hash: expect.stringMatching(/^[0-9a-f]{16}$/) }]);
    expect(saved.page.fonts![0].hash).toBe(fontHash(here.faceById(`${SERIF_SC}-bold`)!.bytes));
    expect(withRecordedFonts(samplePage(), here).page.fonts).toBeUndefined();
  });

  it('keeps the record through the file and the page store (saving writes it back)', () => {
    const parsed = parseDocument(serializeDocument(saved));
    if (!parsed.ok) throw new Error(parsed.en);
    expect(parsed.document.page.fonts).toEqual(saved.page.fonts);
    const again = parseDocument(serializePage(new PageStore(parsed.document)));
    if (!again.ok) throw new Error(again.en);
    expect(again.document.page.fonts).toEqual(saved.page.fonts);
  });

  it('refuses a damaged record naming the field, zh and en', () => {
    const bad = JSON.parse(serializeDocument(saved));
    bad.page.fonts[0].hash = 'xyz';
    bad.page.fonts[0].role = 'comic';
    const r = parseDocument(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    const { zh, en } = r as { zh: string; en: string };
    expect(zh).toContain('page.fonts[0].hash');
    expect(en).toContain('page.fonts[0].role');
  });

  it('says which font is missing on a machine without it, draws it in the role’s face, and saving keeps the choice', () => {
    expect(absentPageFonts(saved, here)).toEqual([]);
    const absent = absentPageFonts(saved, elsewhere);
    expect(absent).toEqual([{ font: saved.page.fonts![0], kind: 'missing' }]);
    const notice = absentFontsNotice(absent, elsewhere)!;
    expect(notice.zh).toBe('本机缺少版面所用的字体：“Noto Serif CJK SC”（粗）暂以宋体代替。保存时仍保留原字体。');
    expect(notice.en).toContain('Noto Serif CJK SC (bold), drawn in Song (Noto Serif SC) meanwhile');

    expect(headlineFaces(saved, elsewhere)).toEqual(new Set(['song-bold']));
    const report = preflight(saved, layout(saved, { fonts: elsewhere }), { fonts: elsewhere });
    const missing = report.warnings.filter((w) => w.code === 'font-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0].zh).toContain('“Noto Serif CJK SC”（粗）（NotoSerifCJKsc-Bold）');
    expect(missing[0].en).toContain('Noto Serif CJK SC (bold) (NotoSerifCJKsc-Bold)');
    expect(report.warnings.filter((w) => w.code === 'font-substituted')).toEqual([]);

    expect(familyChoices(elsewhere, SERIF_SC, saved.page.fonts).at(-1)).toEqual({ family: SERIF_SC, text: 'Noto Serif CJK SC（缺字体 missing）', title: 'Noto Serif CJK SC (no font installed)', group: 'missing' });

    const resaved = withRecordedFonts(saved, elsewhere);
    expect(resaved.page.fonts).toEqual(saved.page.fonts);
    expect(resaved.page.styles.headline.family).toBe(SERIF_SC);
  });

  it('tells another version of the font from the one the page was saved with', () => {
    const other = { ...saved, page: { ...saved.page, fonts: [{ ...saved.page.fonts![0], hash: '0123456789abcdef' }] } };
    expect(absentPageFonts(other, here).map((a) => a.kind)).toEqual(['changed']);
    expect(preflight(other, layout(other, { fonts: here }), { fonts: here }).warnings.map((w) => w.code)).toContain('font-changed');
  });
});
