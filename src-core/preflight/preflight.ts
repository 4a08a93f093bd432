import { ruleReach } from '../layout/rule-art';
import type { FontRegistry } from '../fonts/registry';
import type { LayoutItem, PageLayout } from '../layout/page-layout';
import { PRINT_PPI, type AdBlock, type Article, type BanmianDocument, type ImageAsset, type StyleName } from '../model/document';
import { FAMILY_LABELS, STYLE_LABELS, STYLE_NAMES, styleSetsText } from '../model/styles';
import { base64ToBytes } from '../model/base64';
import { printableParagraphs } from '../model/richtext';
import { fontEmbedding, looksLikePdf, pdfArtworkOutside, PDF_MIME, rasterFacts } from '../pdf';
import { textOverlaps } from '../model/overlap';
import { checkGlyphFallbacks, checkRecordedFonts, codePointName } from './fonts';
import { storyName } from '../model/story-name';

export type PreflightCode =
  | 'overset'
  | 'text-overlap'
  | 'missing-glyph'
  | 'image-missing'
  | 'ad-missing'
  | 'image-unreadable'
  | 'image-low-resolution'
  | 'image-rgb'
  | 'image-indexed'
  | 'empty-block'
  | 'bleed-short'
  | 'font-not-embeddable'
  | 'font-unsupported'
  | 'font-substituted'
  | 'glyph-fallback'
  | 'no-chinese-face'
  | 'font-missing'
  | 'font-changed';

export interface PreflightIssue {
  code: PreflightCode;
  severity: 'error' | 'warning';
  zh: string;
  en: string;
  /** What the issue is about, for the UI to select it. */
  articleId?: string;
  blockId?: string;
  imageId?: string;
  face?: string;
  /** Characters (overset), glyph occurrences (missing glyph) or ppi (resolution), when it applies. */
  count?: number;
}

/** The report both the UI and the CLI show: errors block export unless overridden, warnings are listed. */
export interface PreflightReport {
  errors: PreflightIssue[];
  warnings: PreflightIssue[];
}

export interface PreflightOptions {
  fonts: FontRegistry;
  /** Bleed in pt the export will use (default 3 mm). */
  bleed?: number;
  /** Image bytes when they are not in ImageAsset.data. */
  imageBytes?: (imageId: string) => Uint8Array | undefined;
  /** Effective resolution below which an image is a warning (default PRINT_PPI.warning)… */
  minPpi?: number;
  /** …and below which it is an error (default PRINT_PPI.error). */
  errorPpi?: number;
}

const MM = 72 / 25.4;
/** Less than this past an edge is rounding, not a design decision. */
const EPS = 0.5;

function articleName(a: Article | undefined, id: string): string {
  const name = storyName(a, id);
  return a && name !== id ? `“${name}”` : id;
}

/** Where a glyph report's owner is: an article by its title, or the page header. */
function placeOf(articles: Map<string, Article>, owner: string): { zh: string; en: string } {
  if (!owner) return { zh: '报头', en: 'page header' };
  const name = articleName(articles.get(owner), owner);
  return { zh: `稿件 ${name}`, en: `article ${name}` };
}

function imageName(asset: ImageAsset | undefined, id: string): string {
  return asset?.name || id;
}

/**
 * Checks a laid-out page before it goes to print: overset text, missing glyphs, images (missing,
 * unreadable, effective resolution at the placed size, RGB or indexed colour), empty blocks, content
 * that crosses the trim without reaching the bleed, and fonts that cannot be embedded.
 */
export function preflight(doc: BanmianDocument, layout: PageLayout, options: PreflightOptions): PreflightReport {
  const issues: PreflightIssue[] = [];
  const articles = new Map(doc.articles.map((a) => [a.id, a]));
  const assets = new Map(doc.images.map((a) => [a.id, a]));
  const bleed = options.bleed ?? 3 * MM;
  const minPpi = options.minPpi ?? PRINT_PPI.warning;
  const errorPpi = options.errorPpi ?? PRINT_PPI.error;

  for (const o of layout.overset) {
    const name = articleName(articles.get(o.articleId), o.articleId);
    issues.push({
      code: 'overset',
      severity: 'error',
      articleId: o.articleId,
      count: o.characters,
      zh: `稿件 ${name} 溢排 ${o.characters} 字（${o.lines} 行）`,
      en: `Article ${name} is overset by ${o.characters} characters (${o.lines} lines)`,
    });
  }

  for (const m of layout.missingGlyphs) {
    const cp = codePointName(m.char);
    const where = m.owner ? articleName(articles.get(m.owner), m.owner) : '报头 page header';
    const face = options.fonts.faceById(m.face)?.postscriptName ?? m.face;
    issues.push({
      code: 'missing-glyph',
      severity: 'error',
      articleId: m.owner || undefined,
      face: m.face,
      count: m.count,
      zh: `缺字：“${m.char}”（${cp}）在字体 ${face} 及后备字体中都没有，出现 ${m.count} 次（${where}）`,
      en: `Missing glyph: “${m.char}” (${cp}) is in neither ${face} nor the fallback fonts, ${m.count}× (${where})`,
    });
  }

  checkOverlaps(doc, articles, issues);
  checkImages(doc, layout, options, assets, minPpi, errorPpi, issues);
  checkEmptyBlocks(doc, layout, articles, issues);
  checkTrim(layout, options.fonts, bleed, issues);
  checkFonts(layout, options.fonts, issues);
  checkGlyphFallbacks(layout, options.fonts, (owner) => placeOf(articles, owner), issues);
  const recorded = checkRecordedFonts(doc, options.fonts, issues);
  checkStyleFamilies(doc, options.fonts, recorded, issues);
  checkRunFamilies(doc, options.fonts, recorded, issues);

  return { errors: issues.filter((i) => i.severity === 'error'), warnings: issues.filter((i) => i.severity === 'warning') };
}

/** Overlapping text blocks print one story over another: an error, whatever made them (a file, a peer). */
function checkOverlaps(doc: BanmianDocument, articles: Map<string, Article>, issues: PreflightIssue[]): void {
  const byId = new Map(doc.blocks.map((b) => [b.id, b]));
  const name = (id: string): string => {
    const b = byId.get(id);
    return b?.kind === 'article' ? articleName(articles.get(b.articleId), b.articleId) : id;
  };
  for (const o of textOverlaps(doc.blocks)) {
    const where = `第 ${o.col + 1} 栏第 ${o.row + 1} 行`;
    issues.push({
      code: 'text-overlap',
      severity: 'error',
      blockId: o.b,
      zh: `文字块重叠：${name(o.a)} 与 ${name(o.b)} 在${where}起互相压住，印出来两篇叠在一起`,
      en: `Text blocks overlap: ${name(o.a)} and ${name(o.b)} share the grid from column ${o.col + 1}, line ${o.row + 1}; both stories would print on top of each other`,
    });
  }
}

/**
 * A frame still waiting for its picture (an OCR'd page's [图片]) is not a broken one: as in 飞腾 and
 * InDesign, an empty frame is warned about and the page still goes out (field test 19: compose of an
 * OCR'd page wrote no PDF without --force); a picture that cannot be read is an error.
 */
function emptyFrame(imageId: string, blockId: string | undefined, name: string): PreflightIssue {
  return { code: 'image-missing', severity: 'warning', imageId, blockId, zh: `图片 ${name} 还没有图像（占位框），印刷时是空框`, en: `Image ${name} has no picture yet (a placeholder); it prints as an empty frame` };
}

/** An ad frame with no artwork placed (a booked ad whose artwork is still to come, make-up's 公益广告 frame): it prints 广告 in an empty frame, warned about as an empty picture frame is. */
function emptyAd(b: AdBlock): PreflightIssue {
  const name = b.advertiser.trim() ? `“${b.advertiser.trim()}”` : b.id;
  return { code: 'ad-missing', severity: 'warning', blockId: b.id, zh: `广告位 ${name} 还没有放入图稿（占位框），印刷时是空框`, en: `Ad frame ${name} has no artwork yet (a placeholder); it prints as an empty frame` };
}

function checkImages(
  doc: BanmianDocument,
  layout: PageLayout,
  options: PreflightOptions,
  assets: Map<string, ImageAsset>,
  minPpi: number,
  errorPpi: number,
  issues: PreflightIssue[],
): void {
  const blockOf = new Map(doc.blocks.filter((b) => b.kind === 'image').map((b) => [b.imageId, b.id]));
  const seen = new Set<string>();
  for (const item of layout.items) {
    if (item.kind !== 'image' || seen.has(item.imageId)) continue;
    seen.add(item.imageId);
    const asset = assets.get(item.imageId);
    const name = imageName(asset, item.imageId);
    const blockId = blockOf.get(item.imageId);
    const bytes = options.imageBytes?.(item.imageId) ?? (asset?.data ? base64ToBytes(asset.data) : undefined);
    if (!bytes && asset?.data) {
      issues.push({ code: 'image-unreadable', severity: 'error', imageId: item.imageId, blockId, zh: `图片 ${name} 的图像数据不是有效的 base64 编码，无法读取`, en: `Image ${name} cannot be read: its picture data is not valid base64` });
      continue;
    }
    if (!bytes) {
      issues.push(emptyFrame(item.imageId, blockId, name));
      continue;
    }
    const pdf = pdfArtworkIssues(bytes, asset, { imageId: item.imageId, blockId, name });
    if (pdf) issues.push(...pdf);
    if (pdf) continue;
    const probe = rasterFacts(bytes);
    if (!probe.ok) {
      issues.push({ code: 'image-unreadable', severity: 'error', imageId: item.imageId, blockId, zh: `图片 ${name} 无法读取：${probe.zh}`, en: `Image ${name} cannot be read: ${probe.en}` });
      continue;
    }
    const f = probe.facts;
    if (item.width > 0 && item.height > 0) {
      // The picture's placed size (scaled by its crop) decides; without one it covers its frame.
      const ptPerPixel = item.picture ? item.picture.width / f.width : Math.max(item.width / f.width, item.height / f.height);
      const ppi = Math.round(72 / ptPerPixel);
      if (ppi < minPpi) {
        const severity = ppi < errorPpi ? 'error' : 'warning';
        issues.push({
          code: 'image-low-resolution',
          severity,
          imageId: item.imageId,
          blockId,
          count: ppi,
          zh: `图片 ${name} 在版面尺寸下的有效分辨率只有 ${ppi} ppi（${f.width}×${f.height} 像素，应至少 ${minPpi} ppi）`,
          en: `Image ${name} has only ${ppi} ppi effective at its placed size (${f.width}×${f.height} px; at least ${minPpi} ppi needed)`,
        });
      }
    }
    if (f.colorSpace === 'rgb') {
      issues.push({
        code: 'image-rgb',
        severity: 'warning',
        imageId: item.imageId,
        blockId,
        zh: `图片 ${name} 是 RGB 颜色，印刷时由 RIP 按输出意图转换为 CMYK，建议先转换为 CMYK`,
        en: `Image ${name} is RGB; the RIP will convert it to CMYK with the output intent — better convert it to CMYK first`,
      });
    } else if (f.colorSpace === 'indexed') {
      issues.push({
        code: 'image-indexed',
        severity: 'warning',
        imageId: item.imageId,
        blockId,
        zh: `图片 ${name} 是索引色（调色板）图像，颜色有限且为 RGB，建议换成 CMYK 或灰度图`,
        en: `Image ${name} uses indexed (palette) colour, limited and RGB; use a CMYK or grayscale image instead`,
      });
    }
  }
}

/**
 * A PDF ad's page (undefined when the bytes are a picture): vector, no pixels to count; the import
 * read it whole and the writer embeds it or says why, so here only its size and header are checked.
 */
function pdfArtworkIssues(bytes: Uint8Array, asset: ImageAsset | undefined, at: { imageId: string; blockId: string | undefined; name: string }): PreflightIssue[] | undefined {
  if (asset?.mime !== PDF_MIME && !looksLikePdf(bytes)) return undefined;
  const outside = pdfArtworkOutside(bytes);
  if (!outside) return [];
  return [{ code: 'image-unreadable', severity: 'error', imageId: at.imageId, blockId: at.blockId, zh: `PDF 图稿 ${at.name} 无法读取：${outside.zh}`, en: `PDF artwork ${at.name} cannot be read: ${outside.en}` }];
}

function checkEmptyBlocks(doc: BanmianDocument, layout: PageLayout, articles: Map<string, Article>, issues: PreflightIssue[]): void {
  const drawnOwners = new Set<string>();
  for (const item of layout.items) if (item.kind === 'glyphs' && item.source) drawnOwners.add(item.source.owner);
  const images = new Set(layout.items.filter((i) => i.kind === 'image').map((i) => (i as { imageId: string }).imageId));
  for (const b of doc.blocks) {
    if (b.kind === 'article') {
      const a = articles.get(b.articleId);
      if (b.span <= 0 || b.rows <= 0 || !a || !drawnOwners.has(b.articleId)) {
        issues.push({
          code: 'empty-block',
          severity: 'warning',
          blockId: b.id,
          articleId: b.articleId,
          zh: a ? `稿件块 ${articleName(a, b.articleId)} 是空的（没有排出任何文字）` : `稿件块 ${b.id} 引用的稿件 ${b.articleId} 不存在`,
          en: a ? `Article block ${articleName(a, b.articleId)} is empty (no text was set)` : `Article block ${b.id} refers to a missing article ${b.articleId}`,
        });
      }
    } else if (b.kind === 'ad' && !b.imageId) {
      issues.push(emptyAd(b));
    } else if (b.kind === 'image' && (!images.has(b.imageId) || b.span <= 0 || b.rows <= 0)) {
      issues.push({
        code: 'empty-block',
        severity: 'warning',
        blockId: b.id,
        imageId: b.imageId,
        zh: `图片块 ${b.id} 是空的（没有放置图片）`,
        en: `Image block ${b.id} is empty (no image is placed)`,
      });
    }
  }
}

function itemBounds(item: LayoutItem, fonts: FontRegistry): { x0: number; y0: number; x1: number; y1: number } | undefined {
  switch (item.kind) {
    case 'glyphs': {
      if (item.xs.length === 0) return undefined;
      const face = fonts.faceById(item.face);
      const last = item.text.codePointAt(item.text.length - 1 - (item.text.length > 1 && item.text.charCodeAt(item.text.length - 1) >= 0xdc00 && item.text.charCodeAt(item.text.length - 1) < 0xe000 ? 1 : 0))!;
      const adv = face ? face.advance(last) : 1;
      const ascent = face ? face.emBoxAscent : 0.88;
      return {
        x0: item.xs[0],
        x1: item.xs[item.xs.length - 1] + (Number.isFinite(adv) ? adv : 1) * item.size * item.hScale,
        y0: item.y - ascent * item.size,
        y1: item.y + (1 - ascent) * item.size,
      };
    }
    case 'rule': {
      // Styled rules (双线, 花边) reach further from their axis than half their weight.
      const reach = ruleReach(item.style, item.width);
      return {
        x0: Math.min(item.x1, item.x2) - (item.y1 === item.y2 ? 0 : reach),
        x1: Math.max(item.x1, item.x2) + (item.y1 === item.y2 ? 0 : reach),
        y0: Math.min(item.y1, item.y2) - (item.x1 === item.x2 ? 0 : reach),
        y1: Math.max(item.y1, item.y2) + (item.x1 === item.x2 ? 0 : reach),
      };
    }
    case 'box':
    case 'image':
      return { x0: item.x, y0: item.y, x1: item.x + item.width, y1: item.y + item.height };
  }
}

/** Something that leaves the trim must run on to the bleed edge, or the guillotine leaves a white sliver. */
function checkTrim(layout: PageLayout, fonts: FontRegistry, bleed: number, issues: PreflightIssue[]): void {
  let count = 0;
  let first: { kind: string; x: number; y: number } | undefined;
  for (const item of layout.items) {
    const b = itemBounds(item, fonts);
    if (!b) continue;
    const crossesShort = (outside: number): boolean => outside > EPS && outside < bleed - EPS;
    if (crossesShort(-b.x0) || crossesShort(b.x1 - layout.width) || crossesShort(-b.y0) || crossesShort(b.y1 - layout.height)) {
      count++;
      first ??= { kind: item.kind, x: b.x0, y: b.y0 };
    }
  }
  if (count && first) {
    const at = `(${(first.x / MM).toFixed(1)}, ${(first.y / MM).toFixed(1)}) mm`;
    issues.push({
      code: 'bleed-short',
      severity: 'warning',
      count,
      zh: `${count} 个对象越过裁切线却没有延伸到出血边（${(bleed / MM).toFixed(1)} mm），裁切后会留下白边；第一个在 ${at}`,
      en: `${count} item(s) cross the trim without reaching the bleed edge (${(bleed / MM).toFixed(1)} mm) and would leave a white sliver after trimming; the first at ${at}`,
    });
  }
}

function checkFonts(layout: PageLayout, fonts: FontRegistry, issues: PreflightIssue[]): void {
  const used = new Set<string>();
  for (const item of layout.items) if (item.kind === 'glyphs') used.add(item.face);
  for (const id of used) {
    const face = fonts.faceById(id);
    if (!face) {
      issues.push({ code: 'font-unsupported', severity: 'error', face: id, zh: `版面用到的字体 ${id} 没有注册`, en: `The font ${id} used on the page is not registered` });
      continue;
    }
    // The writer's own rule: what preflight reports here is exactly what would stop the export.
    for (const p of fontEmbedding(face).problems) issues.push({ code: p.code, severity: 'error', face: id, zh: p.zh, en: p.en });
  }
}

/**
 * A style (the page's, or an article's override) naming a face family the registry does not have:
 * the text is set in the default family instead, which the user should know before print.
 */
function checkStyleFamilies(doc: BanmianDocument, fonts: FontRegistry, recorded: Set<string>, issues: PreflightIssue[]): void {
  const warn = (family: string, style: StyleName, article?: Article) => {
    if (recorded.has(family)) return; // named by the recorded-font rule, with its own name
    const label = STYLE_LABELS[style];
    const zhWhere = article ? `稿件 ${articleName(article, article.id)} 的样式“${label.zh}”（本稿覆盖）` : `本版样式“${label.zh}”`;
    const enWhere = article ? `the ${label.en} style of article ${articleName(article, article.id)} (its override)` : `the page's ${label.en} style`;
    issues.push({
      code: 'font-substituted',
      severity: 'warning',
      articleId: article?.id,
      zh: `${zhWhere}指定的字体“${FAMILY_LABELS[family] ?? family}”未安装，以${FAMILY_LABELS[fonts.defaultFamily] ?? fonts.defaultFamily}代替`,
      en: `The face '${family}' of ${enWhere} is not installed; ${fonts.defaultFamily} is used instead`,
    });
  };
  for (const name of STYLE_NAMES) {
    if (!styleSetsText(doc.articles, name)) continue; // nothing is substituted where no text is set
    const family = doc.page.styles[name]?.family;
    if (family && !fonts.hasFamily(family)) warn(family, name);
  }
  for (const a of doc.articles) {
    for (const [name, fields] of Object.entries(a.styleOverrides ?? {})) {
      if (fields?.family && !fonts.hasFamily(fields.family)) warn(fields.family, name as StyleName, a);
    }
  }
}

/**
 * Printed text set in a face of its own (the face mark) whose family the registry does not have,
 * as the style rule says for a style: the run is set in the default family instead.
 */
function checkRunFamilies(doc: BanmianDocument, fonts: FontRegistry, recorded: Set<string>, issues: PreflightIssue[]): void {
  for (const a of doc.articles) {
    const families = new Set(printableParagraphs(a.body).flatMap((p) => p.spans.flatMap((s) => (s.face ? [s.face.family] : []))));
    for (const family of families) {
      if (fonts.hasFamily(family) || recorded.has(family)) continue; // the recorded-font rule names it
      const name = articleName(a, a.id);
      issues.push({
        code: 'font-substituted',
        severity: 'warning',
        articleId: a.id,
        zh: `稿件 ${name} 正文中有文字指定的字体“${FAMILY_LABELS[family] ?? family}”未安装，以${FAMILY_LABELS[fonts.defaultFamily] ?? fonts.defaultFamily}代替`,
        en: `Text in the body of article ${name} is set in the face '${family}', which is not installed; ${fonts.defaultFamily} is used instead`,
      });
    }
  }
}

/** One line per issue, errors first: what the CLI prints (a report's, or any errors and warnings said in zh and en). */
export function formatReport(report: { errors: readonly { zh: string; en: string }[]; warnings: readonly { zh: string; en: string }[] }): string[] {
  const lines: string[] = [];
  for (const e of report.errors) lines.push(`错误 ERROR   ${e.zh}\n            ${e.en}`);
  for (const w of report.warnings) lines.push(`警告 warning ${w.zh}\n            ${w.en}`);
  return lines;
}
