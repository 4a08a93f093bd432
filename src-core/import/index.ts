/**
 * The importers' one entry: files in (name + bytes), articles, images, page items, errors and a
 * report of every guess out. Never throws for bad input: a file that cannot be read becomes an
 * ImportError naming it, and the other files import all the same.
 */
import type { ImageAsset } from '../model/document';
import { bytesToBase64 } from '../model/base64';
import { blocksFromDocx } from './docx';
import { decodeText, encodingLabel } from './encoding';
import { isJpeg, isPng, probeImageFully } from './image-probe';
import { blocksFromMarkdown } from './markdown';
import { isCaptionFile, linkPictureFiles } from './picture-files';
import { ChangeLog, emptyReport, type FileReport, type ImportReport } from './report';
import { segment, type SourceBlock } from './segment';
import { blocksFromText } from './text-blocks';
import type { ImportError, ImportResult, InputFile } from './types';

export type { ImportError, ImportResult, InputFile } from './types';
export type { ImportReport, Guess, NormalizationEntry, Fragment, Removed, FileReport } from './report';
export { probeImage, effectivePpi } from './image-probe';
export { decodeText } from './encoding';
export { mergeArticles, splitArticle, changeRole, type RoleRef } from './edit';

export interface ImportOptions {
  /** Punctuation normalization (GB/T 15834). Default: on for plain (OCR) text, off for Markdown and Word. */
  normalizePunctuation?: boolean;
  /** Treat plain text as OCR'd/hard-wrapped (remove OCR spaces, join column-broken paragraphs). Default true. */
  ocr?: boolean;
}

type Kind = 'text' | 'markdown' | 'docx' | 'image' | 'caption' | 'legacy-word' | 'unsupported';

const ext = (name: string): string => (name.match(/\.([A-Za-z0-9]+)$/)?.[1] ?? '').toLowerCase();

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

function isOle(b: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return b.length >= 8 && sig.every((v, i) => b[i] === v);
}

/** What a file is, from its first bytes and then its name. */
export function sniffKind(file: InputFile): Kind {
  const b = file.bytes;
  const e = ext(file.name);
  if (isPng(b) || isJpeg(b)) return 'image';
  if (['png', 'jpg', 'jpeg', 'jpe', 'jfif'].includes(e)) return 'image';
  if (isCaptionFile(file.name)) return 'caption';
  if (isZip(b) || e === 'docx') return 'docx';
  if (isOle(b) || e === 'doc' || e === 'wps') return 'legacy-word';
  if (e === 'md' || e === 'markdown') return 'markdown';
  if (['txt', 'text', ''].includes(e)) return 'text';
  return 'unsupported';
}

/** A short stable tag per file, so ids from different imports do not collide. */
function fileTag(name: string, index: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `i${((h >>> 0) % 0xfffff).toString(36)}${index}`;
}

function normPath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.replace(/\\/g, '/').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

const dirOf = (p: string): string => normPath(p).split('/').slice(0, -1).join('/');
const baseOf = (p: string): string => normPath(p).split('/').pop() ?? p;

export async function importFiles(files: InputFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const result: ImportResult & { report: ImportReport } = {
    articles: [],
    images: [],
    page: { credits: {}, banners: [], columnNames: [] },
    imageLinks: [],
    columnLinks: [],
    errors: [],
    report: emptyReport(),
  };
  const report = result.report;
  const confidences: number[] = [];
  const imagesByPath = new Map<string, string>();
  const imagesByBase = new Map<string, string>();
  const pictureFiles: { name: string; imageId: string }[] = [];
  const captionFiles: { name: string; text: string }[] = [];
  const kinds = files.map((f) => {
    try {
      return sniffKind(f);
    } catch {
      return 'unsupported' as Kind;
    }
  });
  const error = (file: string, zh: string, en: string, offset?: number): void => {
    result.errors.push(offset === undefined ? { file, zh, en } : { file, offset, zh, en });
  };

  // Images first, so that Markdown files can find the ones they reference.
  for (const [index, f] of files.entries()) {
    if (kinds[index] !== 'image') continue;
    if (f.bytes.length === 0) {
      error(f.name, `${f.name}：文件为空（0 字节）`, `${f.name}: the file is empty (0 bytes)`);
      continue;
    }
    const probe = await probeImageFully(f.bytes);
    if (!probe.ok) {
      error(f.name, `${f.name}：${probe.zh}`, `${f.name}: ${probe.en}`, probe.offset);
      continue;
    }
    const id = `${fileTag(f.name, index)}-img1`;
    const asset: ImageAsset = { id, name: baseOf(f.name), mime: probe.info.mime, pixelWidth: probe.info.pixelWidth, pixelHeight: probe.info.pixelHeight, colorSpace: probe.info.colorSpace, data: bytesToBase64(f.bytes) };
    if (probe.info.ppi) asset.ppi = probe.info.ppi;
    result.images.push(asset);
    imagesByPath.set(normPath(f.name), id);
    imagesByBase.set(baseOf(f.name), id);
    pictureFiles.push({ name: f.name, imageId: id });
    report.files.push({ name: f.name, kind: 'image', articleIds: [], imageIds: [id], confidence: 1 });
  }

  for (let index = 0; index < files.length; index++) {
    const f = files[index];
    const kind = kinds[index];
    if (kind === 'image') continue;
    try {
      await importOne(f, kind, index);
    } catch (e) {
      // A bug or a library failure on strange input must not take the other files down.
      const msg = e instanceof Error ? e.message : String(e);
      error(f.name, `${f.name}：无法读取（${msg}）`, `${f.name}: could not be read (${msg})`);
    }
  }
  linkPictures();
  report.confidence = confidences.length ? Math.round((confidences.reduce((a, b) => a + b, 0) / confidences.length) * 1000) / 1000 : 1;
  return result;

  async function importOne(f: InputFile, kind: Kind, index: number): Promise<void> {
    const name = f.name;
    if (f.bytes.length === 0) return error(name, `${name}：文件为空（0 字节）`, `${name}: the file is empty (0 bytes)`);
    if (kind === 'legacy-word')
      return error(name, `${name}：旧版 Word（.doc）或 WPS 文件需要先用 LibreOffice 转换；请安装 LibreOffice 后重试，或另存为 .docx`, `${name}: legacy Word (.doc) or WPS files must be converted with LibreOffice first; install LibreOffice and try again, or save the file as .docx`);
    if (kind === 'unsupported')
      return error(name, `${name}：不支持的文件类型（可导入 .txt、.md、.docx、.doc、.wps、.jpg、.png）`, `${name}: unsupported file type (supported: .txt, .md, .docx, .doc, .wps, .jpg, .png)`);
    if (kind === 'caption') return readCaption(f);
    const tag = fileTag(name, index);
    const log = new ChangeLog(name);
    const fileReport: FileReport = { name, kind: kind === 'docx' ? 'docx' : kind === 'markdown' ? 'markdown' : 'text', articleIds: [], imageIds: [], confidence: 1 };
    let blocks: SourceBlock[];
    let mode: 'ocr' | 'structured' = 'structured';
    let normalize = options.normalizePunctuation ?? false;
    if (kind === 'docx') {
      const docx = await blocksFromDocx(f.bytes, tag);
      if (!docx.ok) return error(name, `${name}：${docx.zh}`, `${name}: ${docx.en}`);
      blocks = docx.blocks;
      for (const img of docx.images) {
        result.images.push(img);
        fileReport.imageIds.push(img.id);
      }
      for (const p of docx.problems) error(name, `${name}：${p.zh}`, `${name}: ${p.en}`);
      for (const m of docx.messages) report.guesses.push({ file: name, kind: 'docx-message', text: m, zh: `Word 转换提示：${m}`, en: `Word conversion note: ${m}`, confidence: 1 });
    } else {
      const decoded = decodeText(f.bytes);
      if (!decoded.ok) return error(name, `${name}：${decoded.zh}`, `${name}: ${decoded.en}`, decoded.offset);
      fileReport.encoding = encodingLabel(decoded.encoding, decoded.guessed);
      if (decoded.dosEof) report.removed.push({ file: name, text: '\u001a', reason: 'DOS end-of-file mark (Ctrl-Z, 0x1A) at the end of the file' });
      if (decoded.guessed)
        report.guesses.push({ file: name, kind: 'encoding-guessed', text: fileReport.encoding, zh: `没有 BOM，按字节分布判断为 ${fileReport.encoding}`, en: `no BOM: the byte pattern says ${fileReport.encoding}`, confidence: 0.9 });
      if (kind === 'markdown') {
        const md = blocksFromMarkdown(decoded.text, (ref) => resolveImage(name, ref));
        blocks = md.blocks;
        for (const missing of md.missingImages) error(name, `${name}：引用的图片“${missing}”不在导入的文件中`, `${name}: the referenced image "${missing}" is not among the imported files`);
      } else {
        blocks = blocksFromText(decoded.text);
        mode = options.ocr === false ? 'structured' : 'ocr';
        normalize = options.normalizePunctuation ?? true;
      }
    }
    fileReport.punctuationNormalized = normalize;
    const seg = segment(blocks, { file: name, mode, normalize, idPrefix: tag, log });
    result.articles.push(...seg.articles);
    result.images.push(...seg.images);
    result.imageLinks.push(...seg.imageLinks);
    result.columnLinks.push(...seg.columnLinks);
    Object.assign(result.page.credits, seg.page.credits);
    result.page.banners.push(...seg.page.banners);
    result.page.columnNames.push(...seg.page.columnNames);
    report.guesses.push(...seg.guesses);
    report.fragments.push(...seg.fragments);
    report.removed.push(...seg.removed);
    report.normalizations.push(...log.list());
    fileReport.articleIds = seg.articles.map((a) => a.id);
    fileReport.imageIds.push(...seg.images.map((i) => i.id));
    const pageItems = seg.page.banners.length + seg.page.columnNames.length + Object.keys(seg.page.credits).length;
    fileReport.wholePage = seg.articles.length > 1 || pageItems > 0;
    const own = seg.articles.map((a) => seg.confidence.get(a.id) ?? 1);
    confidences.push(...own);
    const fileConfidence = own.length ? own.reduce((a, b) => a + b, 0) / own.length : 1;
    fileReport.confidence = Math.round(fileConfidence * (seg.fragments.length ? 0.9 : 1) * 1000) / 1000;
    report.files.push(fileReport);
  }

  /** A caption file is a picture's caption, never an article. */
  function readCaption(f: InputFile): void {
    const decoded = decodeText(f.bytes);
    if (!decoded.ok) return error(f.name, `${f.name}：${decoded.zh}`, `${f.name}: ${decoded.en}`, decoded.offset);
    captionFiles.push({ name: f.name, text: decoded.text });
    report.files.push({ name: f.name, kind: 'caption', encoding: encodingLabel(decoded.encoding, decoded.guessed), articleIds: [], imageIds: [], confidence: 1 });
  }

  /** Picture files join their article by name (07-2.jpg → 07.*), with their caption files. */
  function linkPictures(): void {
    const articleFiles = report.files.filter((fr) => fr.kind === 'text' || fr.kind === 'markdown' || fr.kind === 'docx');
    const linked = linkPictureFiles({ pictures: pictureFiles, articleFiles, captionFiles, links: result.imageLinks });
    result.imageLinks = linked.links;
    for (const name of linked.unusedCaptions)
      error(name, `${name}：图片说明文件没有同名的图片（应与 ${name.replace(/\.caption\.txt$/i, '')}.jpg 或 .png 一起导入），说明未使用`, `${name}: a caption file with no picture of the same name (import it with ${name.replace(/\.caption\.txt$/i, '')}.jpg or .png); the caption was not used`);
    for (const fr of report.files) {
      const imageId = linked.captioned.get(fr.name);
      if (imageId) fr.imageIds.push(imageId);
    }
  }

  function resolveImage(fromFile: string, ref: string): string | undefined {
    if (/^[a-z]+:/i.test(ref)) return undefined;
    const rel = normPath(dirOf(fromFile) ? `${dirOf(fromFile)}/${ref}` : ref);
    return imagesByPath.get(rel) ?? imagesByPath.get(normPath(ref)) ?? imagesByBase.get(baseOf(ref));
  }
}
