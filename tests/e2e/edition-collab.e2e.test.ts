/**
 * Issue 17 item 6 in Chromium: two desks on two pages of one edition through one newsroom server.
 * An edition file written by `edition --save` (page 1's lead story continues on page 3) is opened by
 * three desks on the web host. 王组版 opens page 1 from the overview and publishes it (文件 →
 * 发布到服务器), 李组版 does the same with page 3 (which holds the continued part); each types into
 * its page. The duty editor's overview, pointed at the server, shows who is on each page (page 2 is
 * not on the server), and 加入 on page 3's card opens the server's page 3: 李组版's edit is there,
 * 王组版's is not, and the server keeps both pages apart. Once the edition itself is on the server
 * (发布整期), a fourth desk's overview makes its cards from the server's pages, not the file: a round
 * a proofreader starts on page 3 shows 一校 there, and a story made overset on page 1 raises that
 * card's overset count, without opening the overview again.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditionDocument } from '../../src-core/edition/edition';
import { editionPageId } from '../../src-renderer/edition/server-pages';
import { saveFixtureEdition } from '../support/edition-fixture';
import { chromiumAvailable } from '../support/browser';
import { bodyText, freePort, joinDesk, ServerProcess, token, typeInto, until } from '../collab/support';
import { clickCaret, fitPage, hostSession, menu, openApp, openEdition, openStory, pageText, shot } from './workspace-support';

const FILE = 'day.banmian';
const status = (p: Page) => p.getByTestId('collab-status');

describe.skipIf(!chromiumAvailable())('two desks on two pages of one edition', () => {
  let edition: EditionDocument;
  let server: ServerProcess;
  let one: Page;
  let three: Page;
  let chief: Page;
  const tokens = { wang: '', li: '', chief: '', proof: '' };
  const web = hostSession({
    sandbox: 'banmian-edition-collab-',
    autosaveSeconds: 3600,
    prepare: async (sandbox) => {
      edition = await saveFixtureEdition(sandbox, FILE);
      const usersFile = join(sandbox, 'users.json');
      tokens.wang = token(usersFile, '王组版', '组版');
      tokens.li = token(usersFile, '李组版', '组版');
      tokens.chief = token(usersFile, '钱值班', '值班编辑');
      tokens.proof = token(usersFile, '赵校对', '校对');
      server = new ServerProcess(await freePort(), join(sandbox, 'data'), usersFile);
      await server.start();
    },
  });
  const { problems } = web;

  beforeAll(async () => {
    one = await openApp(web.browser, web.host.url, problems, { width: 1366, height: 768 });
    three = await openApp(web.browser, web.host.url, problems, { width: 1366, height: 768 });
    chief = await openApp(web.browser, web.host.url, problems, { width: 1600, height: 1000 });
  });

  afterAll(async () => {
    await server?.kill('SIGTERM');
  });

  /** Opens page `index` of the edition from the overview, publishes it with `tokenText` and types `text` into block `blockId`'s story. */
  async function publishAndType(p: Page, index: number, tokenText: string, blockId: string, text: string): Promise<void> {
    await openEdition(p, FILE);
    await p.getByTestId('edition-page').nth(index).locator('.edition-open').click();
    await p.getByTestId('edition-bar').waitFor();
    await menu(p, 'file', 'file.publish');
    await p.getByTestId('newsroom-server').fill(server.url);
    await p.getByTestId('newsroom-token').fill(tokenText);
    await p.getByTestId('publish-ok').click();
    await p.getByTestId('dialog-publish').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => status(p).getAttribute('data-connection')).toBe('online');
    await fitPage(p);
    await openStory(p, blockId);
    await clickCaret(p.getByTestId('story-body').locator('p').first());
    await p.keyboard.press('Control+Home');
    await p.keyboard.type(text);
    await expect.poll(() => status(p).getAttribute('data-pending'), { timeout: 15_000 }).toBe('0');
  }

  it('each desk publishes its page of the edition and types into it', async () => {
    const chain = edition.chains[0];
    const part = chain.parts[1].block;
    expect(edition.pages.findIndex((pg) => pg.blocks.some((b) => b.id === part))).toBe(2);
    await publishAndType(one, 0, tokens.wang, chain.parts[0].block, '一版晚间');
    await publishAndType(three, 2, tokens.li, part, '三版晚间');
  });

  it("the duty editor's overview shows who is on each page, and 加入 opens the server's page 3 with only its own edit", async () => {
    const p = chief;
    await openEdition(p, FILE);
    await p.getByTestId('edition-server-url').fill(server.url);
    await p.getByTestId('edition-server-token').fill(tokens.chief);
    await p.getByTestId('edition-server-watch').click();
    const people = p.getByTestId('edition-page-people');
    await expect.poll(() => people.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['shared', 'absent', 'shared']);
    await expect.poll(() => people.nth(0).getByTestId('edition-person').allInnerTexts()).toEqual(['组版 王组版']);
    await expect.poll(() => people.nth(2).getByTestId('edition-person').allInnerTexts()).toEqual(['组版 李组版']);
    expect(await p.getByTestId('edition-server-person').innerText()).toBe('值班编辑 钱值班');
    await shot(p, 'ui-edition-collab-overview-1600.png');

    await people.nth(2).getByTestId('edition-page-join').click();
    await p.getByTestId('edition-overview').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => status(p).getAttribute('data-connection')).toBe('online');
    expect(await p.getByTestId('identity').getAttribute('data-role')).toBe('值班编辑');
    await expect.poll(() => pageText(p)).toContain('三版晚间');
    expect(await pageText(p)).not.toContain('一版晚间');
    expect((await pageText(p)).replace(/\s/g, '')).toBe((await pageText(three)).replace(/\s/g, ''));
    for (const desk of [three, p]) await expect.poll(() => desk.getByTestId('person').allInnerTexts()).toHaveLength(2);
    expect(await one.getByTestId('person').allInnerTexts()).toHaveLength(1);
    await shot(p, 'ui-edition-collab-joined-1600.png');
  });

  it('the server keeps the two pages apart: page 1 has its edit, page 3 has the other', async () => {
    const [first, third] = [0, 2].map((i) => joinDesk(server.url, editionPageId(edition, i)!, tokens.chief, '钱值班', '值班编辑'));
    try {
      const texts = (d: typeof first) => d.docs.articleIds().map((id) => bodyText(d.docs.articleDoc(id)!)).join('\n');
      await until('both pages arrive', () => [first, third].every((d) => d.docs.articleIds().length > 0 && d.docs.articleIds().every((id) => d.docs.articleDoc(id))));
      await first.session.whenSynced();
      await third.session.whenSynced();
      expect(texts(first)).toContain('一版晚间');
      expect(texts(first)).not.toContain('三版晚间');
      expect(texts(third)).toContain('三版晚间');
      expect(texts(third)).not.toContain('一版晚间');
    } finally {
      first.session.destroy();
      third.session.destroy();
    }
    expect(problems.filter((m) => !/WebSocket|ERR_CONNECTION_REFUSED|net::/.test(m))).toEqual([]);
  });

  it("with the edition on the server, the cards follow the server's pages: a round started elsewhere, a story made overset", async () => {
    const p = await openApp(web.browser, web.host.url, problems, { width: 1600, height: 1000 });
    await openEdition(p, FILE);
    await p.getByTestId('edition-server-url').fill(server.url);
    await p.getByTestId('edition-server-token').fill(tokens.chief);
    await p.getByTestId('edition-server-watch').click();
    expect(await p.getByTestId('edition-source').getAttribute('data-source')).toBe('file');
    await p.getByTestId('edition-pool-seed').click();
    await expect.poll(() => p.getByTestId('edition-source').getAttribute('data-source'), { timeout: 15_000 }).toBe('server');
    const statuses = () => p.getByTestId('edition-page-status').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    const overset = (i: number) => p.getByTestId('edition-page-overset').nth(i).getAttribute('data-count').then(Number);
    expect(await statuses()).toEqual(['组版中', '组版中', '组版中']);
    const before = await overset(0);

    const proof = joinDesk(server.url, editionPageId(edition, 2)!, tokens.proof, '赵校对', '校对');
    const wang = joinDesk(server.url, editionPageId(edition, 0)!, tokens.wang, '王组版', '组版');
    try {
      await proof.session.whenSynced();
      expect(await proof.session.startRound()).toEqual({ ok: true });
      await expect.poll(statuses, { timeout: 20_000 }).toEqual(['组版中', '组版中', '一校']);

      const own = edition.pages[0].articles.find((id) => !edition.chains.some((c) => c.article === id))!;
      await until('page 1 arrives', () => wang.docs.articleDoc(own) !== undefined);
      await wang.session.whenSynced();
      typeInto(wang.docs.articleDoc(own)!, 0, 0, '晚间加稿'.repeat(800));
      await expect.poll(() => overset(0), { timeout: 20_000 }).toBeGreaterThan(before);
      await shot(p, 'ui-edition-live-overview-1600.png');
      await p.setViewportSize({ width: 1366, height: 768 });
      await shot(p, 'ui-edition-live-overview-1366.png');
      // every card holds its people and its buttons (three people wrap to a second line here)
      expect(await p.getByTestId('edition-page').evaluateAll((els) => els.map((e) => e.scrollHeight - e.clientHeight))).toEqual([0, 0, 0]);
    } finally {
      proof.session.destroy();
      wang.session.destroy();
    }
    expect(problems.filter((m) => !/WebSocket|ERR_CONNECTION_REFUSED|net::/.test(m))).toEqual([]);
  });
});
