import { PDFString, type PDFContext, type PDFRef } from '@cantoo/pdf-lib';
import type { FontFace } from '../fonts/registry';
import { fontEmbedding, type FontProblem } from './embeddable';
import { embedSubset, FaceUse } from './font-subset';

/**
 * The faces of one PDF document, shared by all its pages: each face gets one resource name (F1, F2,
 * … in order of first use) and one object reference up front, so pages can point at it while it is
 * still growing; the subsets are written once, at the end, with every glyph any page used.
 */
export class DocumentFaces {
  private readonly uses = new Map<string, FaceUse>();
  private readonly refs = new Map<FaceUse, PDFRef>();

  constructor(private readonly ctx: PDFContext) {}

  /** The face's use in this document, or why it cannot be embedded. */
  use(face: FontFace): { use: FaceUse; ref: PDFRef } | FontProblem {
    let use = this.uses.get(face.id);
    if (!use) {
      const { info, problems } = fontEmbedding(face);
      if (!info || problems.length) return problems[0];
      use = new FaceUse(face, `F${this.uses.size + 1}`, info);
      this.uses.set(face.id, use);
      this.refs.set(use, this.ctx.nextRef());
    }
    return { use, ref: this.refs.get(use)! };
  }

  /** Code points drawn as .notdef because their face has no glyph. */
  missingGlyphs(): { face: string; char: string }[] {
    return [...this.uses.values()].flatMap((use) => [...use.missing].map((cp) => ({ face: use.face.id, char: String.fromCodePoint(cp) })));
  }

  /**
   * Writes every face as an Identity-H Type0 font over a CIDFontType2 (TrueType) or CIDFontType0
   * (CFF) subset; returns the BaseFont names, or the first face whose glyphs cannot be read.
   */
  embedAll(): string[] | FontProblem {
    const names: string[] = [];
    for (const use of this.uses.values()) {
      try {
        names.push(this.embed(use));
      } catch (e) {
        const msg = (e as Error).message;
        const name = use.face.postscriptName;
        return { code: 'font-unsupported', zh: `字体 ${name} 的字形数据损坏，无法嵌入 PDF：${msg}`, en: `The glyph data of font ${name} is damaged and cannot be embedded in the PDF: ${msg}` };
      }
    }
    return names;
  }

  private embed(use: FaceUse): string {
    const ctx = this.ctx;
    const sub = embedSubset(use);
    const upem = use.info.unitsPerEm;
    const s = (v: number): number => Math.round((v * 1000) / upem);
    const cff = sub.kind === 'cff';
    const fontFile = ctx.register(ctx.flateStream(sub.fontFile, cff ? { Subtype: 'CIDFontType0C' } : { Length1: sub.fontFile.length }));
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
        [cff ? 'FontFile3' : 'FontFile2']: fontFile,
      }),
    );
    const cidFont = ctx.register(
      ctx.obj({
        Type: 'Font',
        Subtype: cff ? 'CIDFontType0' : 'CIDFontType2',
        BaseFont: sub.baseFont,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        DW: 1000,
        W: sub.w,
        ...(sub.cidToGid ? { CIDToGIDMap: ctx.register(ctx.flateStream(sub.cidToGid)) } : {}),
      }),
    );
    const type0 = ctx.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: sub.baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: ctx.register(ctx.flateStream(sub.toUnicode)),
    });
    ctx.assign(this.refs.get(use)!, type0);
    return sub.baseFont;
  }
}
