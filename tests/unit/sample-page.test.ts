/**
 * The sample page the app opens (assets/samples/luoyang-page.banmian, made by scripts/make-sample.ts),
 * judged from its PDF (poppler), not from the engine's report: full to the foot, no blank hole over
 * issue 16's limit, every character of the OCR'd page's articles printed once, the header and the
 * 栏头 in print, the booked ad on the page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src-core/import';
import { layout } from '../../src-core/layout/layout';
import { gridGeometry } from '../../src-core/model/grid';
import { plainText } from '../../src-core/model/richtext';
import { parseDocument } from '../../src-core/model/serialize';
import { fontProvider } from '../../src-main/fonts/provider';
import { probePdf, type PdfPageProbe } from './makeup-pdf-probe';

const fonts = fontProvider().registry();
const SAMPLE = new URL('../../assets/samples/luoyang-page.banmian', import.meta.url);
const OCR = new URL('../../assets/samples/luoyang-daily-page.txt', import.meta.url);
/** Issue 16: no blank hole over 3 column-lines, every column ending within one line of the foot. */
const HOLE_LIMIT = 3;
const FOOT_SLACK = 1;

function counts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of text.replace(/\s/g, '')) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

/** Characters whose count differs, as `char:want/got`. */
function difference(want: Map<string, number>, got: Map<string, number>): string[] {
  return [...new Set([...want.keys(), ...got.keys()])].filter((ch) => (want.get(ch) ?? 0) !== (got.get(ch) ?? 0)).map((ch) => `${ch}:${want.get(ch) ?? 0}/${got.get(ch) ?? 0}`);
}

/** The OCR'd page's own text, read by the importer (not from the sample): articles, banners and column names. */
async function ocrText(): Promise<string> {
  const r = await importFiles([{ name: 'luoyang-daily-page.txt', bytes: new Uint8Array(readFileSync(OCR)) }]);
  const articles = r.articles.flatMap((a) => [a.kicker, a.headline, a.deck, a.byline, a.lead, a.jumpFrom, plainText(a.body), a.jumpTo]);
  return [...r.page.banners, ...r.page.columnNames, ...articles].join('');
}

/** The top (pt) of the first PDF text line holding `text`. */
function lineTop(probe: PdfPageProbe, text: string): number | undefined {
  return probe.lines.find((l) => l.text.replace(/\s/g, '').includes(text.replace(/\s/g, '')))?.yMin;
}

describe('the sample page, read back from its PDF', () => {
  it('is full to the foot with no hole over 3 column-lines, prints every character of the OCR page’s articles once, nothing overset, with its header, 栏头 and ad', async () => {
    const parsed = parseDocument(readFileSync(SAMPLE, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.en);
    const doc = parsed.document;
    expect(doc.page.header).toMatchObject({ paperName: '洛阳日报', date: '2026-12-03', pageNumber: '2', section: '要闻' });
    const pl = layout(doc, { fonts });
    expect(pl.overset).toEqual([]);
    const probe = await probePdf(doc, fonts);

    const geo = gridGeometry(doc.page);
    expect(probe.holes[0]?.size ?? 0, `largest hole ${JSON.stringify(probe.holes[0])}`).toBeLessThanOrEqual(HOLE_LIMIT);
    for (const [c, foot] of probe.feet.entries()) expect(foot, `column ${c} ends at line ${foot} of ${geo.rows}`).toBeGreaterThanOrEqual(geo.rows - 1 - FOOT_SLACK);

    // What the PDF prints beyond the articles: the header, the picture's caption and the ad's lines.
    const furniture = pl.items.flatMap((it) => (it.kind === 'glyphs' && (it.source?.field === 'header' || it.source?.field === 'caption') ? [it.text] : [])).join('');
    const printed = counts(probe.text);
    for (const [ch, n] of counts(furniture)) printed.set(ch, (printed.get(ch) ?? 0) - n);
    for (const [ch, n] of printed) if (n === 0) printed.delete(ch);
    expect(difference(counts(await ocrText()), printed), 'characters in the OCR page / printed').toEqual([]);

    // The header above the grid: paper name, 版次·版名·date with its weekday (2026-12-03 is a
    // Thursday), credits; the 栏头 over its article's headline.
    for (const text of ['洛阳日报', '第2版', '要闻', '2026年12月3日 星期四', '校对：王岚', '组版：晓南']) expect(lineTop(probe, text) ?? Infinity, `${text} printed above the grid`).toBeLessThan(geo.top);
    // 版次, 版名 and date print as one line (pdftotext splits it at the ideographic spaces)
    expect(new Set(['第2版', '要闻', '2026年12月3日 星期四'].map((text) => lineTop(probe, text))).size).toBe(1);
    const column = lineTop(probe, '一把手访谈');
    const headline = lineTop(probe, '真抓实干谋发展 奋勇争先谱新篇');
    expect(column).toBeDefined();
    expect(headline).toBeDefined();
    expect(column!).toBeLessThan(headline!);
    expect(probe.text).toContain('公益广告');
  });
});
