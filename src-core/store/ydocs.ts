import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { Article, BanmianDocument, Block, ImageAsset, PageGuides, PageHeader, PageSettings, StyleName, StyleOverrides, TextStyle } from '../model/document';
import { FORMAT_VERSION } from '../model/document';
import { guidesAreValid } from '../model/validate';
import type { RichDoc } from '../model/richtext';
import { bodyShapeProblem, type BodyProblem } from '../model/body-shape';
import { storySchema } from '../story/schema';

/**
 * How a page lives in Yjs documents (issue 8's design, used by single-user editing too):
 * - the layout document: `page` (settings, one JSON value per key), `header` (one string per field,
 *   so two people can edit different header fields), `blocks` (a Y.Map per block, one key per field,
 *   so a move and a resize merge), `articleOrder` (Y.Array of article ids), `images` (ImageAsset JSON);
 * - one document per article: `meta` (kicker, headline, deck, byline, lead, jump lines), `styles`
 *   (the article's local style overrides: one entry per style name, a partial TextStyle, so two
 *   desks overriding different styles merge) and `body`, the tiptap collaboration fragment (field
 *   name `body`).
 * A plain BanmianDocument is the snapshot that layout, export and the CLI consume.
 */

export const BODY_FIELD = 'body';

const PAGE_KEYS = ['format', 'margins', 'bodySize', 'leading', 'grid', 'styles', 'typeset', 'columnRules'] as const satisfies readonly (keyof PageSettings)[];
const HEADER_KEYS = ['paperName', 'date', 'pageNumber', 'section', 'editor', 'proofreader', 'layoutEditor', 'height'] as const satisfies readonly (keyof PageHeader)[];
export const ARTICLE_META_KEYS = ['kicker', 'headline', 'deck', 'byline', 'bylinePosition', 'lead', 'jumpFrom', 'jumpTo'] as const satisfies readonly (keyof Article)[];

/** Fields an article or header may leave out: stored only when set, so older pages stay as they were. */
const ARTICLE_OPTIONAL_KEYS = ['column'] as const satisfies readonly (keyof Article)[];
const HEADER_OPTIONAL_KEYS = ['dateLine'] as const satisfies readonly (keyof PageHeader)[];

export type ArticleMeta = Pick<Article, (typeof ARTICLE_META_KEYS)[number] | (typeof ARTICLE_OPTIONAL_KEYS)[number]>;

function writeOptional<T extends object>(map: Y.Map<unknown>, keys: readonly (keyof T & string)[], from: T): void {
  for (const key of keys) {
    const v = from[key];
    if (v === undefined || v === '') map.delete(key);
    else map.set(key, v);
  }
}

function readOptional(map: Y.Map<unknown>, keys: readonly string[], into: Record<string, unknown>): void {
  for (const key of keys) {
    const v = map.get(key);
    if (typeof v === 'string' && v !== '') into[key] = v;
  }
}

/** The layout document's root map holding the blocks, each under its id. */
export const BLOCKS_ROOT = 'blocks';

export function layoutParts(doc: Y.Doc) {
  return {
    page: doc.getMap<unknown>('page'),
    header: doc.getMap<string | number>('header'),
    blocks: doc.getMap<Y.Map<unknown>>(BLOCKS_ROOT),
    articleOrder: doc.getArray<string>('articleOrder'),
    images: doc.getMap<ImageAsset>('images'),
  };
}

export function articleParts(doc: Y.Doc) {
  return { meta: doc.getMap<string>('meta'), styles: doc.getMap<Partial<TextStyle>>('styles'), body: doc.getXmlFragment(BODY_FIELD) };
}

export function writePage(doc: Y.Doc, page: PageSettings): void {
  const { page: pageMap, header } = layoutParts(doc);
  for (const key of PAGE_KEYS) pageMap.set(key, structuredClone(page[key]));
  // The fonts the page recorded (optional): kept through the store so saving keeps them.
  if (page.fonts) pageMap.set('fonts', structuredClone(page.fonts));
  else pageMap.delete('fonts');
  if (page.guides) pageMap.set('guides', structuredClone(page.guides));
  else pageMap.delete('guides');
  for (const key of HEADER_KEYS) header.set(key, page.header[key]);
  writeOptional(header as unknown as Y.Map<unknown>, HEADER_OPTIONAL_KEYS, page.header);
}

export function readPage(doc: Y.Doc): PageSettings {
  const { page: pageMap, header } = layoutParts(doc);
  const out: Record<string, unknown> = {};
  for (const key of PAGE_KEYS) out[key] = pageMap.get(key);
  const fonts = pageMap.get('fonts');
  if (fonts !== undefined) out.fonts = fonts;
  const guides = pageMap.get('guides');
  // A peer's 参考线 are read only when the file's check passes them: a malformed value (the server does not check it) would break every desk's canvas.
  if (guides !== undefined && guidesAreValid({ guides: guides as PageGuides, format: out.format as PageSettings['format'] })) out.guides = guides;
  const h: Record<string, unknown> = {};
  for (const key of HEADER_KEYS) h[key] = header.get(key);
  readOptional(header as unknown as Y.Map<unknown>, HEADER_OPTIONAL_KEYS, h);
  out.header = h;
  return out as unknown as PageSettings;
}

export function blockToY(block: Block, z: number): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(block)) if (v !== undefined) m.set(k, typeof v === 'object' ? structuredClone(v) : v);
  m.set('z', z);
  return m;
}

export function blockFromY(m: Y.Map<unknown>): Block {
  const out: Record<string, unknown> = {};
  for (const [k, v] of m.entries()) if (k !== 'z') out[k] = v;
  return out as unknown as Block;
}

export function writeArticle(doc: Y.Doc, article: Article): void {
  const { meta, body } = articleParts(doc);
  doc.transact(() => {
    for (const key of ARTICLE_META_KEYS) meta.set(key, article[key]);
    writeOptional(meta as Y.Map<unknown>, ARTICLE_OPTIONAL_KEYS, article);
    meta.set('id', article.id);
    writeStyleOverrides(doc, article.styleOverrides);
    body.delete(0, body.length);
    prosemirrorJSONToYXmlFragment(storySchema(), article.body, body);
  });
}

export function readArticleMeta(doc: Y.Doc): ArticleMeta {
  const { meta } = articleParts(doc);
  const out: Record<string, string> = {};
  for (const key of ARTICLE_META_KEYS) out[key] = meta.get(key) ?? (key === 'bylinePosition' ? 'end' : '');
  readOptional(meta as Y.Map<unknown>, ARTICLE_OPTIONAL_KEYS, out);
  return out as unknown as ArticleMeta;
}

/** Replaces the article's overrides (undefined: none). */
export function writeStyleOverrides(doc: Y.Doc, overrides: StyleOverrides | undefined): void {
  const { styles } = articleParts(doc);
  doc.transact(() => {
    for (const name of [...styles.keys()]) if (!overrides?.[name as StyleName]) styles.delete(name);
    for (const [name, fields] of Object.entries(overrides ?? {})) {
      if (fields && JSON.stringify(styles.get(name)) !== JSON.stringify(fields)) styles.set(name, structuredClone(fields));
    }
  });
}

/** `{ styleOverrides }` when the article overrides anything, else `{}` (snapshots stay as before). */
export function readStyleOverrides(doc: Y.Doc): Pick<Article, 'styleOverrides'> {
  const { styles } = articleParts(doc);
  if (styles.size === 0) return {};
  const out: StyleOverrides = {};
  for (const [name, fields] of styles.entries()) out[name as StyleName] = { ...fields };
  return { styleOverrides: out };
}

/** The body fragment as ProseMirror JSON, unchecked: whatever shape the document holds. */
export function articleBodyJSON(doc: Y.Doc): unknown {
  const json = yXmlFragmentToProsemirrorJSON(articleParts(doc).body) as { content?: unknown };
  return { type: 'doc', content: json.content ?? [] };
}

/**
 * The body for layout and export. A body of the wrong shape (from an old server, a peer or a file)
 * is not set: a paragraph saying what is wrong stands in for it, so layout never meets it. The Yjs
 * document itself is left as it is.
 */
export function readArticleBody(doc: Y.Doc): RichDoc {
  let json: unknown;
  let problem: BodyProblem | undefined;
  try {
    json = articleBodyJSON(doc);
    problem = bodyShapeProblem(json);
  } catch {
    problem = { path: '', zh: '正文无法读取', en: 'the body cannot be read' };
  }
  if (!problem) return json as RichDoc;
  const text = `【正文结构无效，无法排版：${problem.path} ${problem.zh}】[The body is malformed and cannot be set: ${problem.path} ${problem.en}]`;
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

/** Builds the layout document for a snapshot (article documents are made separately). */
export function layoutDocFrom(snapshot: BanmianDocument, doc = new Y.Doc()): Y.Doc {
  const parts = layoutParts(doc);
  doc.transact(() => {
    writePage(doc, snapshot.page);
    snapshot.blocks.forEach((b, z) => parts.blocks.set(b.id, blockToY(b, z)));
    parts.articleOrder.push(snapshot.articles.map((a) => a.id));
    for (const img of snapshot.images) parts.images.set(img.id, img);
  });
  return doc;
}

export function articleDocFrom(article: Article, doc = new Y.Doc()): Y.Doc {
  writeArticle(doc, article);
  return doc;
}

export function orderedBlocks(doc: Y.Doc): Block[] {
  const entries = [...layoutParts(doc).blocks.entries()];
  entries.sort(([ia, a], [ib, b]) => ((a.get('z') as number) ?? 0) - ((b.get('z') as number) ?? 0) || (ia < ib ? -1 : ia > ib ? 1 : 0));
  return entries.map(([, m]) => blockFromY(m));
}

export function emptySnapshotShell(page: PageSettings): BanmianDocument {
  return { formatVersion: FORMAT_VERSION, page, articles: [], images: [], blocks: [] };
}
