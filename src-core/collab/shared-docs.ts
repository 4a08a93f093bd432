import type * as Y from 'yjs';

/**
 * What a collaboration client and a desk backup need of a page: its layout document and one
 * document per article. PageStore and JoinedPageDocs have these.
 */
export interface SharedPageDocs {
  readonly layoutDoc: Y.Doc;
  articleIds(): string[];
  articleDoc(id: string): Y.Doc | undefined;
}
