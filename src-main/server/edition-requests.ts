import * as Y from 'yjs';
import type { Document, Hocuspocus } from '@hocuspocus/server';
import { articleDocName, isValidArticleId, layoutDocName, unshareableArticle } from '../../src-core/collab/names';
import type { EditionRequest, Localized } from '../../src-core/collab/protocol';
import { chainPartOf, partId } from '../../src-core/edition/chain';
import { movePart } from '../../src-core/edition/move-part';
import type { EditionDocument, EditionPage } from '../../src-core/edition/edition';
import { parseEdition, serializeEdition } from '../../src-core/edition/edition-file';
import { writePage } from '../../src-core/edition/page-write';
import { picturesFromPool, picturesToPool } from '../../src-core/edition/pool-pictures';
import { editionEntries, editionFromEntries, editionPageId, hasEdition, pageHolding } from '../../src-core/edition/shared-edition';
import { readEditionEntries, writeEditionEntries } from '../../src-core/store/edition-doc';
import type { Role } from '../../src-core/model/proof';
import { addArticleToPage, articlesToBring, bringPage, moveParagraphs, takeArticleFromPage } from '../../src-core/store/page-requests';
import { PageStore } from '../../src-core/store/page-store';
import { savedDocument } from '../../src-core/store/persist';
import { articleIdsOf, isSignedOff } from '../../src-core/store/readers';
import { mayOpen, type Person } from './users';

/**
 * The requests a desk makes on an edition document (src-core/collab/edition-doc.ts), run by the
 * server, the only writer of that document:
 * - `seedEdition`: the edition's first state, from the publishing desk's edition file;
 * - `place` / `unplace`: an article of the pool put on a page or taken back into the pool, its
 *   pictures with it (src-core/edition/pool-pictures.ts); on a page
 *   that is on the server the server writes the page's documents too, so the desks on it see the
 *   article arrive or go, and two desks placing one article cannot both have it (requests on one
 *   edition run one at a time; the second is told which page has it);
 * - `moveCut`: a continued story's cut moved, the paragraphs moved between the two pages' part
 *   documents by the server;
 * - `movePart`: a continued story's part moved to another page (移至第N版), the pages' documents it
 *   changes (the two pages, the jump lines on the others) written by the server;
 * - `saveEdition`: the edition as a file, every page on the server folded in from its own documents;
 * - `foldEdition`: the same fold, written into the edition document only (no text in the reply): the
 *   edition overviews watching the server ask for it, so their cards follow the pages.
 * Every request but `seedEdition` first folds the pages in (`fold`), so what it decides on is what
 * the desks have now, not what somebody last saved.
 */

export type EditionReply = { ok: true; edition?: string } | ({ ok: false } & Localized);

type DirectConnection = Awaited<ReturnType<Hocuspocus['openDirectConnection']>>;

type Folded = { ok: true; edition: EditionDocument } | ({ ok: false } & Localized);

/** Roles that change the edition (as they write pages' layouts); anyone on the edition may save or fold it. */
const WRITERS: readonly Role[] = ['组版', '值班编辑'];

/** The edition the document holds (undefined before it is seeded). */
const readEdition = (doc: Y.Doc): EditionDocument | undefined => editionFromEntries(readEditionEntries(doc));

const fail = (zh: string, en: string): { ok: false } & Localized => ({ ok: false, zh, en });

/** The documents of one page as the server holds them, and how to let go of them. */
interface OpenPage {
  layout: Y.Doc;
  articles: Map<string, Y.Doc>;
  open(articleId: string): Promise<Y.Doc>;
  close(): Promise<void>;
}

/** A copy of a document: a PageStore read over it attaches undo managers, which must not stay on the server's own. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

export class EditionRequests {
  /** The request running on each edition: the next waits for it. */
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(
    private readonly instance: () => Hocuspocus | undefined,
    private readonly origin: unknown,
  ) {}

  async run(request: EditionRequest, document: Document, editionId: string, person: Person): Promise<EditionReply> {
    if (request.action !== 'saveEdition' && request.action !== 'foldEdition' && !WRITERS.includes(person.role)) {
      return fail('稿库和整期由组版或值班编辑更改', 'The pool and the edition are changed by the layout editor or the duty editor');
    }
    const previous = this.running.get(editionId) ?? Promise.resolve();
    const result = previous.then(() => this.runNow(request, document, person));
    const tail = result.catch(() => undefined);
    this.running.set(editionId, tail);
    void tail.then(() => this.running.get(editionId) === tail && this.running.delete(editionId));
    return result;
  }

  private async runNow(request: EditionRequest, document: Document, person: Person): Promise<EditionReply> {
    if (request.action === 'seedEdition') return this.seed(document, request.edition);
    const current = readEdition(document);
    if (!current) return fail('服务器上还没有这一期（请先发布整期）', 'The server has no such edition yet (publish the edition first)');
    const folded = await this.fold(current);
    if (!folded.ok) return folded;
    const edition = folded.edition;
    const refused = this.ungranted(request, edition, person);
    if (refused) return refused;
    const done = await this.decide(request, edition);
    if (!done.ok) {
      this.write(document, edition);
      return done;
    }
    this.write(document, done.edition);
    return request.action === 'saveEdition' ? { ok: true, edition: serializeEdition(done.edition) } : { ok: true };
  }

  private decide(request: Exclude<EditionRequest, { action: 'seedEdition' }>, edition: EditionDocument): Promise<Folded> | Folded {
    switch (request.action) {
      case 'saveEdition':
      case 'foldEdition':
        return { ok: true, edition };
      case 'place':
        return this.place(edition, request.article, request.page);
      case 'unplace':
        return this.unplace(edition, request.article);
      case 'moveCut':
        return this.moveCut(edition, request.article, request.part, request.paragraphs);
      case 'movePart':
        return this.movePart(edition, request.block, request.page);
    }
  }

  private write(document: Document, edition: EditionDocument): void {
    writeEditionEntries(document, editionEntries(edition), this.origin);
  }

  /** A request that writes a page the person has no grant for: refused, naming the page. */
  private ungranted(request: EditionRequest, edition: EditionDocument, person: Person): ({ ok: false } & Localized) | undefined {
    const pageNumbers = pagesTouched(request, edition);
    const number = pageNumbers.find((n) => {
      const index = edition.pages.findIndex((p) => p.number === n);
      const id = index >= 0 ? editionPageId(edition, index) : undefined;
      return id !== undefined && !mayOpen(person, id);
    });
    return number === undefined ? undefined : fail(`您没有第${number}版的权限`, `You have no grant for page ${number}`);
  }

  private seed(document: Document, text: string): EditionReply {
    if (hasEdition(readEditionEntries(document))) return fail('这一期已在服务器上，请加入它', 'The edition is on the server already: join it');
    const parsed = parseEdition(text, { duplicateNumbers: 'allow' });
    if (!parsed.ok) return fail(`整期文件无效：${parsed.zh}`, `The edition file is not valid: ${parsed.en}`);
    this.write(document, parsed.edition);
    return { ok: true };
  }

  /** The page's documents when the page is on the server (somebody published it), else undefined. */
  private async openPage(pageId: string): Promise<OpenPage | undefined> {
    const instance = this.instance();
    if (!instance) throw new Error('edition requests: server not configured');
    const hold = { banmianHold: true };
    const connections: DirectConnection[] = [await instance.openDirectConnection(layoutDocName(pageId), hold)];
    const close = async (): Promise<void> => void (await Promise.all(connections.splice(0).map((c) => c.disconnect())));
    const layout = connections[0].document;
    if (!layout || layout.store.clients.size === 0) {
      await close();
      return undefined;
    }
    const open = async (id: string): Promise<Y.Doc> => {
      const c = await instance.openDirectConnection(articleDocName(pageId, id), hold);
      connections.push(c);
      return c.document!;
    };
    const articles = new Map<string, Y.Doc>();
    for (const id of articleIdsOf(layout).filter(isValidArticleId)) articles.set(id, await open(id));
    return { layout, articles, open, close };
  }

  /** Runs `use` on page `index`'s documents when it is on the server; `absent` when it is not. */
  private async onPage<T>(edition: EditionDocument, index: number, use: (page: OpenPage) => T | Promise<T>, absent: T): Promise<T> {
    const pageId = editionPageId(edition, index);
    const page = pageId ? await this.openPage(pageId) : undefined;
    if (!page) return absent;
    try {
      return await use(page);
    } finally {
      await page.close();
    }
  }

  /** The edition with every page on the server written back from its documents (`writePage`). */
  private async fold(edition: EditionDocument): Promise<Folded> {
    let next = edition;
    for (let i = 0; i < edition.pages.length; i++) {
      const written = await this.onPage(
        next,
        i,
        (page) => {
          const store = new PageStore({ layoutDoc: copyOf(page.layout), articleDocs: new Map([...page.articles].map(([id, d]) => [id, copyOf(d)])) });
          return writePage(next, i, savedDocument(store));
        },
        undefined,
      );
      if (written && !written.ok) return fail(written.zh, written.en);
      if (written) next = written.edition;
    }
    return { ok: true, edition: next };
  }

  private async place(edition: EditionDocument, article: string, pageNumber: number): Promise<Folded> {
    const index = edition.pages.findIndex((p) => p.number === pageNumber);
    const pooled = edition.articles.find((a) => a.id === article);
    if (index < 0) return fail(`整期中没有第${pageNumber}版`, `The edition has no page ${pageNumber}`);
    if (!pooled) return fail(`稿库中没有稿件 ${article}`, `The pool has no article ${article}`);
    if (!isValidArticleId(article)) return { ok: false, ...unshareableArticle(article) };
    const holder = pageHolding(edition, article);
    if (holder !== undefined) return fail(`稿件 ${article} 已在第${holder}版上`, `Article ${article} is on page ${holder} already`);
    // the story's pictures come with it (pool-pictures.ts)
    const brought = picturesFromPool(withPage(edition, index, (p) => ({ ...p, articles: [...p.articles, article] })), index, article);
    const pictures = { blocks: brought.blocks, images: edition.images.filter((img) => brought.listed.includes(img.id)) };
    const refused = await this.onPage(
      brought.edition,
      index,
      async (page) => {
        if (isSignedOff(page.layout)) return lockedPage(pageNumber);
        addArticleToPage(page.layout, await page.open(article), pooled, this.origin, pictures);
        return undefined;
      },
      undefined,
    );
    return refused ?? { ok: true, edition: brought.edition };
  }

  private async unplace(edition: EditionDocument, article: string): Promise<Folded> {
    const index = edition.pages.findIndex((p) => p.articles.includes(article));
    if (index < 0) return fail(`稿件 ${article} 不在任何版面上`, `Article ${article} is on no page`);
    if (edition.chains.some((c) => c.article === article)) {
      return fail(`稿件 ${article} 是转版稿，先在各版上撤下其接续部分`, `Article ${article} continues across pages: take its continued parts off first`);
    }
    const off = withPage(edition, index, (p) => ({ ...p, articles: p.articles.filter((id) => id !== article), blocks: p.blocks.filter((b) => !(b.kind === 'article' && b.articleId === article)) }));
    // its pictures go with it, into the pool (pool-pictures.ts)
    const taken = picturesToPool(off, index, article);
    const refused = await this.onPage(
      taken.edition,
      index,
      (page) => {
        if (isSignedOff(page.layout)) return lockedPage(edition.pages[index].number);
        takeArticleFromPage(page.layout, article, this.origin, taken.unlisted);
        return undefined;
      },
      undefined,
    );
    return refused ?? { ok: true, edition: taken.edition };
  }

  /**
   * The cut before part `k` of `article`'s chain moved by `n` paragraphs (see EditionRequest). When
   * both pages are on the server the paragraphs move between their part documents and the pages are
   * folded in again (the cut follows from the parts' lengths); when neither is, the cut is the
   * edition's alone.
   */
  private async moveCut(edition: EditionDocument, article: string, k: number, n: number): Promise<Folded> {
    const chain = edition.chains.find((c) => c.article === article);
    const body = edition.articles.find((a) => a.id === article)?.body.content.length ?? 0;
    if (!chain || k < 1 || k >= chain.parts.length) return fail(`稿件 ${article} 没有第${k + 1}段接续`, `Article ${article} has no continued part ${k + 1}`);
    const earlier = chain.parts[k].from - chain.parts[k - 1].from;
    const later = (chain.parts[k + 1]?.from ?? body) - chain.parts[k].from;
    if (n === 0 || (n > 0 && n >= earlier) || (n < 0 && -n >= later)) {
      return fail('每一部分至少留一个段落', 'Each part keeps at least one paragraph');
    }
    const pageOf = (block: string): number => edition.pages.findIndex((p) => p.blocks.some((b) => b.id === block));
    const [from, to] = [pageOf(chain.parts[k - 1].block), pageOf(chain.parts[k].block)];
    const ids = [editionPageId(edition, from), editionPageId(edition, to)];
    const pages = await Promise.all(ids.map((id) => (id ? this.openPage(id) : undefined)));
    try {
      if (!pages[0] && !pages[1]) return { ok: true, edition: { ...edition, chains: edition.chains.map((c) => (c === chain ? { ...c, parts: c.parts.map((p, i) => (i === k ? { ...p, from: p.from - n } : p)) } : c)) } };
      if (!pages[0] || !pages[1]) return fail('接续的两个版面须都已发布到服务器', 'Both pages of the cut must be on the server');
      const locked = [from, to].find((_, i) => isSignedOff(pages[i]!.layout));
      if (locked !== undefined) return lockedPage(edition.pages[locked].number);
      const [a, b] = [pages[0].articles.get(partId(article, k - 1)), pages[1].articles.get(partId(article, k))];
      if (!a || !b) return fail(`服务器上的版面没有稿件 ${article} 的这两部分`, `The pages on the server do not hold these parts of article ${article}`);
      moveParagraphs(a, b, n, this.origin);
    } finally {
      await Promise.all(pages.map((p) => p?.close()));
    }
    return this.fold(edition);
  }

  /**
   * A continued story's part moved to page `to` (move-part.ts decides, refusing a signed page it would
   * change). Every page on the server whose document the move changes is brought to what the edition
   * now derives (`bringPage`): the part's text taken from its old page's document as it is at that
   * moment (an edit made since the fold goes with it), written on the new page before it leaves the
   * old one, and the jump lines of the parts before and after it renumbered on their pages. Then the
   * pages are folded in again.
   */
  private async movePart(edition: EditionDocument, block: string, to: number): Promise<Folded> {
    const r = movePart(edition, block, to);
    if (!r.ok) return fail(r.zh, r.en);
    const { chain, k } = chainPartOf(edition, block)!;
    const id = partId(chain.article, k);
    const from = edition.pages.findIndex((p) => p.blocks.some((b) => b.id === block));
    // the page the part leaves last: its text is never on no page
    const changes = [...r.changed].sort((a, b) => Number(a.index === from) - Number(b.index === from));
    const open = await Promise.all(changes.map((c) => this.openChanged(r.edition, c.index, articlesToBring(c.before, c.after))));
    try {
      // (signed while the pages were being opened: nothing is written)
      const signed = changes.find((c, i) => open[i] && isSignedOff(open[i].layout));
      if (signed) return lockedPage(edition.pages[signed.index].number);
      const text = open[changes.findIndex((c) => c.index === from)]?.articles.get(id);
      const carried = text && { id, doc: text };
      changes.forEach((c, i) => open[i] && bringPage(open[i].layout, open[i].articles, c.before, c.after, this.origin, carried));
    } finally {
      await Promise.all(open.map((p) => p?.close()));
    }
    return this.fold(r.edition);
  }

  /** Page `index`'s documents with those of `ids` opened too, when the page is on the server. */
  private async openChanged(edition: EditionDocument, index: number, ids: string[]): Promise<OpenPage | undefined> {
    const pageId = editionPageId(edition, index);
    const page = pageId ? await this.openPage(pageId) : undefined;
    if (page) for (const id of ids) if (!page.articles.has(id)) page.articles.set(id, await page.open(id));
    return page;
  }
}

/** The numbers of the pages a request writes. */
function pagesTouched(request: EditionRequest, edition: EditionDocument): number[] {
  const holder = (block: string): number[] => edition.pages.filter((p) => p.blocks.some((b) => b.id === block)).map((p) => p.number);
  switch (request.action) {
    case 'place':
      return [request.page];
    case 'unplace':
      return edition.pages.filter((p) => p.articles.includes(request.article)).map((p) => p.number);
    case 'movePart':
      return [...holder(request.block), request.page];
    case 'moveCut': {
      const parts = edition.chains.find((c) => c.article === request.article)?.parts ?? [];
      return [parts[request.part - 1], parts[request.part]].flatMap((part) => (part ? holder(part.block) : []));
    }
    default:
      return [];
  }
}

function withPage(edition: EditionDocument, index: number, change: (p: EditionPage) => EditionPage): EditionDocument {
  return { ...edition, pages: edition.pages.map((p, i) => (i === index ? change(p) : p)) };
}

function lockedPage(number: number): { ok: false } & Localized {
  return fail(`第${number}版已签字付印，不能更改`, `Page ${number} is signed for print and cannot change`);
}
