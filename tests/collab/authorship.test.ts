import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { samplePage } from '../../bench/pages';
import { decideSuggestion, markedSpans, recordSuggestion } from '../../src-core/store/proof-doc';
import { PageStore } from '../../src-core/store/page-store';
import { bodyText, joinDesk, shareDesk, typeInto, until, serverSuite } from './support';

/**
 * Issue 21 item 5 with two real desks through a real server process: the 组版 types inside words
 * the 校对 marked as deleted while one of them was offline. The new words must not end up inside
 * the 校对's deletion, and accepting the deletion must keep them.
 */

const suite = serverSuite('banmian-authorship-');
const ARTICLE = 'xu-chaowen';
const PARA = 2;

async function twoDesks(pageId: string) {
  const store = new PageStore(samplePage());
  const layout = shareDesk(suite.server.url, pageId, suite.tokens.layout, '王组版', '组版', store);
  suite.open.push(layout);
  await layout.session.whenSynced();
  const proof = joinDesk(suite.server.url, pageId, suite.tokens.proof, '赵校对', '校对');
  suite.open.push(proof);
  await until('the 校对 receives the page', () => proof.docs.articleIds().length > 0 && proof.docs.articleIds().every((id) => proof.docs.articleDoc(id)));
  await proof.session.whenSynced();
  return { layout, proof, layoutDoc: store.articleDoc(ARTICLE)!, proofDoc: proof.docs.articleDoc(ARTICLE)! };
}

const firstText = (doc: Y.Doc) => (doc.getXmlFragment('body').get(PARA) as Y.XmlElement).toArray().find((n) => n instanceof Y.XmlText) as Y.XmlText;

/** The 校对 marks ten characters from offset 2 of the paragraph as deleted (as the suggestion plugin writes it). */
function markDeletion(doc: Y.Doc): string {
  doc.transact(() => {
    firstText(doc).format(2, 10, { deletion: { id: 'del-1' } });
    recordSuggestion(doc, { id: 'del-1', kind: 'deletion', author: '赵校对', role: '校对', round: '一校', at: new Date().toISOString() });
  });
  return firstText(doc).toString();
}

const deletedText = (doc: Y.Doc) => markedSpans(doc).filter((s) => s.kind === 'deletion' && s.id === 'del-1').map((s) => s.text).join('');

async function checkOutcome(layoutDoc: Y.Doc, proofDoc: Y.Doc, deletedBefore: string) {
  await until('both desks hold the same marks, the new words outside the deletion', () => bodyText(layoutDoc) === bodyText(proofDoc) && JSON.stringify(markedSpans(layoutDoc)) === JSON.stringify(markedSpans(proofDoc)) && !deletedText(layoutDoc).includes('组版改'));
  for (const doc of [layoutDoc, proofDoc]) {
    expect(bodyText(doc)).toContain('组版改');
    expect(deletedText(doc)).toBe(deletedBefore);
  }
}

describe('authorship under concurrency (real server, two desks)', () => {
  for (const offline of ['校对', '组版'] as const) {
    it(`the 组版's words typed inside the 校对's deletion stay the 组版's (${offline} offline)`, async () => {
      const { layout, proof, layoutDoc, proofDoc } = await twoDesks(`authorship-${offline === '校对' ? 'p' : 'l'}`);
      const away = offline === '校对' ? proof : layout;
      away.session.goOffline();
      await until('offline', () => away.session.status().connection === 'offline');
      const deletedBefore = firstText(proofDoc).toString().slice(2, 12);
      expect(deletedBefore).toHaveLength(10);
      markDeletion(proofDoc);
      typeInto(layoutDoc, PARA, 6, '组版改');
      away.session.goOnline();
      await away.session.whenSynced();
      await checkOutcome(layoutDoc, proofDoc, deletedBefore);
      expect(decideSuggestion(layoutDoc, 'del-1', 'accept', '王组版')).toBe(true);
      await until('the accept reaches the 校对', () => bodyText(proofDoc) === bodyText(layoutDoc));
      for (const doc of [layoutDoc, proofDoc]) {
        expect(bodyText(doc)).toContain('组版改');
        expect(bodyText(doc)).not.toContain(deletedBefore.slice(0, 4));
      }
    });
  }
});
