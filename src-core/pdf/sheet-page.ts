import type { PDFContext, PDFRef } from '@cantoo/pdf-lib';
import type { FontRegistry } from '../fonts/registry';
import type { PageLayout } from '../layout/page-layout';
import type { ImageAsset } from '../model/document';
import { ContentWriter, num } from './content';
import type { DocumentFaces } from './faces';
import type { DocumentImages } from './image-objects';
import { drawMarks, sheetGeometry, type SheetGeometry } from './marks';
import { drawItems, type PageCanvas } from './page-items';

const MM = 72 / 25.4;

/** pdf-lib's dictionary literal (not exported by the package under a name). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Dict = Record<string, any>;

/** What every page of a document shares: its objects and the print settings chosen for the export. */
export interface SheetDocument {
  ctx: PDFContext;
  pagesRef: PDFRef;
  fonts: FontRegistry;
  faces: DocumentFaces;
  images: DocumentImages;
  imageBytes?: (imageId: string) => Uint8Array | undefined;
  bleed: number;
  marks: boolean;
  colourBar: boolean;
  /** The slug line's fields that are the same on every page (file name, date, PDF/X). */
  slug: { fileName?: string; date: string; pdfx: boolean };
  /** The registration colour's tint function, written once for all pages with marks. */
  registrationTint(): PDFRef;
}

/** One sheet to write: the page's layout, its own label in the slug, and the images its document has. */
export interface SheetInput {
  layout: PageLayout;
  pageLabel?: string;
  images: readonly ImageAsset[];
}

export interface WrittenSheet {
  ref: PDFRef;
  geometry: SheetGeometry;
  content: string;
}

/**
 * One page of the document: the layout drawn inside its trim and clipped to its bleed, its crop and
 * registration marks and slug outside, its own MediaBox/BleedBox/TrimBox, and resources naming only
 * the fonts and images it uses (shared objects of the document).
 */
export async function writeSheet(d: SheetDocument, page: SheetInput): Promise<WrittenSheet | { zh: string; en: string }> {
  const { layout } = page;
  const g = sheetGeometry(layout.width, layout.height, d.bleed, d.marks);
  const cw = new ContentWriter();
  const canvas: PageCanvas = {
    cw,
    ox: g.ox,
    pageTop: g.oy + layout.height,
    fonts: d.fonts,
    faces: d.faces,
    images: d.images,
    assets: new Map(page.images.map((a) => [a.id, a])),
    imageBytes: d.imageBytes,
    usedFonts: new Map(),
    usedImages: new Map(),
  };
  // Everything on the page is clipped to the bleed box, so nothing reaches the marks.
  cw.save();
  cw.rect(g.ox - d.bleed, g.oy - d.bleed, layout.width + 2 * d.bleed, layout.height + 2 * d.bleed, 'W n');
  const problem = await drawItems(layout.items, canvas);
  if (problem) return problem;
  cw.restore();
  if (d.marks) {
    const slugProblem = drawSheetMarks(d, canvas, g, page.pageLabel);
    if (slugProblem) return slugProblem;
  }
  const content = cw.toString();
  const ref = d.ctx.register(d.ctx.obj(pageDict(d, g, canvas, d.ctx.register(d.ctx.flateStream(content)))));
  return { ref, geometry: g, content };
}

function drawSheetMarks(d: SheetDocument, canvas: PageCanvas, g: SheetGeometry, pageLabel: string | undefined): { zh: string; en: string } | undefined {
  const slugFace = d.fonts.face({ family: d.fonts.defaultFamily, bold: false });
  const got = d.faces.use(slugFace);
  if (!('use' in got)) return got;
  const { use, ref } = got;
  canvas.usedFonts.set(use.resourceName, ref);
  const w = (g.trimWidth / MM).toFixed(0);
  const h = (g.trimHeight / MM).toFixed(0);
  const slug = [d.slug.fileName, pageLabel, d.slug.date, `${w}×${h} mm`, `bleed ${(d.bleed / MM).toFixed(1)} mm`, d.slug.pdfx ? 'PDF/X-4' : '']
    .filter(Boolean)
    .join('   ');
  const cw = canvas.cw;
  drawMarks(cw, g, { slug, colourBar: d.colourBar, registration: 'CSReg' }, {
    draw(x, y, size, text) {
      const chars = [...text].map((ch) => (slugFace.hasGlyph(ch.codePointAt(0)!) ? ch : '?'));
      const ids = chars.map((ch) => use.cid(ch.codePointAt(0)!));
      const xs: number[] = [];
      let at = x;
      for (const id of ids) {
        xs.push(at);
        at += (use.widths[id] / 1000) * size;
      }
      cw.glyphs(use.resourceName, size, 100, x, y, ids, use.widths, xs);
    },
  });
  return undefined;
}

function pageDict(d: SheetDocument, g: SheetGeometry, canvas: PageCanvas, contents: PDFRef): Dict {
  const resources: Dict = { ProcSet: ['PDF', 'Text', 'ImageB', 'ImageC', 'ImageI'] };
  if (canvas.usedFonts.size) resources.Font = Object.fromEntries(canvas.usedFonts);
  if (canvas.usedImages.size) resources.XObject = Object.fromEntries(canvas.usedImages);
  if (d.marks) resources.ColorSpace = { CSReg: ['Separation', 'All', 'DeviceCMYK', d.registrationTint()] };
  const box = (x: number, y: number, w: number, h: number): number[] => [x, y, x + w, y + h].map((v) => Number(num(v)));
  const { ox, oy, bleed } = g;
  return {
    Type: 'Page',
    Parent: d.pagesRef,
    MediaBox: box(0, 0, g.mediaWidth, g.mediaHeight),
    BleedBox: box(ox - bleed, oy - bleed, g.trimWidth + 2 * bleed, g.trimHeight + 2 * bleed),
    TrimBox: box(ox, oy, g.trimWidth, g.trimHeight),
    Resources: resources,
    Contents: contents,
  };
}
