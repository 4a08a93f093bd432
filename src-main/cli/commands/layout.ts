import { layout } from '../../../src-core/layout/layout';
import { fontProvider } from '../../fonts/provider';
import { describeTypoReport } from '../typo-report';
import { openPage } from '../open-page';
import { commandUsage, parseCommandArgs } from '../command-table';

/** `layout PAGE.banmian [--json]`: lays the page out and prints overset, missing glyphs, characters drawn from a fallback face and the typographic report. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('layout', args);
  if (!parsed) return 2;
  const json = parsed.values.json === true;
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) {
    console.error(commandUsage('layout'));
    return 2;
  }
  const loaded = openPage(file);
  if (!loaded) return 1;
  const fonts = fontProvider().registry();
  const pl = layout(loaded.document, { fonts });
  if (json) {
    console.log(JSON.stringify({ overset: pl.overset, missingGlyphs: pl.missingGlyphs, glyphFallbacks: pl.glyphFallbacks ?? [], syntheticBold: pl.syntheticBold ?? [], report: pl.report }, null, 2));
    return 0;
  }
  console.log(`${file}`);
  console.log(`  ${describeTypoReport(pl.report.page)}`);
  for (const o of pl.overset) console.log(`  溢排 overset: ${o.articleId} ${o.characters} 字 chars, ${o.lines} 行 lines`);
  const cp = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase()}`;
  for (const m of pl.missingGlyphs) console.log(`  缺字 missing glyph: ${m.char} (${cp(m.char)}) in ${m.face}, ${m.count}×`);
  const name = (face: string) => fonts.faceById(face)?.postscriptName ?? face;
  for (const m of pl.glyphFallbacks ?? []) console.log(`  生僻字 fallback: ${m.char} (${cp(m.char)}) not in ${name(m.face)}, from ${name(m.via!)}, ${m.count}× (${m.owner || '报头 page header'})`);
  for (const b of pl.syntheticBold ?? []) console.log(`  加粗 synthetic bold: ${name(b.face)} 无粗体字样，描边加粗 has no bold face, outlines stroked, ${b.count} 字 glyphs (${b.owner || '报头 page header'})`);
  return 0;
}
