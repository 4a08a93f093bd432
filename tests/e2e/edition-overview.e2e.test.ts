/**
 * The edition overview (整期总览) in the app: an edition file written by `edition --save` (with a
 * fourth page given page 2's number by hand) opens as one thumbnail per page with its number, name,
 * status and counts, the shared number flagged; page 2 opens in the workspace, is edited and saved
 * back into the edition; reopened, the edit is there and page 1 is byte for byte as it was; the
 * shared number fixed from the overview (renumbered by the card, not by the number) and the jump
 * lines following a renumbered page.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseEdition, serializeEdition } from '../../src-core/edition/edition-file';
import type { EditionDocument } from '../../src-core/edition/edition';
import { gridGeometry } from '../../src-core/model/grid';
import { plainText } from '../../src-core/model/richtext';
import { readEditionFile, saveFixtureEdition } from '../support/edition-fixture';
import { chromiumAvailable } from '../support/browser';
import { clickCaret, fitPage, hostSession, openApp, openEdition, openStory, shot } from './workspace-support';

const FILE = 'day.banmian';


describe.skipIf(!chromiumAvailable())('the edition overview', () => {
  let page: Page;
  let original: EditionDocument;
  const web = hostSession({
    sandbox: 'banmian-overview-',
    prepare: async (sandbox) => {
      const ed = await saveFixtureEdition(sandbox, FILE);
      // a fourth page numbered 2 as well (as a hand edit or two desks renumbering at once leave it)
      ed.pages.push({ ...ed.pages[2], number: 2, name: '副刊', articles: [], images: [], blocks: [] });
      writeFileSync(join(sandbox, FILE), serializeEdition(ed));
      original = readEditionFile(join(sandbox, FILE));
    },
  });
  const { problems, sandbox } = web;

  beforeAll(async () => {
    page = await openApp(web.browser, web.host.url, problems, { width: 1600, height: 1000 });
  });

  it('shows every page as a thumbnail with its number, name and status, and flags the shared number', async () => {
    await openEdition(page, FILE);
    const cards = page.getByTestId('edition-page');
    await expect.poll(() => cards.count()).toBe(4);
    expect(await page.getByTestId('edition-page-name').allInnerTexts()).toEqual(['要闻', '综合', '副刊', '经济']);
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-number')))).toEqual(['1', '2', '2', '3']);
    expect(await cards.evaluateAll((els) => els.map((e) => e.hasAttribute('data-duplicate')))).toEqual([false, true, true, false]);
    expect(await page.getByTestId('edition-duplicates').innerText()).toContain('版次重复：第2版');
    expect(await page.getByTestId('edition-page-status').allInnerTexts()).toEqual(['组版中', '组版中', '组版中', '组版中']);
    // each thumbnail is the page drawn: page 1's carries its header and its articles' text
    expect(await cards.nth(0).locator('.edition-thumb > svg').count()).toBe(1);
    expect(await cards.nth(0).locator('.edition-thumb > svg text').count()).toBeGreaterThan(50);
    expect(await cards.nth(1).locator('.edition-thumb > svg').textContent()).toContain('综合');
    // the empty page has nothing overset and nothing to preflight-fail but its emptiness
    expect(await page.getByTestId('edition-page-overset').nth(2).getAttribute('data-count')).toBe('0');
    // the news hole as the CLI prints it: page 1's grid less its 3 × 30 ad, the empty page's whole grid
    const geo = gridGeometry(original.pages[0].page);
    const total = geo.columns * geo.rows;
    const hole = page.getByTestId('edition-page-news-hole');
    expect(await hole.evaluateAll((els) => els.map((e) => [e.getAttribute('data-free'), e.getAttribute('data-total')]))).toEqual(
      [[total - 90, total], expect.anything(), [total, total], expect.anything()].map((x) => (Array.isArray(x) ? x.map(String) : x)),
    );
    expect(await hole.first().innerText()).toBe(`新闻版面 ${Math.round(((total - 90) / total) * 100)}% · ${total - 90} 栏行`);
    await shot(page, 'ui-edition-overview-1600.png');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'ui-edition-overview-1366.png');
    await page.setViewportSize({ width: 1600, height: 1000 });
  });

  it('opens page 2 in the workspace, saves an edit back into the edition, and page 1 stays as it was', async () => {
    await page.getByTestId('edition-page').nth(1).locator('.edition-open').click();
    await page.getByTestId('edition-bar').waitFor();
    expect(await page.getByTestId('edition-overview').count()).toBe(0);
    expect(await page.title()).toContain('第2版 综合');
    const block = original.pages[1].blocks.find((b) => b.kind === 'article')!;
    await fitPage(page);
    await openStory(page, block.id);
    const body = page.getByTestId('story-body');
    await clickCaret(body.locator('p').first());
    await page.keyboard.press('Control+Home');
    // a sentence, more than the module's last line and any empty line can take: the page runs over (see the export below)
    await page.keyboard.type('晚间新增：市区主要路段车流平稳，交警部门加强夜间巡查，确保群众出行安全。');
    await expect.poll(() => page.getByTestId('dirty').count()).toBe(1);
    // back to the overview is refused while the page is unsaved: nothing is dropped unasked
    await page.getByTestId('edition-back').click();
    await page.getByTestId('notice').waitFor();
    expect(await page.getByTestId('edition-overview').count()).toBe(0);
    await shot(page, 'ui-edition-page-1600.png');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('dirty').count()).toBe(0);
    const saved = readEditionFile(join(sandbox, FILE));
    const articleId = (block as { articleId: string }).articleId;
    expect(plainText(saved.articles.find((a) => a.id === articleId)!.body).startsWith('晚间新增')).toBe(true);
    for (const i of [0, 2, 3]) expect(JSON.stringify(saved.pages[i])).toBe(JSON.stringify(original.pages[i]));
    for (const id of original.pages[0].articles) expect(JSON.stringify(saved.articles.find((a) => a.id === id))).toBe(JSON.stringify(original.articles.find((a) => a.id === id)));
    expect(JSON.stringify(saved.chains)).toBe(JSON.stringify(original.chains));
  });

  it('reopened after a reload, the edit is on page 2 and page 1 is unchanged', async () => {
    await page.getByTestId('edition-back').click();
    await page.getByTestId('edition-overview').waitFor();
    await page.reload();
    await page.waitForSelector('.status[data-state="ready"]');
    await openEdition(page, FILE);
    const cards = page.getByTestId('edition-page');
    await expect.poll(() => cards.count()).toBe(4);
    expect(await cards.nth(1).locator('.edition-thumb > svg').textContent()).toContain('晚间新增');
    expect(await cards.nth(0).locator('.edition-thumb > svg').textContent()).not.toContain('晚间新增');
    await cards.nth(1).locator('.edition-open').click();
    await page.getByTestId('edition-bar').waitFor();
    expect(await page.getByTestId('page').textContent()).toContain('晚间新增');
    expect(problems).toEqual([]);
  });

  it('renumbers the second page 2 from its card: the flag goes, the file is saved, and the jump lines follow a renumbered page', async () => {
    await page.getByTestId('edition-back').click();
    await page.getByTestId('edition-overview').waitFor();
    const cards = page.getByTestId('edition-page');
    const numbers = () => cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));
    const renumber = async (at: number, to: string) => {
      await cards.nth(at).getByTestId('edition-page-renumber').fill(to);
      await cards.nth(at).getByTestId('edition-page-renumber-ok').click();
    };
    expect(await cards.nth(0).locator('.edition-thumb > svg').textContent()).toContain('（下转第3版）');
    // 副刊 is the second page 2 (the third card): it alone becomes page 4
    await renumber(2, '4');
    await expect.poll(numbers).toEqual(['1', '2', '3', '4']);
    expect(await page.getByTestId('edition-page-name').allInnerTexts()).toEqual(['要闻', '综合', '经济', '副刊']);
    expect(await page.getByTestId('edition-duplicates').count()).toBe(0);
    expect(await page.getByTestId('edition-notice').getAttribute('data-kind')).toBe('info');
    let saved = parseEdition(readFileSync(join(sandbox, FILE), 'utf8'));
    if (!saved.ok) throw new Error(saved.en);
    expect(saved.edition.pages.map((p) => [p.name, p.number])).toEqual([['要闻', 1], ['综合', 2], ['经济', 3], ['副刊', 4]]);
    // 经济 (page 3, where the story from page 1 resumes) becomes page 5: page 1's 下转 line says so
    await renumber(2, '5');
    await expect.poll(numbers).toEqual(['1', '2', '4', '5']);
    await expect.poll(() => cards.nth(0).locator('.edition-thumb > svg').textContent()).toContain('（下转第5版）');
    expect(await cards.nth(3).locator('.edition-thumb > svg').textContent()).toContain('（上接第1版）');
    saved = parseEdition(readFileSync(join(sandbox, FILE), 'utf8'));
    if (!saved.ok) throw new Error(saved.en);
    expect(saved.edition.pages[2].number).toBe(5);
    await shot(page, 'ui-edition-renumbered-1600.png');
    // a number another page has is refused, and the file is left as it was
    const before = readFileSync(join(sandbox, FILE));
    await renumber(1, '1');
    await expect.poll(() => page.getByTestId('edition-notice').getAttribute('data-kind')).toBe('error');
    expect(await page.getByTestId('edition-notice').innerText()).toContain('第1版已经存在');
    expect(readFileSync(join(sandbox, FILE)).equals(before)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('导出整期 PDF writes every page\'s PDF and the combined one beside the edition, the progress reaching its end', async () => {
    // page 2 runs over since its edit: a preflight error, so the export asks first
    await page.getByTestId('edition-export').click();
    await page.getByTestId('edition-confirm').waitFor();
    expect(await page.getByTestId('edition-confirm').innerText()).toContain('第2版有印前错误');
    await page.getByTestId('edition-confirm-ok').click();
    const bar = page.getByTestId('edition-export-progress');
    await expect.poll(() => bar.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    expect([await bar.getAttribute('data-done'), await bar.getAttribute('data-total')]).toEqual(['5', '5']);
    expect(await page.getByTestId('edition-notice').getAttribute('data-kind')).toBe('info');
    const folder = join(sandbox, 'day-pdf');
    const names = ['20261203-01.pdf', '20261203-02.pdf', '20261203-04.pdf', '20261203-05.pdf', '20261203.pdf'];
    expect(readdirSync(folder).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(join(folder, n)).subarray(0, 5).toString(), n).toBe('%PDF-');
    expect(execFileSync('pdfinfo', [join(folder, '20261203.pdf')], { encoding: 'utf8' })).toMatch(/Pages:\s+4\n/);
    expect(execFileSync('pdftotext', [join(folder, '20261203-01.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('（下转第5版）');
    await shot(page, 'ui-edition-exported-1600.png');
    expect(problems).toEqual([]);
  });

  it('导出整期 with 校样 writes proof PDFs (the trimmed page: no bleed, no marks) into day-proof/', async () => {
    await page.getByTestId('edition-export-proof').check();
    await page.getByTestId('edition-export').click();
    await page.getByTestId('edition-confirm-ok').click();
    const bar = page.getByTestId('edition-export-progress');
    await expect.poll(() => bar.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    const folder = join(sandbox, 'day-proof');
    expect(readdirSync(folder).sort()).toEqual(['20261203-01.pdf', '20261203-02.pdf', '20261203-04.pdf', '20261203-05.pdf', '20261203.pdf']);
    const boxes = (f: string) => {
      const info = execFileSync('pdfinfo', ['-box', f], { encoding: 'utf8' });
      return ['MediaBox', 'TrimBox'].map((b) => info.match(new RegExp(`${b}:\\s+([^\\n]+)`))![1].trim());
    };
    for (const f of ['20261203-01.pdf', '20261203.pdf']) {
      const [media, trim] = boxes(join(folder, f));
      expect(media, f).toBe(trim);
    }
    const [printMedia, printTrim] = boxes(join(sandbox, 'day-pdf', '20261203-01.pdf'));
    expect(printMedia).not.toBe(printTrim);
    expect(problems).toEqual([]);
  });

  it('删版 of the page where the continued story resumes asks first naming the story, then its part is overset on page 1', async () => {
    const before = readEditionFile(join(sandbox, FILE));
    const chain = before.chains[0];
    const story = before.articles.find((a) => a.id === chain.article)!;
    const cards = page.getByTestId('edition-page');
    expect(await page.getByTestId('edition-page-overset').first().getAttribute('data-count')).toBe('0');
    await cards.nth(3).getByTestId('edition-page-delete').click();
    const question = await page.getByTestId('edition-confirm').innerText();
    expect(question).toContain(`删除第5版 经济`);
    expect(question).toContain(`《${story.headline}》在本版的部分回到第1版，成为溢排`);
    // 取消 changes nothing
    await page.getByTestId('edition-confirm-cancel').click();
    expect(await cards.count()).toBe(4);
    expect(readFileSync(join(sandbox, FILE), 'utf8')).toBe(serializeEdition(before));
    await cards.nth(3).getByTestId('edition-page-delete').click();
    await page.getByTestId('edition-confirm-ok').click();
    await expect.poll(() => cards.count()).toBe(3);
    await expect.poll(() => page.getByTestId('edition-page-overset').first().getAttribute('data-count')).toBe('1');
    const after = readEditionFile(join(sandbox, FILE));
    expect(after.pages.map((p) => p.number)).toEqual([1, 2, 4]);
    expect(after.chains).toEqual([]);
    expect(after.articles.find((a) => a.id === story.id)).toEqual(story);
    expect(problems).toEqual([]);
  });
});
