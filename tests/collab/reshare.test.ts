import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { mergeDeskBackup, mergeOffers, takeDeskBackup } from '../../src-core/collab/desk-backup';
import { PageStore } from '../../src-core/store/page-store';
import { ServerProcess, bodyText, freePort, joinDesk, shareDesk, tempDir, token, typeInto, until } from './support';

/**
 * Issue 21: the 组版 stops sharing and shares the same page again (same documents, a new page id);
 * the 校对, who edited while cut off from the first share, joins the new one. Its backup of the old
 * page id is offered for merging (same Yjs history), and merging brings every outage edit to both
 * desks exactly once.
 */
describe('a page shared again under a new id', () => {
  const tmp = tempDir('banmian-reshare-');
  const usersFile = `${tmp.dir}/users.json`;
  let server: ServerProcess;

  beforeAll(async () => {
    server = new ServerProcess(await freePort(), `${tmp.dir}/data`, usersFile);
    await server.start();
  });

  afterAll(async () => {
    await server?.kill('SIGTERM');
    tmp.remove();
  });

  it("offers the proofreader's outage edits kept under the old id, and merges each once", async () => {
    const layoutToken = token(usersFile, '王组版', '组版');
    const proofToken = token(usersFile, '赵校对', '校对');
    const store = new PageStore(samplePage());
    const id = store.articleIds().find((a) => store.articleDoc(a)!.getXmlFragment('body').length >= 3)!;
    const layoutA = shareDesk(server.url, 'pageA', layoutToken, '王组版', '组版', store);
    const proofA = joinDesk(server.url, 'pageA', proofToken, '赵校对', '校对');
    await layoutA.session.whenSynced(20_000);
    await until('the proofreader has the article', () => bodyText(proofA.docs.articleDoc(id) ?? store.layoutDoc) === bodyText(store.articleDoc(id)!));
    await proofA.session.whenSynced(20_000);

    // the proofreader is cut off and edits three places; its desk keeps the backup of page A
    proofA.session.destroy();
    const outage = ['〔校一〕', '〔校二〕', '〔校三〕'];
    const proofDoc = proofA.docs.articleDoc(id)!;
    typeInto(proofDoc, 0, 0, outage[0]!);
    typeInto(proofDoc, 1, 0, outage[1]!);
    typeInto(proofDoc, 2, 3, outage[2]!);
    const backup = JSON.parse(JSON.stringify(takeDeskBackup('pageA', server.url, proofA.docs, 3)));

    // the 组版 stops sharing, types, and shares the same store again as page B
    layoutA.session.destroy();
    typeInto(store.articleDoc(id)!, 0, 2, '〔组版〕');
    const layoutB = shareDesk(server.url, 'pageB', layoutToken, '王组版', '组版', store);
    await layoutB.session.whenSynced(20_000);
    const proofB = joinDesk(server.url, 'pageB', proofToken, '赵校对', '校对');
    await until('the proofreader has page B', () => proofB.docs.articleDoc(id) !== undefined && bodyText(proofB.docs.articleDoc(id)!) === bodyText(store.articleDoc(id)!));

    const { offers, inStep } = mergeOffers([backup], 'pageB', proofB.docs);
    expect(inStep).toEqual([]);
    expect(offers).toEqual([{ pageId: 'pageA', server: server.url, savedAt: backup.savedAt, edits: 3 }]);

    mergeDeskBackup(backup, proofB.docs);
    await proofB.session.whenSynced(20_000);
    const count = (text: string, s: string) => text.split(s).length - 1;
    await until('the outage edits reach the 组版', () => outage.every((s) => count(bodyText(store.articleDoc(id)!), s) === 1));
    for (const text of [bodyText(store.articleDoc(id)!), bodyText(proofB.docs.articleDoc(id)!)]) {
      for (const s of [...outage, '〔组版〕']) expect(count(text, s)).toBe(1);
    }
    expect(bodyText(proofB.docs.articleDoc(id)!)).toBe(bodyText(store.articleDoc(id)!));
    // nothing is left to offer: the backup of page A may go
    expect(mergeOffers([backup], 'pageB', proofB.docs)).toEqual({ offers: [], inStep: ['pageA'] });
    layoutB.session.destroy();
    proofB.session.destroy();
  }, 90_000);
});
