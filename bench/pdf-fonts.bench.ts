/**
 * The PDF's font programs: the ≈12,000-character text page exported with the bundled TrueType faces
 * and with CFF-based OpenType faces (Debian's Noto CJK collections, SC face; all four roles from
 * them), export time and file size; and the CFF subsetter against harfbuzz's (subset-font, already
 * a dependency) on the same glyphs: time and deflated bytes of the CFF program.
 * Run: npx tsx bench/pdf-fonts.bench.ts (the CFF lines need .cache/test-fonts, which .ci/run unpacks)
 */
import { existsSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import subsetFont from 'subset-font';
import { createFontProvider, type FontSource } from '../src-core/fonts/provider';
import type { FontRegistry } from '../src-core/fonts/registry';
import { layout } from '../src-core/layout/layout';
import type { PageLayout } from '../src-core/layout/page-layout';
import { exportPdf } from '../src-core/pdf';
import { subsetCff } from '../src-core/pdf/cff';
import { readTrueType } from '../src-core/pdf/truetype';
import { fontProvider } from '../src-main/fonts/provider';
import { NOTO_CJK_DIR } from '../tests/unit/test-fonts';
import { fullTextPage, hanCount } from './pages';
import { median, printFigure, timeRuns } from './stats';

const AT = new Date('2024-01-16T14:30:00Z');
const doc = fullTextPage(12_000, 10);

async function exportFigures(label: string, fonts: FontRegistry): Promise<PageLayout> {
  const page = layout(doc, { fonts });
  const once = async (): Promise<Uint8Array> => {
    const r = await exportPdf(page, { fonts, createdAt: AT });
    if (!r.ok) throw new Error(r.en);
    return r.bytes;
  };
  const ms = median(await timeRuns(15, 3, once));
  const bytes = await once();
  const glyphs = page.items.reduce((n, i) => n + (i.kind === 'glyphs' ? i.xs.length : 0), 0);
  // what the page really draws: the text beyond its blocks is overset, not drawn (~8,900 of the 12,000 Han characters given)
  const han = page.items.reduce((n, i) => n + (i.kind === 'glyphs' ? (i.text.match(/\p{Script=Han}/gu) ?? []).length : 0), 0);
  printFigure(`pdf export, 12k-char page, ${label}, median`, ms, 'ms', `${han} Han characters drawn of ${hanCount(doc)} given (the rest overset), ${glyphs} glyphs in all, 15 runs after 3 warm-up, target ≤ 100 ms`);
  printFigure(`pdf file size, 12k-char page, ${label}`, Math.round(bytes.length / 1024), 'KB', 'target ≤ 400 KB');
  return page;
}

await exportFigures('bundled TrueType faces', fontProvider().registry());
printFigure('peak memory after the TrueType export (max RSS)', Math.round(process.resourceUsage().maxRSS / 1024), 'MB');

const SERIF = `${NOTO_CJK_DIR}NotoSerifCJK-Regular.ttc`;
if (!existsSync(SERIF)) {
  console.log('pdf export with CFF faces: skipped (run .ci/run once to unpack the Noto CJK collections into .cache/test-fonts)');
} else {
  const file = (name: string) => (): Uint8Array => new Uint8Array(readFileSync(`${NOTO_CJK_DIR}${name}`));
  const cjk: FontSource = {
    name: { zh: 'Noto CJK', en: 'Noto CJK' },
    faces: () => [
      { id: 'song-regular', family: 'song', bold: false, index: 2, bytes: file('NotoSerifCJK-Regular.ttc') },
      { id: 'song-bold', family: 'song', bold: true, index: 2, bytes: file('NotoSerifCJK-Bold.ttc') },
      { id: 'hei-regular', family: 'hei', bold: false, index: 2, bytes: file('NotoSansCJK-Regular.ttc') },
      { id: 'hei-bold', family: 'hei', bold: true, index: 2, bytes: file('NotoSansCJK-Bold.ttc') },
    ],
  };
  const fonts = createFontProvider([cjk]).registry();
  const page = await exportFigures('CFF faces (Noto CJK SC from the .ttc collections)', fonts);
  printFigure('peak memory after the CFF export (max RSS)', Math.round(process.resourceUsage().maxRSS / 1024), 'MB', 'four 20–27 MB collections read, one face of each kept');

  // The body face's glyphs, subset by ours and by harfbuzz (which subsets by text, not glyph ids).
  const body = fonts.faceById('song-regular')!;
  const text = [...new Set(page.items.flatMap((i) => (i.kind === 'glyphs' && i.face === body.id ? [...i.text] : [])))].join('');
  const gids = [0, ...[...text].map((ch) => body.glyphId(ch.codePointAt(0)!))];
  const table = readTrueType(body.bytes).tables.get('CFF ')!;
  const cff = body.bytes.subarray(table.offset, table.offset + table.length);
  const oursMs = median(await timeRuns(9, 2, () => subsetCff(cff, gids)));
  const ours = deflateSync(subsetCff(cff, gids)).length;
  const hb = async (): Promise<Uint8Array> => new Uint8Array(await subsetFont(Buffer.from(body.bytes), text, { targetFormat: 'sfnt', noLayoutClosure: true }));
  const hbMs = median(await timeRuns(3, 1, hb));
  const hbFont = await hb();
  const hbTable = readTrueType(hbFont).tables.get('CFF ')!;
  const hbCff = deflateSync(hbFont.subarray(hbTable.offset, hbTable.offset + hbTable.length)).length;
  printFigure('CFF subset of the body face, ours (unused subroutines emptied), median', oursMs, 'ms', `${text.length} characters`);
  printFigure('CFF subset of the body face, ours, deflated', Math.round(ours / 1024), 'KB');
  printFigure('CFF subset of the body face, harfbuzz hb-subset (subset-font), median', hbMs, 'ms', 'wasm; subroutines pruned and renumbered');
  printFigure('CFF subset of the body face, harfbuzz, deflated CFF table', Math.round(hbCff / 1024), 'KB');
}
printFigure('peak memory at the end (max RSS)', Math.round(process.resourceUsage().maxRSS / 1024), 'MB', 'harfbuzz copies the 24 MB face into its wasm heap');
