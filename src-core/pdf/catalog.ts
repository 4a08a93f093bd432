import { PDFHexString, PDFString, type PDFContext, type PDFRef } from '@cantoo/pdf-lib';
import { hash128, pdfDate, utf8, xmpPacket } from './metadata';

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

export interface DocumentFacts {
  title: string;
  producer: string;
  createdAt: Date;
  pdfx?: OutputIntent;
  /** Each page's content stream: the document ID is derived from them, so the same pages give the same file. */
  contents: readonly string[];
}

/**
 * The document level of the file: catalog (pages, XMP metadata, the PDF/X-4 output intent), the
 * Info dictionary and the file IDs in the trailer.
 */
export function writeCatalog(ctx: PDFContext, pagesRef: PDFRef, f: DocumentFacts): void {
  const { title, producer, createdAt } = f;
  const pages = f.contents.map((c) => `${c.length}\u0000${c.slice(0, 4096)}\u0000${c.slice(-4096)}`).join('\u0000');
  const documentId = hash128(`${title}\u0000${createdAt.toISOString()}\u0000${pages}`);
  const instanceId = hash128(`${documentId}\u0000instance`);
  const pdfxVersion = f.pdfx ? 'PDF/X-4' : undefined;
  const xmp = xmpPacket({ title, createdAt, documentId, instanceId, producer, creator: producer, pdfxVersion });
  const metadata = ctx.register(ctx.stream(utf8(xmp), { Type: 'Metadata', Subtype: 'XML' }));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pdf-lib's dictionary literal
  const catalog: Record<string, any> = { Type: 'Catalog', Pages: pagesRef, Metadata: metadata };
  if (f.pdfx) catalog.OutputIntents = [outputIntent(ctx, f.pdfx)];
  ctx.trailerInfo.Root = ctx.register(ctx.obj(catalog));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pdf-lib's dictionary literal
  const info: Record<string, any> = {
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
}

/**
 * The last output profile compressed, kept: an edition's export writes the same profile into each
 * of its 17 files, and compressing it is most of what a file's catalog costs. Compared byte for
 * byte, so a different profile is never given another's stream.
 */
let lastProfile: { profile: Uint8Array; deflated: Uint8Array } | undefined;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The profile as a Flate stream, as `ctx.flateStream(profile, { N: 4 })` writes it. */
function profileStream(ctx: PDFContext, profile: Uint8Array) {
  if (lastProfile && sameBytes(lastProfile.profile, profile)) return ctx.stream(lastProfile.deflated, { N: 4, Filter: 'FlateDecode' });
  const stream = ctx.flateStream(profile, { N: 4 });
  lastProfile = { profile: profile.slice(), deflated: stream.getContents() };
  return stream;
}

function outputIntent(ctx: PDFContext, p: OutputIntent) {
  const profile = ctx.register(profileStream(ctx, p.profile));
  return ctx.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of(p.outputConditionIdentifier),
    OutputCondition: PDFHexString.fromText(p.outputCondition),
    RegistryName: PDFString.of(p.registryName ?? 'http://www.color.org'),
    Info: PDFHexString.fromText(p.info ?? p.outputCondition),
    DestOutputProfile: profile,
  });
}
