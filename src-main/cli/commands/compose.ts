import { gatherPaths, importGathered, type Gathered as GatheredFiles } from '../../import/read-inputs';
import { basename, extname } from 'node:path';
import { layout } from '../../../src-core/layout/layout';
import { withRecordedFonts } from '../../../src-core/layout/page-fonts';
import { autoplace, type ImageLink } from '../../../src-core/layout/autoplace';
import { defaultPage, FORMAT_PRESETS } from '../../../src-core/model/defaults';
import { FORMAT_VERSION, type Article, type BanmianDocument, type Block, type ImageAsset, type PageHeader, type PageSettings } from '../../../src-core/model/document';
import { docFromParagraphs } from '../../../src-core/model/richtext';
import { namingFile, type PrintedHeader } from '../../../src-core/import/types';
import { cutParagraphsByArticle } from '../../../src-core/model/cut-articles';
import { mmToPt } from '../../../src-core/model/units';
import { loadBanmianFile, saveBanmianFile } from '../../files/banmian-file';
import { fontProvider } from '../../fonts/provider';
import { printTypoReport } from '../typo-report';
import { printFlags, useFontFlags, writePrint, type PrintFlags } from './export';
import { withFontFiles } from '../../fonts/font-files';
import { makeUp, type Alternative, type MakeUpOptions, type Move, type PictureLink } from '../../../src-core/makeup';
import { headerFrom } from '../header-template';
import { outputClash } from '../output-guard';
import { commandUsage, parseCommandArgs } from '../command-table';
import { warnFittedBlocks } from '../fitted-blocks';
import { heldLine, pageWarnings } from '../page-warnings';

const USAGE = commandUsage('compose');

type Fail = { zh: string; en: string };

/**
 * The page settings for a format and column count. A preset keeps its own grid unless the columns
 * change; otherwise the character grid is fitted to the width with at least 12 mm side margins
 * and centred, as defaultPage does for the presets.
 */
export function pageFor(format: string | undefined, columns: number | undefined, base?: PageSettings): PageSettings | Fail {
  let page: PageSettings;
  if (!format) page = base ? structuredClone(base) : defaultPage('broadsheet');
  else if (format === 'broadsheet' || format === 'tabloid') page = defaultPage(format);
  else {
    const m = /^(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*(mm)?$/i.exec(format.trim());
    if (!m) return { zh: `无法识别的版式 ${format}（应为 broadsheet、tabloid 或 宽x高mm）`, en: `Unknown format ${format} (use broadsheet, tabloid or WxHmm)` };
    const [w, h] = [Number(m[1]), Number(m[2])];
    if (w < 100 || h < 100 || w > 2000 || h > 2000) return { zh: `版面尺寸 ${w}×${h} mm 超出范围（100–2000 mm）`, en: `Page size ${w}×${h} mm is out of range (100–2000 mm)` };
    page = defaultPage('broadsheet');
    page.format = { name: 'custom', width: mmToPt(w), height: mmToPt(h) };
    columns ??= Math.max(1, Math.round(w / 50));
  }
  if (columns !== undefined || page.format.name === 'custom') {
    const cols = columns ?? page.grid.columns;
    const gutter = page.grid.gutterChars;
    const available = (page.format.width - 2 * mmToPt(12)) / page.bodySize;
    const chars = Math.floor((available + gutter) / cols - gutter);
    if (chars < 4) return { zh: `${cols} 栏太多：每栏不到 4 个字`, en: `${cols} columns are too many: fewer than 4 characters per column` };
    const gridWidth = (cols * chars + (cols - 1) * gutter) * page.bodySize;
    const side = (page.format.width - gridWidth) / 2;
    page.grid = { ...page.grid, mode: 'character', columns: cols, charsPerColumn: chars };
    page.margins = { ...page.margins, left: side, right: side };
  }
  return page;
}

export interface Gathered {
  articles: Article[];
  images: ImageAsset[];
  links: ImageLink[];
  credits: Partial<Pick<PageHeader, 'editor' | 'proofreader' | 'layoutEditor'>>;
  /** The page header an OCR'd page's text starts with (报名, date, 版次, 版名); the options win over it. */
  header: PrintedHeader;
  basePage?: PageSettings;
  /** Imported 通栏 lines placed as headline-only articles: not articles in the counts (as in import and check). */
  bannerIds: Set<string>;
  /** Files the importer refused (each named on stderr): the page is made of the rest, and compose exits 5. */
  failed: number;
}

export async function gather(inputs: string[]): Promise<Gathered | Fail> {
  const out: Gathered = { articles: [], images: [], links: [], credits: {}, header: {}, bannerIds: new Set(), failed: 0 };
  const files: GatheredFiles['files'] = [];
  const taken = new Set<string>();
  const unique = (id: string): string => {
    let v = id;
    for (let n = 2; taken.has(v); n++) v = `${id}-${n}`;
    taken.add(v);
    return v;
  };
  // a folder stands for its files in name order (01.txt, 02.txt, …: the rank), as `import` reads it
  const expanded = gatherPaths(inputs);
  if (expanded.errors.length) return { zh: expanded.errors.map((e) => e.zh).join('；'), en: expanded.errors.map((e) => e.en).join('; ') };
  for (const file of expanded.files) {
    const { path } = file;
    const ext = extname(path).toLowerCase();
    if (ext === '.banmian' || ext === '.json') {
      const loaded = loadBanmianFile(path);
      if (!loaded.ok) return loaded;
      warnFittedBlocks(path, loaded);
      const doc = loaded.document;
      out.basePage ??= doc.page;
      const renamed = new Map<string, string>();
      const imageIds = new Map<string, string>();
      for (const a of doc.articles) {
        const id = unique(a.id);
        renamed.set(a.id, id);
        out.articles.push({ ...a, id });
      }
      for (const img of doc.images) {
        const id = unique(img.id);
        imageIds.set(img.id, id);
        out.images.push({ ...img, id });
      }
      for (const b of doc.blocks) {
        if (b.kind === 'image' && b.articleId && renamed.has(b.articleId) && imageIds.has(b.imageId)) {
          out.links.push({ imageId: imageIds.get(b.imageId)!, articleId: renamed.get(b.articleId)!, caption: b.caption });
        }
      }
      for (const k of ['editor', 'proofreader', 'layoutEditor'] as const) if (doc.page.header[k]) out.credits[k] ??= doc.page.header[k];
      continue;
    }
    files.push(file);
  }
  if (files.length) {
    // read as `import` reads them: a Markdown file's pictures come along, a .doc is converted
    const { result: r, unread } = await importGathered(files);
    if (unread.length) return { zh: unread.map((e) => e.zh).join('；'), en: unread.map((e) => e.en).join('; ') };
    for (const e of r.errors.map(namingFile)) console.error(`  ${e.zh}\n  ${e.en}`);
    out.failed = new Set(r.errors.map((e) => e.file)).size;
    const renamed = new Map<string, string>();
    const imageIds = new Map<string, string>();
    r.page.banners.forEach((text, i) => {
      const id = unique(`banner-${i + 1}`);
      out.bannerIds.add(id);
      out.articles.push({ id, kicker: '', headline: text, deck: '', byline: '', bylinePosition: 'end', lead: '', body: docFromParagraphs([]), jumpFrom: '', jumpTo: '' });
    });
    const columns = new Map(r.columnLinks.map((l) => [l.articleId, l.columnName.trim()]));
    for (const a of r.articles) {
      const id = unique(a.id);
      renamed.set(a.id, id);
      const column = columns.get(a.id);
      out.articles.push(column ? { ...a, id, column } : { ...a, id });
    }
    for (const img of r.images) {
      const id = unique(img.id);
      imageIds.set(img.id, id);
      out.images.push({ ...img, id });
    }
    for (const l of r.imageLinks) {
      const imageId = imageIds.get(l.imageId);
      // no articleId: a stand-alone photo, placed with its caption all the same
      const articleId = l.articleId === undefined ? undefined : renamed.get(l.articleId);
      if (imageId && (articleId || l.articleId === undefined)) out.links.push({ imageId, articleId, caption: l.caption });
    }
    Object.assign(out.credits, Object.fromEntries(Object.entries(r.page.credits).filter(([, v]) => v)));
    Object.assign(out.header, Object.fromEntries(Object.entries(r.page.header).filter(([, v]) => v)));
  }
  return out;
}

/** The most alternatives one run writes. */
const MAX_ALTERNATIVES = 10;

/** `page.pdf` → `page-2.pdf` for alternative 2 of several; one alternative keeps the name given. */
export function alternativePath(path: string, n: number, of: number): string {
  if (of === 1) return path;
  const ext = extname(path);
  return `${path.slice(0, path.length - ext.length)}-${n}${ext}`;
}

/**
 * Banners (通栏, headline-only articles) across the top, placed as before and locked for make-up so
 * it fills the page under them; everything else is made up by rank (input order) around them and
 * around the document's own locked blocks (a booked ad), which stay locked.
 */
export function makeUpPage(doc: BanmianDocument, gathered: Pick<Gathered, 'bannerIds' | 'credits' | 'links'>, options: MakeUpOptions): ReturnType<typeof makeUp> {
  const fonts = fontProvider().registry();
  const banners = doc.articles.filter((a) => gathered.bannerIds.has(a.id));
  const top = autoplace({ ...doc, articles: banners, images: [] }, { fonts }, { credits: gathered.credits });
  const locked = top.document.blocks.map((b) => ({ ...b, locked: true }));
  const pictures: PictureLink[] = gathered.links;
  const stories = doc.articles.filter((a) => !gathered.bannerIds.has(a.id));
  const kept = doc.blocks.filter((b) => b.locked);
  const request = { document: { ...doc, page: top.document.page, articles: stories, blocks: [...kept, ...locked] }, pictures, options };
  const result = makeUp(request, { fonts });
  // The banners were locked only for this run: the page the user gets has nothing locked.
  const lockedIds = new Set(locked.map((b) => b.id));
  for (const alt of result.alternatives) {
    const blocks = alt.document.blocks.map((b) => {
      if (!lockedIds.has(b.id)) return b;
      const { locked: _, ...free } = b;
      return free as Block;
    });
    alt.document = { ...alt.document, articles: [...banners, ...alt.document.articles], blocks };
    alt.blocks = blocks;
  }
  return result;
}

function reportAlternative(alt: Alternative, n: number, of: number, gathered: Gathered, input: BanmianDocument): void {
  const placed = alt.document.blocks.filter((b) => b.kind === 'article' && !gathered.bannerIds.has(b.articleId)).length;
  const label = of > 1 ? `方案 ${n} alternative ${n}: ` : '';
  console.log(`${label}组版 made up ${placed} 篇稿件 articles, ${heldLine(alt.heldOver)}`);
  console.log(`  评分 ${alt.score.zh}`);
  console.log(`  score ${alt.score.en}`);
  for (const h of alt.heldOver) console.log(`  待用 held over: ${h.zh} / ${h.en}`);
  for (const w of pageWarnings(alt.score, alt.document.page.header.pageNumber || undefined)) console.log(`  ${w}`);
  for (const m of cutMoves(alt, input)) console.log(`  删段 cut: ${m.zh}\n           ${m.en}`);
}

/** The moves of the articles make-up cut 可删 paragraphs from (its body lost whole paragraphs of the input's). */
function cutMoves(alt: Alternative, input: BanmianDocument): Move[] {
  const cut = cutParagraphsByArticle(input.articles, alt.document.articles);
  return alt.moves.filter((m) => cut.has(m.articleId));
}

/** `compose INPUT... -o page.pdf`: import, make up, preflight, export. Exit 0 written (articles held over are listed), 1 failed, 2 usage, 4 blocked by preflight. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('compose', args);
  if (!parsed) return 2;
  const inputs = parsed.positionals;
  const flags = printFlags(parsed.values);
  if (!inputs.length || typeof flags === 'string') {
    console.error(`${typeof flags === 'string' ? `${flags}\n` : ''}${USAGE}`);
    return 2;
  }
  const fonts = useFontFlags(parsed.values.font);
  if (typeof fonts === 'number') return fonts;
  const columns = parsed.values.columns === undefined ? undefined : Number(parsed.values.columns);
  if (columns !== undefined && !(Number.isInteger(columns) && columns >= 1 && columns <= 20)) {
    console.error(`栏数无效：${parsed.values.columns}（1–20）/ Invalid number of columns: ${parsed.values.columns} (1–20)`);
    return 2;
  }
  const count = parsed.values.alternatives === undefined ? 1 : Number(parsed.values.alternatives);
  if (!(Number.isInteger(count) && count >= 1 && count <= MAX_ALTERNATIVES)) {
    console.error(`方案数无效：${parsed.values.alternatives}（1–${MAX_ALTERNATIVES}）/ Invalid number of alternatives: ${parsed.values.alternatives} (1–${MAX_ALTERNATIVES})`);
    return 2;
  }
  const header = headerFrom(parsed.values.template, parsed.values);
  if ('zh' in header) {
    console.error(`${header.zh}\n${header.en}`);
    return 2;
  }
  const outputsOf = (n: number): string[] => [flags.out, parsed.values.save, flags.png].filter((p): p is string => p !== undefined).map((p) => alternativePath(p, n, count));
  const clash = outputClash([...inputs, ...(parsed.values.template ? [parsed.values.template] : [])], Array.from({ length: count }, (_, i) => outputsOf(i + 1)).flat());
  if (clash) {
    console.error(`${clash.zh}\n${clash.en}`);
    return 2;
  }

  const gathered = await gather(inputs);
  if ('zh' in gathered) {
    console.error(`${gathered.zh}\n${gathered.en}`);
    return 1;
  }
  if (!gathered.articles.length && !gathered.images.length) {
    console.error('输入中没有可排的稿件或图片 / The inputs hold no articles or images to place');
    return 1;
  }
  const page = pageFor(parsed.values.format, columns, gathered.basePage);
  if ('zh' in page) {
    console.error(`${page.zh}\n${page.en}`);
    return 2;
  }
  page.header = { ...page.header, ...gathered.header, ...gathered.credits, ...header };
  const doc: BanmianDocument = withFontFiles({ formatVersion: FORMAT_VERSION, page, articles: gathered.articles, images: gathered.images, blocks: [] }, fonts);
  const banners = gathered.bannerIds.size ? `, ${gathered.bannerIds.size} 条通栏 banners` : '';
  console.log(`组版 make-up 输入 input (${doc.articles.length - gathered.bannerIds.size} 篇稿件 articles${banners}, ${doc.images.length} 张图片 images)`);
  // a title line with no body is set across the top: said by name, since a story that lost its body reads the same
  for (const a of doc.articles) if (gathered.bannerIds.has(a.id)) console.log(`  通栏 banner：“${a.headline}”没有正文，作通栏排在版面顶部（若是缺了正文的稿件，请补正文）\n                “${a.headline}” has no body: set as a banner across the top (if it is a story missing its body, add the body)`);
  const result = makeUpPage(doc, gathered, { alternatives: count, allowCut: parsed.values['allow-cut'] === true, fillShort: parsed.values['no-filler'] !== true });
  for (const n of result.notes) console.log(`  组版 make-up: ${n.zh}\n                ${n.en}`);
  if (!result.alternatives.length) {
    console.error('组版没有得到版面 / Make-up found no page');
    return 1;
  }
  let code = 0;
  for (const [i, alt] of result.alternatives.entries()) {
    const n = i + 1;
    reportAlternative(alt, n, result.alternatives.length, gathered, doc);
    // make-up gave the headlines faces of their own by rank: a --font style or role reaches those too
    const written = await writeAlternative(withFontFiles(alt.document, fonts), { ...flags, out: alternativePath(flags.out, n, count), png: flags.png && alternativePath(flags.png, n, count) }, parsed.values.save && alternativePath(parsed.values.save, n, count), parsed.values.report === true);
    code = Math.max(code, written);
  }
  if (code !== 0 || !gathered.failed) return code;
  // the page is written, but without what could not be read: a desk's script must notice a dropped manuscript
  console.error(`${gathered.failed} 个文件未能导入，版面中没有它们（见上）\n${gathered.failed} input file(s) failed to import and are not on the page (see above)`);
  return 5;
}

/** Writes one made-up page: the .banmian when asked, then the print PDF (preflight first). */
async function writeAlternative(doc: BanmianDocument, flags: PrintFlags, save: string | undefined, report: boolean): Promise<number> {
  if (report) printTypoReport(layout(doc, { fonts: fontProvider().registry() }), new Map(doc.articles.map((a) => [a.id, a.headline || a.id])));
  if (save) {
    // the fonts its styles use beyond the bundled roles (a --font file's face) recorded, as the app records them
    const saved = saveBanmianFile(save, withRecordedFonts(doc, fontProvider().registry()));
    if (!saved.ok) {
      console.error(`${saved.zh}\n${saved.en}`);
      return 1;
    }
    console.log(`已保存 saved ${save}`);
  }
  return writePrint(doc, basename(save ?? flags.out), flags);
}
