/**
 * The importers' one entry: files in (name + bytes), articles, images, page items, errors and a
 * report of every guess out. Never throws for bad input: a file that cannot be read becomes an
 * ImportError naming it, and the other files import all the same.
 */
import type { ImageAsset } from '../model/document';
import { bytesToBase64 } from '../model/base64';
import { blocksFromDocx } from './docx';
import { decodeText, encodingLabel } from './encoding';
import { ImagePaths, baseOf } from './image-paths';
import { isJpeg, isPng, probeImageFully } from './image-probe';
import { blocksFromMarkdown } from './markdown';
import { isCaptionFile, linkPictureFiles } from './picture-files';
import { ChangeLog, emptyReport, pageOnlyColumnNames, type FileReport, type ImportReport } from './report';
import { COLUMN_MAX, segment, type SegmentResult, type SourceBlock } from './segment';
import { blocksFromLines, textLines } from './text-blocks';
import type { ImportError, ImportResult, InputFile } from './types';
import { pageHeaderAtTop, repeatsHeader } from './page-header';
import { addCredits } from './roles';

export type { ImportError, ImportResult, InputFile } from './types';
export type { ImportReport, Guess, NormalizationEntry, Correction, CorrectionField, Fragment, Removed, FileReport } from './report';
export { probeImage, effectivePpi } from './image-probe';
export { decodeText } from './encoding';
export { mergeArticles, splitArticle, changeRole, type RoleRef } from './edit';

export interface ImportOptions {
  /** Punctuation normalization (GB/T 15834). Default: on for plain (OCR) text, off for Markdown and Word. */
  normalizePunctuation?: boolean;
  /** Treat plain text as OCR'd/hard-wrapped (remove OCR spaces, join column-broken paragraphs). Default true. */
  ocr?: boolean;
  /** In OCR mode, remove the spaces OCR leaves beside CJK characters. Default true; false reads the text as written. */
  removeOcrSpaces?: boolean;
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

/** One importFiles call: what it has gathered so far, passed to each step. */
interface ImportRun {
  options: ImportOptions;
  result: ImportResult & { report: ImportReport };
  report: ImportReport;
  /** Every imported article's confidence, in file order. */
  confidences: number[];
  imagePaths: ImagePaths;
  pictureFiles: { name: string; imageId: string }[];
  captionFiles: { name: string; text: string }[];
  /** Placeholders made for a （见图） in a manuscript's text (`SegmentResult.referenced`). */
  referenced: SegmentResult['referenced'];
}

/** What a text or Word file reads as, for the segmenter. */
interface SourceText {
  blocks: SourceBlock[];
  mode: 'ocr' | 'structured';
  normalize: boolean;
  /** A printed page (its header at the top), not a manuscript: its （见图） placeholders stay whatever came with it (`unsentPictures`). */
  page?: boolean;
}

function newRun(options: ImportOptions): ImportRun {
  const result: ImportRun['result'] = {
    articles: [],
    images: [],
    page: { credits: {}, header: {}, banners: [], columnNames: [] },
    imageLinks: [],
    columnLinks: [],
    errors: [],
    report: emptyReport(),
  };
  return { options, result, report: result.report, confidences: [], imagePaths: new ImagePaths(), pictureFiles: [], captionFiles: [], referenced: [] };
}

function addError(run: ImportRun, file: string, zh: string, en: string, offset?: number): void {
  run.result.errors.push(offset === undefined ? { file, zh, en } : { file, offset, zh, en });
}

/** A file that cannot be read: the reader's own words, with the file's name. */
function refuse(run: ImportRun, name: string, zh: string, en: string, offset?: number): undefined {
  addError(run, name, `${name}：${zh}`, `${name}: ${en}`, offset);
  return undefined;
}

function sniffOrUnsupported(file: InputFile): Kind {
  try {
    return sniffKind(file);
  } catch {
    return 'unsupported';
  }
}

export async function importFiles(files: InputFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const run = newRun(options);
  const kinds = files.map(sniffOrUnsupported);
  // Images first, so that Markdown files can find the ones they reference.
  for (const [index, f] of files.entries()) if (kinds[index] === 'image') await importImage(run, f, index);
  for (const [index, f] of files.entries()) {
    if (kinds[index] === 'image') continue;
    try {
      await importOne(run, f, kinds[index], index);
    } catch (e) {
      // A bug or a library failure on strange input must not take the other files down.
      const msg = e instanceof Error ? e.message : String(e);
      addError(run, f.name, `${f.name}：无法读取（${msg}）`, `${f.name}: could not be read (${msg})`);
    }
  }
  linkPictures(run);
  run.report.confidence = run.confidences.length ? Math.round(mean(run.confidences) * 1000) / 1000 : 1;
  return run.result;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

async function importImage(run: ImportRun, f: InputFile, index: number): Promise<void> {
  if (f.bytes.length === 0) return addError(run, f.name, `${f.name}：文件为空（0 字节）`, `${f.name}: the file is empty (0 bytes)`);
  const probe = await probeImageFully(f.bytes);
  if (!probe.ok) return addError(run, f.name, `${f.name}：${probe.zh}`, `${f.name}: ${probe.en}`, probe.offset);
  const id = `${fileTag(f.name, index)}-img1`;
  const asset: ImageAsset = { id, name: baseOf(f.name), mime: probe.info.mime, pixelWidth: probe.info.pixelWidth, pixelHeight: probe.info.pixelHeight, colorSpace: probe.info.colorSpace, data: bytesToBase64(f.bytes) };
  if (probe.info.ppi) asset.ppi = probe.info.ppi;
  run.result.images.push(asset);
  run.imagePaths.add(f.name, id);
  run.pictureFiles.push({ name: f.name, imageId: id });
  run.report.files.push({ name: f.name, kind: 'image', articleIds: [], imageIds: [id], confidence: 1 });
}

/** Files that cannot be imported at all: empty, legacy Word, unknown. True when refused (and said why). */
function refused(run: ImportRun, f: InputFile, kind: Kind): boolean {
  const name = f.name;
  if (f.bytes.length === 0) addError(run, name, `${name}：文件为空（0 字节）`, `${name}: the file is empty (0 bytes)`);
  else if (kind === 'legacy-word')
    addError(run, name, `${name}：旧版 Word（.doc）或 WPS 文件需要先用 LibreOffice 转换；请安装 LibreOffice 后重试，或另存为 .docx`, `${name}: legacy Word (.doc) or WPS files must be converted with LibreOffice first; install LibreOffice and try again, or save the file as .docx`);
  else if (kind === 'unsupported')
    addError(run, name, `${name}：不支持的文件类型（可导入 .txt、.md、.docx、.doc、.wps、.jpg、.png）`, `${name}: unsupported file type (supported: .txt, .md, .docx, .doc, .wps, .jpg, .png)`);
  else return false;
  return true;
}

async function importOne(run: ImportRun, f: InputFile, kind: Kind, index: number): Promise<void> {
  if (refused(run, f, kind)) return;
  if (kind === 'caption') return readCaption(run, f);
  const name = f.name;
  const tag = fileTag(name, index);
  const log = new ChangeLog(name);
  const fileReport: FileReport = { name, kind: kind === 'docx' ? 'docx' : kind === 'markdown' ? 'markdown' : 'text', articleIds: [], imageIds: [], confidence: 1 };
  const source = kind === 'docx' ? await readDocx(run, f, tag, fileReport) : readText(run, f, kind, fileReport);
  if (!source) return;
  fileReport.punctuationNormalized = source.normalize;
  const seg = segment(source.blocks, { file: name, mode: source.mode, normalize: source.normalize, removeSpaces: run.options.removeOcrSpaces, idPrefix: tag, log });
  if (!source.page) bannerOfOneStory(seg);
  addSegment(run, seg, log);
  if (!source.page) run.referenced.push(...seg.referenced);
  reportSegment(run, fileReport, seg);
  run.report.files.push(fileReport);
}

async function readDocx(run: ImportRun, f: InputFile, tag: string, fileReport: FileReport): Promise<SourceText | undefined> {
  const name = f.name;
  const docx = await blocksFromDocx(f.bytes, tag);
  if (!docx.ok) return refuse(run, name, docx.zh, docx.en);
  for (const img of docx.images) {
    run.result.images.push(img);
    fileReport.imageIds.push(img.id);
  }
  for (const p of docx.problems) addError(run, name, `${name}：${p.zh}`, `${name}: ${p.en}`);
  for (const m of docx.messages) run.report.guesses.push({ file: name, kind: 'docx-message', text: m, zh: `Word 转换提示：${m}`, en: `Word conversion note: ${m}`, confidence: 1 });
  for (const note of docx.notes) run.report.removed.push({ file: name, text: note, reason: 'a Word footnote or endnote (a note to the desk, not the story\'s text)' });
  return { blocks: docx.blocks, mode: 'structured', normalize: run.options.normalizePunctuation ?? false };
}

/** Plain text (OCR'd by default) and Markdown, after their encoding is found. */
function readText(run: ImportRun, f: InputFile, kind: Kind, fileReport: FileReport): SourceText | undefined {
  const name = f.name;
  const decoded = decodeText(f.bytes);
  if (!decoded.ok) return refuse(run, name, decoded.zh, decoded.en, decoded.offset);
  const encoding = encodingLabel(decoded.encoding, decoded.guessed);
  fileReport.encoding = encoding;
  if (decoded.dosEof) run.report.removed.push({ file: name, text: '\u001a', reason: 'DOS end-of-file mark (Ctrl-Z, 0x1A) at the end of the file' });
  if (decoded.guessed) run.report.guesses.push({ file: name, kind: 'encoding-guessed', text: encoding, zh: `没有 BOM，按字节分布判断为 ${encoding}`, en: `no BOM: the byte pattern says ${encoding}`, confidence: 0.9 });
  const { options } = run;
  if (kind === 'markdown') {
    const md = blocksFromMarkdown(decoded.text, (ref) => run.imagePaths.resolve(name, ref));
    for (const missing of md.missingImages) addError(run, name, `${name}：引用的图片“${missing}”不在导入的文件中`, `${name}: the referenced image "${missing}" is not among the imported files`);
    return { blocks: md.blocks, mode: 'structured', normalize: options.normalizePunctuation ?? false };
  }
  const lines = textLines(decoded.text);
  const { furniture, page } = takePageHeader(run, name, lines);
  return { blocks: blocksFromLines(lines, furniture), mode: options.ocr === false ? 'structured' : 'ocr', normalize: options.normalizePunctuation ?? true, page };
}

/**
 * The page header the lines start with (报名, date, 版次 and 版名) taken into the page's header: blank
 * lines in their place, so line numbers hold. Returns the lines further down that repeat it (a running
 * head, `repeatsHeader`), to be read as if they were not there: the paragraph they interrupt runs on;
 * and whether there was one (the file is a printed page, not a manuscript).
 */
function takePageHeader(run: ImportRun, name: string, lines: string[]): { furniture: Set<number>; page: boolean } {
  const found = pageHeaderAtTop(lines);
  if (!found) return { furniture: new Set(), page: false };
  Object.assign(run.result.page.header, found.header);
  addCredits(run.result.page.credits, found.credits);
  for (const i of found.lines) {
    run.report.removed.push({ file: name, line: i + 1, text: lines[i].trim(), reason: 'page header (报名, date, 版次, 版名: went to the page header)' });
    lines[i] = '';
  }
  const repeated = new Set<number>();
  lines.forEach((line, i) => {
    if (!repeatsHeader(found.header, line)) return;
    run.report.removed.push({ file: name, line: i + 1, text: line.trim(), reason: 'running head repeating the page header (page furniture inside the text)' });
    repeated.add(i);
  });
  return { furniture: repeated, page: true };
}

/**
 * A file of one story with no page header is no page: a short line with no mark over its titles read as
 * the page's banner is its 栏目 (我在重大工程一线 over 建设团队…——⏎聚力攻坚…, field test 43), unless it has one.
 */
function bannerOfOneStory(seg: SegmentResult): void {
  const [story, ...others] = seg.articles;
  const banner = seg.page.banners[0] ?? '';
  const named = [...banner].length <= COLUMN_MAX && !/\p{P}/u.test(banner);
  if (!story || others.length || seg.page.banners.length !== 1 || !named || seg.columnLinks.some((l) => l.articleId === story.id)) return;
  const columnName = seg.page.banners.pop()!;
  seg.columnLinks.push({ articleId: story.id, columnName });
  seg.page.columnNames.push(columnName);
}

/** One file's articles, images, page items and report entries join the import's. */
function addSegment(run: ImportRun, seg: SegmentResult, log: ChangeLog): void {
  const { result, report } = run;
  result.articles.push(...seg.articles);
  result.images.push(...seg.images);
  result.imageLinks.push(...seg.imageLinks);
  result.columnLinks.push(...seg.columnLinks);
  addCredits(result.page.credits, seg.page.credits);
  result.page.banners.push(...seg.page.banners);
  result.page.columnNames.push(...seg.page.columnNames);
  report.guesses.push(...seg.guesses);
  report.fragments.push(...seg.fragments);
  report.removed.push(...seg.removed);
  report.normalizations.push(...log.list());
  for (const c of log.corrections()) report.corrections.push(c);
}

function reportSegment(run: ImportRun, fileReport: FileReport, seg: SegmentResult): void {
  fileReport.articleIds = seg.articles.map((a) => a.id);
  fileReport.imageIds.push(...seg.images.map((i) => i.id));
  const pageItems = seg.page.banners.length + pageOnlyColumnNames(seg.page.columnNames, seg.columnLinks).length + Object.keys(seg.page.credits).length;
  fileReport.wholePage = seg.articles.length > 1 || pageItems > 0;
  const own = seg.articles.map((a) => seg.confidence.get(a.id) ?? 1);
  run.confidences.push(...own);
  const fileConfidence = own.length ? mean(own) : 1;
  fileReport.confidence = Math.round(fileConfidence * (seg.fragments.length ? 0.9 : 1) * 1000) / 1000;
}

/** A caption file is a picture's caption, never an article. */
function readCaption(run: ImportRun, f: InputFile): void {
  const decoded = decodeText(f.bytes);
  if (!decoded.ok) return addError(run, f.name, `${f.name}：${decoded.zh}`, `${f.name}: ${decoded.en}`, decoded.offset);
  run.captionFiles.push({ name: f.name, text: decoded.text });
  run.report.files.push({ name: f.name, kind: 'caption', encoding: encodingLabel(decoded.encoding, decoded.guessed), articleIds: [], imageIds: [], confidence: 1 });
}

/** A caption file no picture took: its picture was refused (named above), or there is none of its name. */
function unusedCaption(run: ImportRun, name: string): void {
  const stem = name.replace(/\.caption\.txt$/i, '');
  const refused = run.result.errors.find((e) => /\.(?:jpe?g|png)$/i.test(e.file) && e.file.replace(/\.[^.]+$/, '') === stem)?.file;
  if (refused) addError(run, name, `${name}：同名图片 ${refused} 未能导入（见上），说明未使用`, `${name}: its picture ${refused} could not be imported (see above); the caption was not used`);
  else addError(run, name, `${name}：图片说明文件没有同名的图片（应与 ${stem}.jpg 或 .png 一起导入），说明未使用`, `${name}: a caption file with no picture of the same name (import it with ${stem}.jpg or .png); the caption was not used`);
}

/**
 * In a day set (several manuscripts, or pictures sent as files), the placeholders a （见图） in the text made
 * that no picture file filled: the desk sent no picture, so no empty frame is made to print (field test
 * 31's 03.txt); the reference stays in the text and the report says so (补图, or delete （见图）). A
 * printed page keeps them (one with its header, or of several stories): its picture is there, lost to the OCR.
 */
function unsentPictures(run: ImportRun, manuscripts: number, filled: ReadonlySet<string>): string[] {
  if (manuscripts < 2 && run.pictureFiles.length === 0) return [];
  // (a whole page's placeholders stay, however many files came with it)
  const onPages = new Set(run.report.files.filter((f) => f.wholePage).flatMap((f) => f.articleIds));
  const articleOf = (id: string): string | undefined => run.result.imageLinks.find((l) => l.imageId === id)?.articleId;
  const unsent = run.referenced.filter((r) => !filled.has(r.imageId) && !onPages.has(articleOf(r.imageId) ?? ''));
  for (const r of unsent) {
    const guess = run.report.guesses.find((g) => g.kind === 'image-reference' && g.articleId === articleOf(r.imageId) && g.line === r.line);
    if (guess) Object.assign(guess, UNSENT);
  }
  return unsent.map((r) => r.imageId);
}

/** What the report says of a （见图） whose picture was not sent. */
const UNSENT = { confidence: 0.5, zh: '正文提到“（见图）”，但没有送来这张图片：未建空图框；请以同名图片文件补图，或删去“（见图）”', en: 'the text says "(见图)" but no picture was sent: no empty frame was made; send the picture as a file of the same name, or delete "(见图)"' };

/** Picture files join their article by name (07-2.jpg → 07.*), with their caption files. */
function linkPictures(run: ImportRun): void {
  const { result, report } = run;
  const articleFiles = report.files.filter((fr) => fr.kind === 'text' || fr.kind === 'markdown' || fr.kind === 'docx');
  const placeholders = new Set(result.images.filter((i) => i.data === undefined).map((i) => i.id));
  const linked = linkPictureFiles({ pictures: run.pictureFiles, articleFiles, captionFiles: run.captionFiles, links: result.imageLinks, placeholders });
  result.imageLinks = linked.links;
  // A placeholder a picture file filled is gone: the picture is in its place; so is one a day set's （见图） made that none filled.
  const gone = new Set([...linked.filled, ...unsentPictures(run, articleFiles.length, linked.filled)]);
  result.imageLinks = result.imageLinks.filter((l) => !gone.has(l.imageId));
  result.images = result.images.filter((i) => !gone.has(i.id));
  for (const fr of report.files) fr.imageIds = fr.imageIds.filter((id) => !gone.has(id));
  for (const [first, second] of linked.sameName)
    addError(run, second, `${second} 与 ${first} 同名：同名的图片和图片说明只归 ${first}`, `${second} has the name of ${first}: the pictures and captions of that name go to ${first} only`);
  for (const name of linked.unusedCaptions) unusedCaption(run, name);
  for (const fr of report.files) {
    const imageId = linked.captioned.get(fr.name);
    if (imageId) fr.imageIds.push(imageId);
  }
}
