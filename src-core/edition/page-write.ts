/**
 * A page edited in the app written back into its edition (the reverse of `pageDocument`): the
 * page's settings, blocks and lists, its proof state, the pool's articles and pictures it shows.
 * Every other page's entry is the same object as before, so it serializes to the same bytes.
 *
 * What the page document shows but the edition owns is not taken back: the header's paper, date,
 * 版次 and 版名 (the edition's and the page's number and name), and a chain part's derived parts —
 * its jump lines and the continuation headline. A part's paragraphs are spliced into its article's
 * body at the part's place, and the later parts' cut points move by the paragraphs it gained or lost;
 * the first part also gives back the article's title fields.
 */
import type { Article, BanmianDocument, Block } from '../model/document';
import { partId } from './chain';
import type { EditionDocument, EditionPage, StoryChain } from './edition';
import { validateEdition } from './edition-file';

export type PageWritten = { ok: true; edition: EditionDocument } | { ok: false; zh: string; en: string };

/** A part of a chain shown on the page: which chain, which part. */
interface PartHere {
  chain: StoryChain;
  k: number;
}

/** The chain parts on page `index`, by the id the page document gives the part's article. */
function partsOn(edition: EditionDocument, index: number): Map<string, PartHere> {
  const blocks = new Set(edition.pages[index].blocks.map((b) => b.id));
  const parts = new Map<string, PartHere>();
  for (const chain of edition.chains) chain.parts.forEach((part, k) => blocks.has(part.block) && parts.set(partId(chain.article, k), { chain, k }));
  return parts;
}

/** Edition page `index` replaced by the page document `doc` (as the workspace saves it, `proof` included). */
export function writePage(edition: EditionDocument, index: number, doc: BanmianDocument & { proof?: unknown }): PageWritten {
  const before = edition.pages[index];
  if (!before) return { ok: false, zh: `整期中没有第 ${index + 1} 个版面`, en: `The edition has no page at position ${index + 1}` };
  const parts = partsOn(edition, index);
  const poolId = (id: string): string => parts.get(id)?.chain.article ?? id;
  const spliced = spliceChains(edition, parts, doc.articles);
  if (!spliced.ok) return spliced;
  const own = doc.articles.filter((a) => !parts.has(a.id));
  const page: EditionPage = {
    ...before,
    page: { ...doc.page, header: { ...doc.page.header, ...pick(before.page.header) } },
    articles: [...new Set(doc.articles.map((a) => poolId(a.id)))],
    images: doc.images.map((img) => img.id),
    blocks: doc.blocks.map((b) => withPoolArticle(b, poolId)),
  };
  if (doc.proof !== undefined) page.proof = doc.proof;
  else delete page.proof;
  const articles = upsert(edition.articles.map((a) => spliced.articles.get(a.id) ?? a), own);
  const next: EditionDocument = {
    ...edition,
    articles,
    images: upsert(edition.images, doc.images),
    pages: edition.pages.map((p, i) => (i === index ? page : p)),
    chains: edition.chains.map((ch) => spliced.chains.get(ch.article) ?? ch),
  };
  const issues = validateEdition(next, { duplicateNumbers: 'allow' });
  if (issues.length) return { ok: false, zh: `第${before.number}版不能写回整期：${issues.slice(0, 3).map((i) => i.zh).join('；')}`, en: `Page ${before.number} cannot be written back into the edition: ${issues.slice(0, 3).map((i) => i.en).join('; ')}` };
  return { ok: true, edition: next };
}

/** The header fields the edition prints from its own data (page-doc.ts `editionPageSettings`). */
function pick(h: BanmianDocument['page']['header']) {
  return { paperName: h.paperName, date: h.date, pageNumber: h.pageNumber, section: h.section };
}

function withPoolArticle(b: Block, poolId: (id: string) => string): Block {
  if ((b.kind === 'article' || b.kind === 'image') && b.articleId !== undefined) return { ...b, articleId: poolId(b.articleId) } as Block;
  return b;
}

/** `list` with each item of `changed` replacing the one of its id, or appended. */
function upsert<T extends { id: string }>(list: readonly T[], changed: readonly T[]): T[] {
  const byId = new Map(changed.map((c) => [c.id, c]));
  const out = list.map((x) => byId.get(x.id) ?? x);
  const known = new Set(list.map((x) => x.id));
  return [...out, ...changed.filter((c) => !known.has(c.id))];
}

type Spliced = { ok: true; articles: Map<string, Article>; chains: Map<string, StoryChain> } | { ok: false; zh: string; en: string };

/** Each chain with a part on the page: its article's body with the page's parts put back, its cut points moved. */
function spliceChains(edition: EditionDocument, parts: Map<string, PartHere>, shown: readonly Article[]): Spliced {
  const articles = new Map<string, Article>();
  const chains = new Map<string, StoryChain>();
  const edited = new Map(shown.filter((a) => parts.has(a.id)).map((a) => [a.id, a]));
  for (const chain of new Set([...parts.values()].map((p) => p.chain))) {
    const article = edition.articles.find((a) => a.id === chain.article)!;
    const content = [];
    const froms: number[] = [];
    for (let k = 0; k < chain.parts.length; k++) {
      const here = edited.get(partId(chain.article, k));
      const own = article.body.content.slice(chain.parts[k].from, chain.parts[k + 1]?.from ?? article.body.content.length);
      const paragraphs = here ? here.body.content : own;
      if (paragraphs.length === 0) return { ok: false, zh: `接排稿件 ${chain.article} 的第 ${k + 1} 段没有段落了（每段至少一个段落）`, en: `Part ${k + 1} of the continued article ${chain.article} has no paragraph left (each part keeps at least one)` };
      froms.push(content.length);
      content.push(...paragraphs);
    }
    const first = edited.get(partId(chain.article, 0));
    const titles = first ? { kicker: first.kicker, headline: first.headline, deck: first.deck, lead: first.lead } : {};
    articles.set(article.id, { ...article, ...titles, body: { ...article.body, content } });
    chains.set(chain.article, { ...chain, parts: chain.parts.map((p, k) => ({ ...p, from: froms[k] })) });
  }
  return { ok: true, articles, chains };
}
