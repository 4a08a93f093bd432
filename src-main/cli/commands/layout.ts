import { readFileSync } from 'node:fs';
import { layout } from '../../../src-core/layout/layout';
import { parseDocument } from '../../../src-core/model/serialize';
import { loadBundledFonts } from '../../fonts/bundled';
import { describeTypoReport } from '../typo-report';
import { warnFittedBlocks } from '../fitted-blocks';

/** `layout PAGE.banmian [--json]`: lays the page out and prints overset, missing glyphs and the typographic report. */
export async function run(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('用法 Usage: npm run banmian -- layout PAGE.banmian [--json]');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`无法读取 ${file}：${(e as Error).message} / Cannot read ${file}`);
    return 1;
  }
  const loaded = parseDocument(text);
  if (!loaded.ok) {
    console.error(`${file}：${loaded.zh}\n${file}: ${loaded.en}`);
    return 1;
  }
  warnFittedBlocks(file, loaded);
  const pl = layout(loaded.document, { fonts: loadBundledFonts() });
  if (json) {
    console.log(JSON.stringify({ overset: pl.overset, missingGlyphs: pl.missingGlyphs, report: pl.report }, null, 2));
    return 0;
  }
  console.log(`${file}`);
  console.log(`  ${describeTypoReport(pl.report.page)}`);
  for (const o of pl.overset) console.log(`  溢排 overset: ${o.articleId} ${o.characters} 字 chars, ${o.lines} 行 lines`);
  for (const m of pl.missingGlyphs) console.log(`  缺字 missing glyph: ${m.char} (U+${m.char.codePointAt(0)!.toString(16).toUpperCase()}) in ${m.face}, ${m.count}×`);
  return 0;
}
