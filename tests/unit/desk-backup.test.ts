import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docsOfDeskBackup, mergeDeskBackup, parseDeskBackup, sharesHistory, takeDeskBackup, unmergedEdits } from '../../src-core/collab/desk-backup';
import { JoinedPageDocs } from '../../src-core/collab/joined-page';
import { PageStore } from '../../src-core/store/page-store';
import { bodyText } from '../collab/support';
import { checkCall, dispatchHostCall } from '../../src-main/host/handlers';
import { sandboxAccess, type HostEnv } from '../../src-main/host/page-files';
import { PageSharing } from '../../src-main/host/share';
import { samplePage } from '../../bench/pages';

const bodyOf = (doc: Y.Doc): string => JSON.stringify(doc.getXmlFragment('body').toJSON());
const firstText = (doc: Y.Doc): Y.XmlText => (doc.getXmlFragment('body').get(0) as Y.XmlElement | undefined)?.toArray().find((n) => n instanceof Y.XmlText) as Y.XmlText;

describe("a desk's backup of a shared page (src-core/collab/desk-backup.ts)", () => {
  it('merges into the documents of the same page without doubling anything', () => {
    const store = new PageStore(samplePage());
    const id = store.articleIds().find((a) => firstText(store.articleDoc(a)!))!;
    // another desk has the page as the server sent it, then this desk edits offline and dies
    const other = new PageStore(docsOfDeskBackup(takeDeskBackup('p1', 'ws://x', store, 0)));
    firstText(store.articleDoc(id)!).insert(0, '离线改');
    const backup = JSON.parse(JSON.stringify(takeDeskBackup('p1', 'ws://x', store, 1)));
    mergeDeskBackup(backup, other);
    mergeDeskBackup(backup, other);
    expect(bodyOf(other.articleDoc(id)!)).toBe(bodyOf(store.articleDoc(id)!));
    // a desk rejoining with empty documents gets the whole page, edit included
    const rejoined = new JoinedPageDocs();
    mergeDeskBackup(backup, rejoined);
    expect(rejoined.articleIds()).toEqual(store.articleIds());
    expect(bodyOf(rejoined.articleDoc(id)!)).toContain('离线改');
  });

  it('refuses damaged backups naming the file and the field', () => {
    const good = takeDeskBackup('p1', 'ws://x', new PageStore(samplePage()), 2);
    expect(parseDeskBackup(JSON.stringify(good), 'a.json')).toMatchObject({ ok: true });
    const bad = (patch: object) => parseDeskBackup(JSON.stringify({ ...good, ...patch }), 'a.json');
    expect(parseDeskBackup('{', 'a.json')).toMatchObject({ ok: false, zh: expect.stringContaining('a.json'), en: expect.stringContaining('not valid JSON') });
    expect(bad({ pageId: '../etc' })).toMatchObject({ ok: false, en: expect.stringContaining('pageId') });
    expect(bad({ pending: -1 })).toMatchObject({ ok: false, en: expect.stringContaining('pending') });
    expect(bad({ layout: '%%%' })).toMatchObject({ ok: false, en: expect.stringContaining('layout') });
    expect(bad({ articles: { 'a/b': good.layout } })).toMatchObject({ ok: false, zh: expect.stringContaining('稿件') });
  });

  it("keeps an edition page's continued part (its id ends in 续) like any article", () => {
    const good = takeDeskBackup('p1', 'ws://x', new PageStore(samplePage()), 2);
    const parsed = parseDeskBackup(JSON.stringify({ ...good, articles: { ...good.articles, 'yaowen-续': good.layout } }), 'a.json');
    expect(parsed).toMatchObject({ ok: true, backup: { articles: { 'yaowen-续': good.layout } } });
  });
});

describe('a backup next to a page that came back under another id', () => {
  const setUp = () => {
    const shared = new PageStore(samplePage());
    const id = shared.articleIds().find((a) => firstText(shared.articleDoc(a)!))!;
    // the proofreader's desk had the page from the first share, edited three places offline, and kept it
    const proof = new PageStore(docsOfDeskBackup(takeDeskBackup('pA', 'ws://x', shared, 0)));
    const text = firstText(proof.articleDoc(id)!);
    text.insert(0, '甲');
    text.insert(text.length, '乙');
    text.format(3, 2, { bold: true });
    const backup = takeDeskBackup('pA', 'ws://x', proof, 3);
    return { shared, proof, id, backup };
  };

  it('sees shared history when the same documents are shared again under another id, and counts the places to merge', () => {
    const { shared, proof, id, backup } = setUp();
    // the 组版 typed meanwhile too; the page the proofreader joins under the new id is the same documents
    firstText(shared.articleDoc(id)!).insert(1, '丙');
    const joined = new PageStore(docsOfDeskBackup(takeDeskBackup('pB', 'ws://y', shared, 0)));
    expect(sharesHistory(backup, joined)).toBe(true);
    expect(unmergedEdits(backup, joined)).toBe(3);
    mergeDeskBackup(backup, joined);
    mergeDeskBackup(backup, joined);
    const text = bodyText(joined.articleDoc(id)!);
    // every edit once, the 组版's too, nothing doubled
    expect(text.split('甲').length - 1).toBe(1);
    expect(text.split('乙').length - 1).toBe(1);
    expect(text.split('丙').length - 1).toBe(1);
    expect(text.length).toBe(bodyText(proof.articleDoc(id)!).length + 1);
    expect(unmergedEdits(backup, joined)).toBe(0);
  });

  it('sees no shared history with the same page re-created from its JSON', () => {
    const { proof, backup } = setUp();
    const recreated = new PageStore(proof.snapshot());
    expect(recreated.snapshot()).toEqual(proof.snapshot());
    expect(sharesHistory(backup, recreated)).toBe(false);
  });
});

describe('deskBackup* through the HostApi handlers', () => {
  const folder = mkdtempSync(join(tmpdir(), 'banmian-desk-backup-'));
  const env: HostEnv = { files: sandboxAccess(folder), autosaveSeconds: 30 };
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('checks the arguments', () => {
    expect(checkCall('deskBackupWrite', ['p1', '{}'])).toMatchObject({ rejected: false });
    for (const args of [[], ['../p', '{}'], ['p1', 'x'], ['p1'], ['p1', 3]]) expect(checkCall('deskBackupWrite', args)).toMatchObject({ rejected: true, zh: expect.stringContaining('deskBackupWrite') });
    expect(checkCall('deskBackupRead', ['a b'])).toMatchObject({ rejected: true, en: expect.stringContaining('page id') });
    expect(checkCall('deskBackupList', [1])).toMatchObject({ rejected: true });
  });

  it('writes into the state folder, reads, lists and discards; a damaged file is reported and left as it is', async () => {
    const backup = takeDeskBackup('p20260101-abc', 'ws://127.0.0.1:1', new PageStore(samplePage()), 3);
    expect(await dispatchHostCall('deskBackupWrite', ['p20260101-abc', JSON.stringify(backup)], env)).toMatchObject({ ok: true });
    expect(existsSync(join(folder, '.banmian-state', 'desks', 'p20260101-abc.json'))).toBe(true);
    expect(await dispatchHostCall('deskBackupWrite', ['other', JSON.stringify(backup)], env)).toMatchObject({ ok: false, en: expect.stringContaining('belongs to page p20260101-abc') });
    expect(await dispatchHostCall('deskBackupRead', ['p20260101-abc'], env)).toEqual({ ok: true, value: backup });
    expect(await dispatchHostCall('deskBackupList', [], env)).toMatchObject({ ok: true, value: [{ pageId: 'p20260101-abc', pending: 3 }] });
    const damaged = join(folder, '.banmian-state', 'desks', 'broken.json');
    writeFileSync(damaged, '{"format":1');
    expect(await dispatchHostCall('deskBackupRead', ['broken'], env)).toMatchObject({ ok: false, zh: expect.stringContaining(damaged) });
    expect(readFileSync(damaged, 'utf8')).toBe('{"format":1');
    expect(await dispatchHostCall('deskBackupList', [], env)).toMatchObject({ ok: true, value: [{ pageId: 'p20260101-abc' }] });
    expect(await dispatchHostCall('deskBackupDiscard', ['p20260101-abc'], env)).toMatchObject({ ok: true });
    expect(await dispatchHostCall('deskBackupRead', ['p20260101-abc'], env)).toEqual({ ok: true, value: null });
  });
});

describe('a share resumed after its host was killed (src-main/host/share.ts)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'banmian-share-resume-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('comes back with the same port, page and tokens; stopping forgets it', async () => {
    const first = new PageSharing({ folder, allowLan: false });
    const started = await first.start({ deskName: '王组版', proofreaderName: '赵校对', lan: false });
    if (!started.ok) throw new Error(started.en);
    // the host dies without stopping: a new one on the same folder (its server closed like a dead process's)
    await (first as unknown as { current: { server: { close(): Promise<void> } } }).current.server.close();
    const second = new PageSharing({ folder, allowLan: false });
    expect(await second.resume()).toEqual({ ok: true, value: started.value });
    expect(await second.status()).toEqual({ ok: true, value: started.value });
    await second.stop();
    expect(existsSync(join(folder, 'share.json'))).toBe(false);
    expect(await new PageSharing({ folder, allowLan: false }).resume()).toEqual({ ok: true, value: null });
  });

  it('says why it cannot resume (port taken, damaged settings) and keeps the settings file byte-identical', async () => {
    const file = join(folder, 'share.json');
    const sharing = new PageSharing({ folder, allowLan: false });
    const started = await sharing.start({ deskName: '王组版', proofreaderName: '赵校对', lan: false });
    if (!started.ok) throw new Error(started.en);
    await (sharing as unknown as { current: { server: { close(): Promise<void> } } }).current.server.close();
    const before = readFileSync(file);
    const port = Number(new URL(started.value.deskUrl).port);
    const squatter = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => squatter.once('listening', r));
    try {
      expect(await new PageSharing({ folder, allowLan: false }).resume()).toMatchObject({ ok: false, zh: expect.stringContaining('端口已被占用'), en: expect.stringContaining('port is taken') });
    } finally {
      await new Promise((r) => squatter.close(r));
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    writeFileSync(file, '{"format":1,"port":"x"}');
    expect(await new PageSharing({ folder, allowLan: false }).resume()).toMatchObject({ ok: false, zh: expect.stringContaining(file), en: expect.stringContaining('port') });
    expect(readFileSync(file, 'utf8')).toBe('{"format":1,"port":"x"}');
  });
});
