/**
 * Issue 19 in the app: the 整期总览 lists the findings across pages (a figure or a name written one
 * way on one page and another way on another) as their own list, each form with its pages, a page
 * opening on click; and a finding in the 报头 (masthead), which belongs to no article, is dismissed
 * with 忽略 in the 校对 panel, kept with the page when it is saved into the edition, and the page's
 * 差错率 counts without it, in the panel and on the overview's card.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { samplePage } from '../../bench/pages';
import { editionFromPage, parseEdition, serializeEdition } from '../../src-core/edition/edition-file';
import type { ArticleBlock } from '../../src-core/model/document';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { chromiumAvailable } from '../support/browser';
import { hostSession, openApp, openEdition, shot } from './workspace-support';

const FILE = 'two-ways.banmian';

/** Page 1 the sample with 2035年 and 书记谢峰 (twice) in one story; page 2 (经济) one story with 二〇三五年 and 书记谢锋; the masthead 洛阳的的日报 on both. */
function edition(): string {
  const doc = samplePage();
  const ed = editionFromPage({ ...doc, page: { ...doc.page, header: { ...doc.page.header, paperName: '洛阳的的日报' } } });
  const first = ed.pages[0];
  const one = { ...ed.articles[1], body: docFromParagraphs(['2035年全市投资增长。', '区委书记谢峰说，要抓项目。', '区委书记谢峰表示，要抓落实。']) };
  const two = { ...ed.articles[1], id: 'p2-a', headline: '经济观察', body: docFromParagraphs(['二〇三五年是关键一年。', '区委书记谢锋指出，要抓落实。']) };
  const block = first.blocks.find((b): b is ArticleBlock => b.kind === 'article' && b.articleId === one.id)!;
  return serializeEdition({
    ...ed,
    articles: [...ed.articles.map((a) => (a.id === one.id ? one : a)), two],
    pages: [{ ...first, number: 1 }, { ...first, number: 2, name: '经济', articles: ['p2-a'], images: [], blocks: [{ ...block, id: 'p2-block', articleId: 'p2-a' }] }],
  });
}

/** The list's count sits just after the heading's words, on their line, not at the list's right edge (where the panels' .count floats). */
async function expectCountBesideHeading(page: Page): Promise<void> {
  const list = page.getByTestId('edition-findings');
  const badge = list.getByTestId('edition-findings-count');
  expect(await badge.innerText()).toBe('2');
  const words = (await list.locator('h2 small').boundingBox())!;
  const count = (await badge.boundingBox())!;
  const box = (await list.boundingBox())!;
  const gap = count.x - (words.x + words.width);
  expect(gap).toBeGreaterThanOrEqual(0);
  expect(gap).toBeLessThan(16);
  expect(Math.abs(count.y + count.height / 2 - (words.y + words.height / 2))).toBeLessThan(6);
  expect(box.x + box.width - (count.x + count.width)).toBeGreaterThan(box.width / 2);
}

describe.skipIf(!chromiumAvailable())('the edition overview’s findings across pages, and a masthead finding dismissed', () => {
  const web = hostSession({ sandbox: 'banmian-edition-findings-', prepare: (dir) => writeFileSync(join(dir, FILE), edition()) });
  const { problems, sandbox } = web;
  let page: Page;

  beforeAll(async () => {
    page = await openApp(web.browser, web.host.url, problems, { width: 1600, height: 1000 });
  });

  it('lists the year and the name written two ways, each form with its pages', async () => {
    await openEdition(page, FILE);
    const list = page.getByTestId('edition-findings');
    await list.waitFor();
    const items = list.getByTestId('edition-finding');
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).toEqual(['number-two-ways', 'name-two-ways']);
    expect(await items.nth(0).innerText()).toMatch(/^数字两种写法\s*“2035年”\s*第1版\s*“二〇三五年”\s*第2版$/);
    expect(await items.nth(1).innerText()).toMatch(/^人名、地名两种写法\s*“谢峰”\s*第1版\s*“谢锋”\s*第2版$/);
    await expectCountBesideHeading(page);
    await shot(page, 'ui-edition-findings-1600.png');
    await page.setViewportSize({ width: 1366, height: 768 });
    await expectCountBesideHeading(page);
    await shot(page, 'ui-edition-findings-1366.png');
    await page.setViewportSize({ width: 1600, height: 1000 });
  });

  it('a page named in the list opens on click', async () => {
    await page.getByTestId('edition-finding').nth(1).locator('[data-testid="edition-finding-page"][data-number="2"]').click();
    await page.getByTestId('edition-bar').waitFor();
    expect(await page.getByTestId('edition-overview').count()).toBe(0);
    expect(await page.title()).toContain('第2版 经济');
  });

  it('忽略 on the masthead finding: it leaves the list, the 差错率 drops, the page keeps it in the edition and the card counts without it', async () => {
    const status = page.getByTestId('status-error-rate');
    await status.click();
    await page.getByTestId('proof-panel').waitFor();
    const masthead = page.locator('[data-testid="finding"][data-rule="doubled-character"]').filter({ hasText: '报头' });
    await expect.poll(() => masthead.count()).toBe(1);
    const rateBefore = await page.getByTestId('error-rate').innerText();
    await masthead.getByTestId('finding-dismiss').click();
    await expect.poll(() => masthead.count()).toBe(0);
    await expect.poll(() => page.getByTestId('error-rate').innerText()).not.toBe(rateBefore);
    // 的的 in the masthead counted 1 × 2 over the page area of 13,542 characters: 2 ÷ 13,542 × 10,000 = 1.48 fewer
    const per10k = (t: string): number => Number(/万分之 ([0-9.]+)/.exec(t)![1]);
    expect(per10k(rateBefore) - per10k(await page.getByTestId('error-rate').innerText())).toBeCloseTo(1.48, 2);
    await shot(page, 'ui-proof-masthead-dismissed.png');
    await expect.poll(() => page.getByTestId('dirty').count()).toBe(1);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('dirty').count()).toBe(0);
    const saved = parseEdition(readFileSync(join(sandbox, FILE), 'utf8'));
    if (!saved.ok) throw new Error(saved.en);
    expect((saved.edition.pages[1].proof as { header?: unknown }).header).toEqual({ dismissed: [{ rule: 'doubled-character', text: '的的' }] });
    expect((saved.edition.pages[0].proof as { header?: unknown } | undefined)?.header).toBeUndefined();
    // back on the overview, page 2's card counts without it and page 1's (undismissed) with it
    const panelRate = per10k(await page.getByTestId('error-rate').innerText());
    await page.getByTestId('edition-back').click();
    await page.getByTestId('edition-overview').waitFor();
    const cardRate = (n: number) => page.locator(`[data-testid="edition-page"][data-number="${n}"] [data-testid="edition-page-error-rate"]`).innerText();
    expect(Number(/差错率 ([0-9.]+)/.exec(await cardRate(2))![1])).toBeCloseTo(panelRate, 2);
    expect(problems).toEqual([]);
  });
});
