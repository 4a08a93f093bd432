import {
  PDFContext,
  PDFHeader,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  PDFWriter,
  PngEmbedder,
  type PDFRef,
} from '@cantoo/pdf-lib';
import type { FontFace, FontRegistry } from '../fonts/registry';
import { picturePlacement } from '../layout/image-crop';
import type { CmykColor, ImageItem, PageLayout } from '../layout/page-layout';
import type { ImageAsset } from '../model/document';
import { ContentWriter, drawGeometry, num } from './content';
import { embedSubset, FaceUse } from './font-subset';
import { decodeBase64, passThrough, rasterFacts } from './images';
import { drawMarks, sheetGeometry, type SheetGeometry } from './marks';
import { hash128, pdfDate, utf8, xmpPacket } from './metadata';
import { mayEmbedSubset } from './truetype';

const MM = 72 / 25.4;

/** pdf-lib's dictionary literal (not exported by the package under a name). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Dict = Record<string, any>;

/** The printing condition a PDF/X file declares: an ICC output profile and its registry name. */
export interface OutputIntent {
  /** The CMYK output profile (ICC, device class 'prtr', 4 channels). */
  profile: Uint8Array;
  /** e.g. 'FOGRA39', looked up by RIPs in the ICC characterization registry. */
  outputConditionIdentifier: string;
  /** Human-readable condition, e.g. 'Offset printing, coated paper (ISO 12647-2:2004/Amd 1, FOGRA39L)'. */
  outputCondition: string;
  registryName?: string;
  /** Description of the profile (the OutputIntent /Info entry). */
  info?: string;
}

export interface PdfExportOptions {
  /** The registry the layout was made with (faces are looked up by the ids in the glyph runs). */
  fonts: FontRegistry;
  /** The document's images; ImageAsset.data (base64) is used unless `imageBytes` gives the bytes. */
  images?: readonly ImageAsset[];
  imageBytes?: (imageId: string) => Uint8Array | undefined;
  /** Bleed beyond the trim, pt (default 3 mm). */
  bleed?: number;
  /** Crop and registration marks and the slug line outside the trim (default true). */
  marks?: boolean;
  /** A CMYK colour bar in the slug area (default false). */
  colourBar?: boolean;
  /** PDF/X-4 with this output intent; without it a plain print PDF (same geometry, colours and fonts). */
  pdfx?: OutputIntent;
  title?: string;
  /** Shown in the slug line: the file name and the page (版次). */
  fileName?: string;
  pageLabel?: string;
  /** The export time (slug, Info, XMP). Pass it for reproducible output. */
  createdAt?: Date;
  producer?: string;
}

export interface PdfExportInfo {
  geometry: SheetGeometry;
  /** BaseFont names of the embedded subsets. */
  fonts: string[];
  images: number;
  /** Code points drawn as .notdef because their face has no glyph. */
  missingGlyphs: { face: string; char: string }[];
}

export type PdfExportResult = { ok: true; bytes: Uint8Array; info: PdfExportInfo } | { ok: false; zh: string; en: string };

const fail = (zh: string, en: string): PdfExportResult => ({ ok: false, zh, en });

/**
 * PageLayout → PDF bytes. Draws exactly the items of the layout: glyph runs at their x positions
 * (Identity-H CIDFontType2 subsets with ToUnicode), images filling their frames (centre-cropped),
 * rules and boxes, all in DeviceCMYK. Pure: fonts and image bytes come in through the options.
 */
export async function exportPdf(layout: PageLayout, options: PdfExportOptions): Promise<PdfExportResult> {
  const bleed = options.bleed ?? 3 * MM;
  if (!(bleed >= 0) || bleed > 72) return fail(`出血值无效：${bleed} pt（应在 0 到 25 mm 之间）`, `Invalid bleed: ${bleed} pt (must be between 0 and 25 mm)`);
  const marks = options.marks ?? true;
  const g = sheetGeometry(layout.width, layout.height, bleed, marks);
  const createdAt = options.createdAt ?? new Date();
  const { ox, oy } = g;
  const pageTop = oy + layout.height;

  const ctx = PDFContext.create();
  ctx.header = PDFHeader.forVersion(1, 6);

  // Faces, in order of first use.
  const faceUses = new Map<string, FaceUse>();
  const useOf = (face: FontFace): FaceUse | PdfExportResult => {
    let use = faceUses.get(face.id);
    if (!use) {
      try {
        use = new FaceUse(face, `F${faceUses.size + 1}`);
      } catch (e) {
        return fail(`字体 ${face.postscriptName} 无法读取：${(e as Error).message}`, `Font ${face.postscriptName} cannot be read: ${(e as Error).message}`);
      }
      if (use.info.outlines !== 'glyf') {
        return fail(
          `字体 ${face.postscriptName} 是 CFF/OpenType 轮廓，目前只能嵌入 TrueType 字体，请先转换`,
          `Font ${face.postscriptName} has CFF/OpenType outlines; only TrueType fonts can be embedded for now, convert it first`,
        );
      }
      if (!mayEmbedSubset(use.info.fsType)) {
        return fail(
          `字体 ${face.postscriptName} 的授权不允许嵌入子集（fsType = 0x${use.info.fsType.toString(16)}）`,
          `The licence of font ${face.postscriptName} does not allow embedding a subset (fsType = 0x${use.info.fsType.toString(16)})`,
        );
      }
      faceUses.set(face.id, use);
    }
    return use;
  };

  const cw = new ContentWriter();
  // Everything on the page is clipped to the bleed box, so nothing reaches the marks.
  cw.save();
  cw.rect(ox - bleed, oy - bleed, layout.width + 2 * bleed, layout.height + 2 * bleed, 'W n');

  const imageNames = new Map<string, string>();
  const imageRefs: [string, PDFRef][] = [];
  const imageAssets = new Map((options.images ?? []).map((a) => [a.id, a]));
  let cids = new Uint16Array(256);

  for (const item of layout.items) {
    switch (item.kind) {
      case 'glyphs': {
        const face = options.fonts.faceById(item.face);
        if (!face) return fail(`版面使用了未注册的字体 ${item.face}`, `The layout uses a font that is not registered: ${item.face}`);
        const use = useOf(face);
        if (!(use instanceof FaceUse)) return use;
        if (cids.length < item.xs.length) cids = new Uint16Array(item.xs.length * 2);
        let n = 0;
        for (let i = 0; i < item.text.length; i++) {
          const c = item.text.charCodeAt(i);
          let cp = c;
          if (c >= 0xd800 && c < 0xdc00 && i + 1 < item.text.length) {
            cp = item.text.codePointAt(i)!;
            i++;
          }
          cids[n++] = use.cid(cp);
        }
        if (n === 0) break;
        cw.fillCmyk(item.color);
        cw.glyphs(use.resourceName, item.size, item.hScale * 100, ox + item.xs[0], pageTop - item.y, cids.subarray(0, n), use.widths, item.xs);
        break;
      }
      case 'rule':
      case 'box':
      case 'art':
        drawGeometry(cw, item, ox, pageTop);
        break;
      case 'image': {
        const bytes = options.imageBytes?.(item.imageId) ?? assetBytes(imageAssets.get(item.imageId));
        if (!bytes) {
          drawPlaceholder(cw, ox + item.x, pageTop - item.y - item.height, item.width, item.height);
          break;
        }
        const probe = rasterFacts(bytes);
        if (!probe.ok) {
          const name = imageAssets.get(item.imageId)?.name ?? item.imageId;
          return fail(`图片 ${name} 无法嵌入：${probe.zh}`, `Image ${name} cannot be embedded: ${probe.en}`);
        }
        let name = imageNames.get(item.imageId);
        if (!name) {
          name = `Im${imageNames.size + 1}`;
          imageNames.set(item.imageId, name);
          const direct = passThrough(bytes, probe.facts);
          let ref: PDFRef;
          if (direct) {
            const dict = { ...direct.dict };
            if (Array.isArray(dict.ColorSpace)) {
              const [, base, hival, palette] = dict.ColorSpace as [string, string, number, { hex: Uint8Array }];
              dict.ColorSpace = [PDFName.of('Indexed'), PDFName.of(base), PDFNumber.of(hival), PDFHexString.of(toHex(palette.hex))];
            }
            ref = ctx.register(ctx.stream(direct.data, dict as never));
          } else {
            try {
              const embedder = await PngEmbedder.for(bytes);
              ref = await embedder.embedIntoContext(ctx);
            } catch (e) {
              return fail(`PNG 图片无法解码：${(e as Error).message}`, `The PNG image cannot be decoded: ${(e as Error).message}`);
            }
          }
          imageRefs.push([name, ref]);
        }
        drawImage(cw, name, item, probe.facts.width, probe.facts.height, ox, pageTop);
        break;
      }
    }
  }
  cw.restore();

  if (marks) {
    const slugFace = options.fonts.face({ family: options.fonts.defaultFamily, bold: false });
    const use = useOf(slugFace);
    if (!(use instanceof FaceUse)) return use;
    const date = localStamp(createdAt);
    const w = (layout.width / MM).toFixed(0);
    const h = (layout.height / MM).toFixed(0);
    const slug = [options.fileName, options.pageLabel, date, `${w}×${h} mm`, `bleed ${(bleed / MM).toFixed(1)} mm`, options.pdfx ? 'PDF/X-4' : '']
      .filter(Boolean)
      .join('   ');
    drawMarks(cw, g, { slug, colourBar: options.colourBar ?? false, registration: 'CSReg' }, {
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
  }
  const content = cw.toString();

  // Fonts.
  const fontDict: Record<string, PDFRef> = {};
  const missingGlyphs: PdfExportInfo['missingGlyphs'] = [];
  const fontNames: string[] = [];
  for (const use of faceUses.values()) {
    for (const cp of use.missing) missingGlyphs.push({ face: use.face.id, char: String.fromCodePoint(cp) });
    const sub = embedSubset(use);
    fontNames.push(sub.baseFont);
    const upem = use.info.unitsPerEm;
    const s = (v: number): number => Math.round((v * 1000) / upem);
    const fontFile = ctx.register(ctx.flateStream(sub.fontFile, { Length1: sub.fontFile.length }));
    const descriptor = ctx.register(
      ctx.obj({
        Type: 'FontDescriptor',
        FontName: sub.baseFont,
        Flags: 4,
        FontBBox: use.info.bbox.map(s),
        ItalicAngle: use.info.italicAngle,
        Ascent: s(use.info.ascent),
        Descent: s(use.info.descent),
        CapHeight: s(use.info.capHeight),
        StemV: use.face.bold ? 120 : 80,
        FontFile2: fontFile,
      }),
    );
    const cidFont = ctx.register(
      ctx.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: sub.baseFont,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        DW: 1000,
        W: sub.w,
        CIDToGIDMap: ctx.register(ctx.flateStream(sub.cidToGid)),
      }),
    );
    fontDict[use.resourceName] = ctx.register(
      ctx.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: sub.baseFont,
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: ctx.register(ctx.flateStream(sub.toUnicode)),
      }),
    );
  }

  const resources: Dict = { ProcSet: ['PDF', 'Text', 'ImageB', 'ImageC', 'ImageI'] };
  if (faceUses.size) resources.Font = fontDict;
  if (imageRefs.length) resources.XObject = Object.fromEntries(imageRefs);
  if (marks) {
    const tint = ctx.obj({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [1, 1, 1, 1], N: 1 });
    resources.ColorSpace = { CSReg: ['Separation', 'All', 'DeviceCMYK', ctx.register(tint)] };
  }

  const box = (x: number, y: number, w: number, h: number): number[] => [x, y, x + w, y + h].map((v) => Number(num(v)));
  const contentRef = ctx.register(ctx.flateStream(content));
  const pagesRef = ctx.nextRef();
  const pageRef = ctx.register(
    ctx.obj({
      Type: 'Page',
      Parent: pagesRef,
      MediaBox: box(0, 0, g.mediaWidth, g.mediaHeight),
      BleedBox: box(ox - bleed, oy - bleed, layout.width + 2 * bleed, layout.height + 2 * bleed),
      TrimBox: box(ox, oy, layout.width, layout.height),
      Resources: resources,
      Contents: contentRef,
    }),
  );
  ctx.assign(pagesRef, ctx.obj({ Type: 'Pages', Kids: [pageRef], Count: 1 }));

  const title = options.title ?? options.fileName ?? 'Banmian page';
  const producer = options.producer ?? 'Banmian (版面)';
  const documentId = hash128(`${title}\u0000${createdAt.toISOString()}\u0000${content.length}\u0000${content.slice(0, 4096)}\u0000${content.slice(-4096)}`);
  const instanceId = hash128(`${documentId}\u0000instance`);
  const pdfxVersion = options.pdfx ? 'PDF/X-4' : undefined;
  const metadata = ctx.register(ctx.stream(utf8(xmpPacket({ title, createdAt, documentId, instanceId, producer, creator: producer, pdfxVersion })), { Type: 'Metadata', Subtype: 'XML' }));

  const catalog: Dict = { Type: 'Catalog', Pages: pagesRef, Metadata: metadata };
  if (options.pdfx) {
    const p = options.pdfx;
    const profile = ctx.register(ctx.flateStream(p.profile, { N: 4 }));
    catalog.OutputIntents = [
      ctx.obj({
        Type: 'OutputIntent',
        S: 'GTS_PDFX',
        OutputConditionIdentifier: PDFString.of(p.outputConditionIdentifier),
        OutputCondition: PDFHexString.fromText(p.outputCondition),
        RegistryName: PDFString.of(p.registryName ?? 'http://www.color.org'),
        Info: PDFHexString.fromText(p.info ?? p.outputCondition),
        DestOutputProfile: profile,
      }),
    ];
  }
  ctx.trailerInfo.Root = ctx.register(ctx.obj(catalog));
  const info: Dict = {
    Title: PDFHexString.fromText(title),
    Producer: PDFHexString.fromText(producer),
    Creator: PDFHexString.fromText(producer),
    CreationDate: PDFString.of(pdfDate(createdAt)),
    ModDate: PDFString.of(pdfDate(createdAt)),
    Trapped: 'False',
  };
  if (pdfxVersion) info.GTS_PDFXVersion = PDFString.of(pdfxVersion);
  ctx.trailerInfo.Info = ctx.register(ctx.obj(info));
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of(documentId.toUpperCase()), PDFHexString.of(instanceId.toUpperCase())]);

  const bytes = await PDFWriter.forContext(ctx, Number.MAX_SAFE_INTEGER).serializeToBuffer();
  return { ok: true, bytes, info: { geometry: g, fonts: fontNames, images: imageRefs.length, missingGlyphs } };
}

function assetBytes(asset: ImageAsset | undefined): Uint8Array | undefined {
  return asset?.data ? decodeBase64(asset.data) : undefined;
}

function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/**
 * The picture where the layout placed it (its crop), or else scaled to cover its frame, centred;
 * clipped to the frame either way (the SVG renderer's nested viewport or "xMidYMid slice").
 */
function drawImage(cw: ContentWriter, name: string, item: ImageItem, pw: number, ph: number, ox: number, pageTop: number): void {
  if (item.width <= 0 || item.height <= 0) return;
  const placed = item.picture ?? picturePlacement(item, pw, ph, {});
  cw.image(name, ox + placed.x, pageTop - placed.y - placed.height, placed.width, placed.height, { x: ox + item.x, y: pageTop - item.y - item.height, w: item.width, h: item.height });
}

/** An image without picture data: a light grey frame with a cross, K only (preflight reports it). */
function drawPlaceholder(cw: ContentWriter, x: number, y: number, w: number, h: number): void {
  cw.save();
  cw.fillCmyk({ c: 0, m: 0, y: 0, k: 0.1 });
  cw.strokeCmyk({ c: 0, m: 0, y: 0, k: 0.4 });
  cw.width(0.5);
  cw.rect(x, y, w, h, 'B');
  cw.line(x, y, x + w, y + h);
  cw.line(x, y + h, x + w, y);
  cw.restore();
}

/** 2024-01-16 22:30 in the exporting machine's local time (the slug is for people). */
function localStamp(d: Date): string {
  const p = (v: number): string => String(v).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
