/**
 * 版面 → 移至第 N 版… on an edition that is on a newsroom server (issue 17: the jump lines follow a
 * move, several desks on one edition). The fixture edition (its story from page 1 continued on page 3)
 * with an empty page 4 is published (发布整期) from a desk's overview; the desk opens page 3 and
 * publishes it; another desk (in Node) publishes page 1; the duty editor joins page 3 from the
 * overview's card. There the continued part is moved to page 5 (the server's refusal is shown) and
 * to page 4: the server takes it off page 3 (neither desk on page 3 shows it), page 1's desk sees
 * its jump line say （下转第4版）, and the server's edition has the part on page 4 with the story's
 * text once. Screenshots of the duty editor's desk after the move at 1600×1000 and 1366×768.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditionDocument } from '../../src-core/edition/edition';
import { parseEdition, serializeEdition } from '../../src-core/edition/edition-file';
import { editionIdOf, editionPageId } from '../../src-core/edition/shared-edition';
import { plainText } from '../../src-core/model/richtext';
import { EditionClient } from '../../src-renderer/edition/edition-client';
import { saveFixtureEdition } from '../support/edition-fixture';
import { chromiumAvailable } from '../support/browser';
import { NodeWebSocket } from '../support/node-websocket';
import { freePort, ServerProcess, shareDesk, token, until } from '../collab/support';
import { pageDocument } from '../../src-core/edition/page-doc';
import { PageStore } from '../../src-core/store/page-store';
import { fitPage, hostSession, menu, movePartTo, openApp, openEdition, shot } from './workspace-support';

const FILE = 'day.banmian';
const status = (p: Page) => p.getByTestId('collab-status');

describe.skipIf(!chromiumAvailable())('moving a continued part on an edition on the server', () => {
  let edition: EditionDocument;
  let server: ServerProcess;
  let desk: Page;
  let chief: Page;
  const tokens = { wang: '', chief: '' };
  const web = hostSession({
    sandbox: 'banmian-move-shared-',
    autosaveSeconds: 3600,
    prepare: async (sandbox) => {
      const ed = await saveFixtureEdition(sandbox, FILE);
      const three = ed.pages[2];
      ed.pages.push({ ...three, number: 4, name: '副刊', page: { ...three.page, header: { ...three.page.header, pageNumber: '04' } }, articles: [], images: [], blocks: [] });
      writeFileSync(join(sandbox, FILE), serializeEdition(ed));
      edition = ed;
      const usersFile = join(sandbox, 'users.json');
      tokens.wang = token(usersFile, '王组版', '组版');
      tokens.chief = token(usersFile, '钱值班', '值班编辑');
      server = new ServerProcess(await freePort(), join(sandbox, 'data'), usersFile);
      await server.start();
    },
  });
  const { problems } = web;
  const part = () => edition.chains[0].parts[1].block;

  beforeAll(async () => {
    desk = await openApp(web.browser, web.host.url, problems, { width: 1366, height: 768 });
    chief = await openApp(web.browser, web.host.url, problems, { width: 1600, height: 1000 });
  });
  afterAll(async () => {
    await server?.kill('SIGTERM');
  });

  it('moved from page 3 joined on the server: it leaves both desks on page 3, page 1 says 下转第4版, the server has it on page 4', async () => {
    const p = desk;
    await openEdition(p, FILE);
    await p.getByTestId('edition-server-url').fill(server.url);
    await p.getByTestId('edition-server-token').fill(tokens.wang);
    await p.getByTestId('edition-server-watch').click();
    await p.getByTestId('edition-pool-seed').click();
    await expect.poll(() => p.getByTestId('edition-source').getAttribute('data-source'), { timeout: 15_000 }).toBe('server');
    await p.getByTestId('edition-page').nth(2).locator('.edition-open').click();
    await p.getByTestId('edition-bar').waitFor();
    await menu(p, 'file', 'file.publish');
    await p.getByTestId('newsroom-server').fill(server.url);
    await p.getByTestId('newsroom-token').fill(tokens.wang);
    await p.getByTestId('publish-ok').click();
    await p.getByTestId('dialog-publish').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => status(p).getAttribute('data-connection')).toBe('online');
    await fitPage(p);

    // another desk publishes page 1, holding the story's first part and its jump line
    const first = edition.chains[0].article;
    const store = new PageStore(pageDocument(edition, 0));
    const one = shareDesk(server.url, editionPageId(edition, 0)!, tokens.chief, '钱值班', '值班编辑', store);
    try {
      await one.session.whenSynced();
      const jumpTo = () => store.article(first)!.jumpTo;
      expect(jumpTo()).toBe('（下转第3版）');

      // the duty editor joins page 3 from the overview's card and moves the part from there
      const c = chief;
      await openEdition(c, FILE);
      await c.getByTestId('edition-server-url').fill(server.url);
      await c.getByTestId('edition-server-token').fill(tokens.chief);
      await c.getByTestId('edition-server-watch').click();
      await expect.poll(() => c.getByTestId('edition-source').getAttribute('data-source'), { timeout: 15_000 }).toBe('server');
      await c.getByTestId('edition-page').nth(2).getByTestId('edition-page-join').click();
      await c.getByTestId('edition-overview').waitFor({ state: 'detached', timeout: 30_000 });
      await expect.poll(() => status(c).getAttribute('data-connection')).toBe('online');
      await c.getByTestId('edition-bar').waitFor();
      await fitPage(c);
      const moveTo = (to: string) => movePartTo(c, part(), to);
      // the server's refusal, in its words
      await moveTo('5');
      await expect.poll(() => c.getByTestId('notice').innerText(), { timeout: 20_000 }).toContain('整期中没有第5版');
      await moveTo('4');
      await expect.poll(() => c.getByTestId('notice').innerText(), { timeout: 20_000 }).toContain('已从第3版移至第4版');
      // gone from page 3 on both desks on it, and page 1's jump line names page 4
      for (const d of [c, p]) await expect.poll(() => d.locator(`[data-testid="overlay"] g.frame[data-block="${part()}"]`).count()).toBe(0);
      await until('page 1 names page 4', () => jumpTo() === '（下转第4版）');
      await shot(c, 'ui-edition-move-shared-1600.png');
      await c.setViewportSize({ width: 1366, height: 768 });
      await shot(c, 'ui-edition-move-shared-1366.png');
    } finally {
      one.session.destroy();
    }

    // the server's edition: the part on page 4, the story's text whole
    const client = new EditionClient({ url: server.url, token: tokens.chief, editionId: editionIdOf(edition)!, WebSocket: NodeWebSocket });
    try {
      await client.whenSynced();
      const r = await client.save();
      if (!r.ok) throw new Error(r.en);
      const parsed = parseEdition(r.edition!, { duplicateNumbers: 'allow' });
      if (!parsed.ok) throw new Error(parsed.en);
      const holder = parsed.edition.pages.findIndex((pg) => pg.blocks.some((b) => b.id === part()));
      expect(holder).toBe(3);
      const story = (ed: EditionDocument) => plainText(ed.articles.find((a) => a.id === first)!.body);
      expect(story(parsed.edition)).toBe(story(edition));
    } finally {
      client.destroy();
    }
    expect(problems.filter((m) => !/WebSocket|ERR_CONNECTION_REFUSED|net::/.test(m))).toEqual([]);
  });
});
