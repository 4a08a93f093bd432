import { Hocuspocus, type Document } from '@hocuspocus/server';

/**
 * Hocuspocus, with one live document per name. Hocuspocus (3.4 and 4.7 alike) unloads a document by
 * its name: a late second unload of a document already gone (a store finishing after its last desk
 * left) deletes whatever document has that name now, the one desks that came back are on; and a desk
 * that comes while a document is being unloaded is handed the dying one. Either way the desks of one
 * page end up on two copies that never hear each other (no presence, no edits across), which the
 * liveness test showed after a frozen server came back. Here an unload touches only the document
 * registered under its name, and a document is made only after the one being unloaded is gone.
 */
export class OneDocumentPerName extends Hocuspocus {
  override async unloadDocument(document: Document): Promise<void> {
    if (this.documents.get(document.name) !== document) return;
    await super.unloadDocument(document);
  }

  override async createDocument(...args: Parameters<Hocuspocus['createDocument']>): Promise<Document> {
    const unloading = this.unloadingDocuments.get(args[0]);
    if (unloading) await unloading;
    return super.createDocument(...args);
  }
}
