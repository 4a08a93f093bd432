import * as Y from 'yjs';
import type { Article, BanmianDocument } from '../model/document';
import { FORMAT_VERSION } from '../model/document';
import { articleIdsOf, articleTextOf, layoutSnapshotOf } from '../store/readers';
import type { SharedPageDocs } from './shared-docs';

/**
 * The documents of a page this desk joins rather than shares: they start empty and fill from the
 * server, and an article document is made for every article id the layout document lists. (A
 * PageStore builds its documents from a snapshot, which would add a second copy of everything to a
 * page that already exists on the server; see docs/COLLABORATION.md.)
 */
export class JoinedPageDocs implements SharedPageDocs {
  readonly layoutDoc = new Y.Doc();
  private readonly articleDocs = new Map<string, Y.Doc>();

  articleIds(): string[] {
    return articleIdsOf(this.layoutDoc);
  }

  articleDoc(id: string): Y.Doc | undefined {
    return this.articleDocs.get(id);
  }

  /** Pass as `createArticleDoc` to the session. */
  readonly createArticleDoc = (id: string): Y.Doc => {
    let doc = this.articleDocs.get(id);
    if (!doc) {
      doc = new Y.Doc();
      this.articleDocs.set(id, doc);
    }
    return doc;
  };

  /** The plain document, as layout and export take it. */
  snapshot(): BanmianDocument {
    const { articleOrder, page, images, blocks } = layoutSnapshotOf(this.layoutDoc);
    const articles: Article[] = [];
    for (const id of articleOrder) {
      const doc = this.articleDocs.get(id);
      if (doc) articles.push(articleTextOf(id, doc));
    }
    return { formatVersion: FORMAT_VERSION, page, articles, images, blocks };
  }
}
