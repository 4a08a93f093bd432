/**
 * The copy desk's file-name convention for a day's pictures: `NN.jpg`, `NN-2.png` belong to the
 * article file `NN.*` (the picture's stem up to its first "-"), in the same folder; `NN.caption.txt`
 * and `NN-2.caption.txt` hold the caption of the picture with that stem. A picture whose article is
 * not among the files is a stand-alone photo. Names are compared without regard to case (Windows
 * desks), and only within one folder.
 */
import { joinWrappedLines } from './ocr-text';

const CAPTION_SUFFIX = /\.caption\.txt$/i;

export function isCaptionFile(name: string): boolean {
  return CAPTION_SUFFIX.test(name);
}

function split(name: string): { dir: string; base: string } {
  const path = name.replace(/\\/g, '/');
  const cut = path.lastIndexOf('/');
  return { dir: path.slice(0, cut + 1), base: path.slice(cut + 1) };
}

function dropExtension(base: string): string {
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

const key = (dir: string, stem: string): string => `${dir}${stem}`.toLowerCase();

/** The article key of a manuscript: `day/07.docx` → `day/07`; a converted `07.doc.docx` too. */
export function articleKey(name: string): string {
  const { dir, base } = split(name);
  const stem = dropExtension(base);
  return key(dir, /\.(?:doc|wps)$/i.test(stem) ? dropExtension(stem) : stem);
}

/** A picture's own key (for its caption file) and the key of the article it belongs to. */
export function pictureKeys(name: string): { own: string; article: string } {
  const { dir, base } = split(name);
  const stem = dropExtension(base);
  const dash = stem.indexOf('-');
  return { own: key(dir, stem), article: key(dir, dash > 0 ? stem.slice(0, dash) : stem) };
}

/** Whether a picture is one of its article's further pictures (`07-2.jpg`), not its own (`07.jpg`). */
function isSecondary(name: string): boolean {
  const keys = pictureKeys(name);
  return keys.own !== keys.article;
}

/** The key of the picture a caption file describes: `07-2.caption.txt` → `07-2`. */
export function captionKey(name: string): string {
  const { dir, base } = split(name);
  return key(dir, base.replace(CAPTION_SUFFIX, ''));
}

/** A caption file's text as one line: its lines joined as a paragraph's are, blanks collapsed. */
export function captionText(text: string): string {
  return joinWrappedLines(text.split(/\r\n|\r|\n/)).replace(/[ \t\u00a0\u3000]+/g, ' ').trim();
}

export type PictureLink = { imageId: string; articleId?: string; caption: string };

/** The least of a caption two pictures share to be one picture's (a caption's first sentence, about). */
const SAME_CAPTION_MIN = 8;

/** Whether two captions are one picture's: the same words, spaces aside, or one the other's start (a credit after it). */
function sameCaption(a: string, b: string): boolean {
  const [x, y] = [a, b].map((c) => c.replace(/[\s\u3000]+/gu, ''));
  return Math.min(x.length, y.length) >= SAME_CAPTION_MIN && (x.startsWith(y) || y.startsWith(x));
}

export interface PictureFilesInput {
  /** Picture files as imported (not pictures embedded in a Word file). */
  pictures: { name: string; imageId: string }[];
  /** Manuscripts and the articles each gave, in input order (a picture joins the file's first). */
  articleFiles: { name: string; articleIds: string[] }[];
  captionFiles: { name: string; text: string }[];
  /** Links the manuscripts made themselves (a Markdown ![](07.jpg)); kept, their caption filled in. */
  links: PictureLink[];
  /** Pictures with no picture data, made for a （如图）/【图片】 in the text: a picture file of that article fills the first empty one (置入), as it takes the place of a picture the manuscript embeds with its caption. */
  placeholders?: ReadonlySet<string>;
}

/**
 * Every picture file's link: to its article by name — in the article's first placeholder still empty,
 * else as a picture of its own — or stand-alone (no articleId) when no article has its name; which
 * caption file went to which picture, those that went to none, the placeholders filled, and the
 * manuscripts that share a name.
 */
export function linkPictureFiles(input: PictureFilesInput): { links: PictureLink[]; captioned: Map<string, string>; unusedCaptions: string[]; filled: Set<string>; sameName: [string, string][] } {
  const articleOf = new Map<string, string>();
  // two manuscripts of one name (03.txt and 03.md): the pictures of that name go to the first; the second is named
  const fileOf = new Map<string, string>();
  const sameName: [string, string][] = [];
  for (const f of input.articleFiles) {
    if (!f.articleIds.length) continue;
    const key = articleKey(f.name);
    const first = fileOf.get(key);
    if (first === undefined) {
      fileOf.set(key, f.name);
      articleOf.set(key, f.articleIds[0]);
    } else sameName.push([first, f.name]);
  }
  const captions = new Map(input.captionFiles.map((c) => [captionKey(c.name), c]));
  const captioned = new Map<string, string>();
  const filled = new Set<string>();
  const links = input.links.map((l) => ({ ...l }));
  // An article's own picture (07.jpg) before its others (07-2.jpg), whatever order the files came in: it fills the first placeholder.
  const ordered = [...input.pictures].sort((a, b) => Number(isSecondary(a.name)) - Number(isSecondary(b.name)));
  for (const p of ordered) {
    const keys = pictureKeys(p.name);
    const caption = captions.get(keys.own);
    if (caption) captioned.set(caption.name, p.imageId);
    const text = caption ? captionText(caption.text) : '';
    const made = links.find((l) => l.imageId === p.imageId);
    if (made) {
      if (caption) made.caption = text;
      continue;
    }
    const articleId = articleOf.get(keys.article);
    // (or the picture the manuscript embeds with the same caption: the file is its print version, field test 30's 01.docx and 01.jpg)
    const slot = articleId === undefined ? undefined : links.find((l) => l.articleId === articleId && !filled.has(l.imageId) && (input.placeholders?.has(l.imageId) || sameCaption(l.caption, text)));
    if (slot) {
      filled.add(slot.imageId);
      Object.assign(slot, { imageId: p.imageId, caption: text || slot.caption });
    } else if (articleId) links.push({ imageId: p.imageId, articleId, caption: text });
    // no article of its name: a stand-alone photo (图片新闻), its caption to fill in when it has no caption file
    else links.push({ imageId: p.imageId, caption: text });
  }
  return { links, captioned, unusedCaptions: input.captionFiles.filter((c) => !captioned.has(c.name)).map((c) => c.name), filled, sameName };
}
