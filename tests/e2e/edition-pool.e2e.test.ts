/**
 * The edition's pool through the server in Chromium (issue 17, item 6): the fixture edition with two
 * articles in its pool on no page. The duty editor's overview, pointed at the server, publishes the
 * edition (发布整期) and lists the two unplaced articles (稿库 · 待用); another desk (a Node client)
 * places one on page 2, and it leaves the overview's list at once; the overview places the other on
 * page 1 (放上), and the other desk sees the pool empty; 按服务器保存整期 writes the file from the
 * server: both placements are in it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EditionDocument } from '../../src-core/edition/edition';
import { parseEdition, serializeEdition } from '../../src-core/edition/edition-file';
import { editionIdOf } from '../../src-core/edition/shared-edition';
import { run as editionCommand } from '../../src-main/cli/commands/edition';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { EditionClient } from '../../src-renderer/edition/edition-client';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { NodeWebSocket } from '../support/node-websocket';
import { freePort, ServerProcess, token, until } from '../collab/support';
import { openApp, requireBuild, shot } from './workspace-support';

const FILE = 'day.banmian';

/** The fixture plan's edition with two more articles in its pool, on no page. */
async function editionWithPool(sandbox: string): Promise<EditionDocument> {
  const logs: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
  const code = await editionCommand(['tests/fixtures/edition/PLAN.json', '-o', join(sandbox, 'pdf'), '--save', join(sandbox, FILE)]);
  log.mockRestore();
  if (code !== 0) throw new Error(logs.join('\n'));
  const r = parseEdition(readFileSync(join(sandbox, FILE), 'utf8'));
  if (!r.ok) throw new Error(r.en);
  const spare = (id: string, headline: string) => ({ ...r.edition.articles[0], id, headline, styleOverrides: undefined });
  const edition = { ...r.edition, articles: [...r.edition.articles, spare('daiyong', '待用稿件'), spare('beiyong', '备用稿件')] };
  writeFileSync(join(sandbox, FILE), serializeEdition(edition));
  return edition;
}

describe.skipIf(!chromiumAvailable())("the edition's pool on the server, in the overview", () => {
  let sandbox: string;
  let edition: EditionDocument;
  let server: ServerProcess;
  let host: WebHost;
  let browser: Browser;
  let chief: Page;
  let other: EditionClient;
  const problems: string[] = [];
  const tokens = { chief: '', li: '' };

  beforeAll(async () => {
    requireBuild();
    sandbox = mkdtempSync(join(tmpdir(), 'banmian-edition-pool-'));
    edition = await editionWithPool(sandbox);
    const usersFile = join(sandbox, 'users.json');
    tokens.chief = token(usersFile, '钱值班', '值班编辑');
    tokens.li = token(usersFile, '李组版', '组版');
    server = new ServerProcess(await freePort(), join(sandbox, 'data'), usersFile);
    await server.start();
    host = await startWebHost({ port: 0, sandbox, autosaveSeconds: 3600 });
    browser = await launchChromium();
    chief = await openApp(browser, host.url, problems, { width: 1600, height: 1000 });
  }, 180_000);

  afterAll(async () => {
    other?.destroy();
    await browser?.close();
    await host?.close();
    await server?.kill('SIGTERM');
    rmSync(sandbox, { recursive: true, force: true });
  });

  it('publishes the edition, shows its unplaced articles, follows another desk, places one and saves from the server', async () => {
    const p = chief;
    await p.keyboard.press('Control+o');
    await p.getByTestId('dialog-file-name').fill(FILE);
    await p.getByTestId('dialog-ok').click();
    await p.getByTestId('edition-overview').waitFor();
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
