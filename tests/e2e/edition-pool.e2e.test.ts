/**
 * The edition's pool through the server in Chromium (issue 17, item 6): the fixture edition with two
 * articles in its pool on no page. The duty editor's overview, pointed at the server, publishes the
 * edition (发布整期) and lists the two unplaced articles (稿库 · 待用); another desk (a Node client)
 * places one on page 2, and it leaves the overview's list at once; the overview places the other on
 * page 1 (放上), and the other desk sees the pool empty; 按服务器保存整期 writes the file from the
 * server: both placements are in it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditionDocument } from '../../src-core/edition/edition';
import { parseEdition, serializeEdition } from '../../src-core/edition/edition-file';
import { editionIdOf } from '../../src-core/edition/shared-edition';
import { EditionClient } from '../../src-renderer/edition/edition-client';
import { saveFixtureEdition } from '../support/edition-fixture';
import { chromiumAvailable } from '../support/browser';
import { NodeWebSocket } from '../support/node-websocket';
import { freePort, ServerProcess, token, until } from '../collab/support';
import { hostSession, openApp, openEdition, shot } from './workspace-support';

const FILE = 'day.banmian';

/** The fixture plan's edition with two more articles in its pool, on no page. */
async function editionWithPool(sandbox: string): Promise<EditionDocument> {
  const made = await saveFixtureEdition(sandbox, FILE);
  const spare = (id: string, headline: string) => ({ ...made.articles[0], id, headline, styleOverrides: undefined });
  const edition = { ...made, articles: [...made.articles, spare('daiyong', '待用稿件'), spare('beiyong', '备用稿件')] };
  writeFileSync(join(sandbox, FILE), serializeEdition(edition));
  return edition;
}

describe.skipIf(!chromiumAvailable())("the edition's pool on the server, in the overview", () => {
  let edition: EditionDocument;
  let server: ServerProcess;
  let chief: Page;
  let other: EditionClient;
  const tokens = { chief: '', li: '' };
  const web = hostSession({
    sandbox: 'banmian-edition-pool-',
    autosaveSeconds: 3600,
    prepare: async (sandbox) => {
      edition = await editionWithPool(sandbox);
      const usersFile = join(sandbox, 'users.json');
      tokens.chief = token(usersFile, '钱值班', '值班编辑');
      tokens.li = token(usersFile, '李组版', '组版');
      server = new ServerProcess(await freePort(), join(sandbox, 'data'), usersFile);
      await server.start();
    },
  });
  const { problems, sandbox } = web;

  beforeAll(async () => {
    chief = await openApp(web.browser, web.host.url, problems, { width: 1600, height: 1000 });
  });

  afterAll(async () => {
    other?.destroy();
    await server?.kill('SIGTERM');
  });

  it('publishes the edition, shows its unplaced articles, follows another desk, places one and saves from the server', async () => {
    const p = chief;
    await openEdition(p, FILE);
    await p.getByTestId('edition-server-url').fill(server.url);
    await p.getByTestId('edition-server-token').fill(tokens.chief);
    await p.getByTestId('edition-server-watch').click();
    await p.getByTestId('edition-pool-seed').click();
    const listed = p.getByTestId('edition-pool-article');
    await expect.poll(() => listed.allInnerTexts().then((t) => t.map((s) => s.split('\n')[0].trim()))).toEqual(['待用稿件', '备用稿件']);

    // another desk places 待用稿件 on page 2: it leaves this overview's list
    other = new EditionClient({ url: server.url, token: tokens.li, editionId: editionIdOf(edition)!, WebSocket: NodeWebSocket });
    await other.whenSynced();
    expect(other.unplaced()).toEqual(['daiyong', 'beiyong']);
    expect(await other.place('daiyong', 2)).toEqual({ ok: true });
    await expect.poll(() => listed.count()).toBe(1);

    // this desk places 备用稿件 on page 1; the other desk's pool is empty then
    await listed.first().locator('select').selectOption('1');
    await listed.first().getByTestId('edition-pool-place').click();
    await expect.poll(() => listed.count()).toBe(0);
    await until('the other desk sees it placed', () => other.unplaced().length === 0);
    await p.getByTestId('edition-pool-empty').waitFor();
    await shot(p, 'ui-edition-pool-1600.png');

    await p.getByTestId('edition-pool-save').click();
    await expect.poll(() => p.getByTestId('edition-notice').innerText()).toContain('已按服务器上的各版保存整期');
    const saved = parseEdition(readFileSync(join(sandbox, FILE), 'utf8'));
    if (!saved.ok) throw new Error(saved.en);
    expect(saved.edition.pages.find((pg) => pg.number === 1)!.articles).toContain('beiyong');
    expect(saved.edition.pages.find((pg) => pg.number === 2)!.articles).toContain('daiyong');
    expect(problems.filter((m) => !/WebSocket|ERR_CONNECTION_REFUSED|net::/.test(m))).toEqual([]);
  });
});
