/**
 * Copy and paste between the pages of one edition (issue 18: "copy/cut/paste/duplicate … within a page
 * and between pages of one file"): a story's block copied on page 1 is pasted on page 3 as a story of
 * its own under the same headline, saved into the edition file; page 1 keeps its block.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EditionDocument } from '../../src-core/edition/edition';
import { readEditionFile, saveFixtureEdition } from '../support/edition-fixture';
import { chromiumAvailable } from '../support/browser';
import { clientPoint, fitPage, frameOf, hostSession, openApp, openEdition } from './workspace-support';

const FILE = 'day.banmian';


async function openPage(page: Page, index: number): Promise<void> {
  await page.getByTestId('edition-page').nth(index).locator('.edition-open').click();
  await page.getByTestId('edition-bar').waitFor();
  await fitPage(page);
}

describe.skipIf(!chromiumAvailable())('copy and paste between the pages of an edition', () => {
  let page: Page;
  let original: EditionDocument;
  const web = hostSession({
    sandbox: 'banmian-edition-paste-',
    prepare: async (sandbox) => {
      original = await saveFixtureEdition(sandbox, FILE);
    },
  });
  const { problems, sandbox } = web;

  beforeAll(async () => {
    page = await openApp(web.browser, web.host.url, problems, { width: 1600, height: 1000 });
  });

  it('a block copied on page 1 is pasted on page 3 as a story of its own, saved into the edition; page 1 keeps its block', async () => {
    // a story of page 1 that is not continued, clicked where none of its pictures is (one may sit in its middle, or over its titles: 图在题上)
    const block = original.pages[0].blocks.find((b) => b.kind === 'article' && original.chains.every((c) => c.parts.every((p) => p.block !== b.id)))!;
    const headline = original.articles.find((a) => block.kind === 'article' && a.id === block.articleId)!.headline;
    await openEdition(page, FILE);
    await openPage(page, 0);
    const f = await frameOf(page, block.id);
    const pictures = await Promise.all(original.pages[0].blocks.filter((b) => b.kind === 'image' && block.kind === 'article' && b.articleId === block.articleId).map((b) => frameOf(page, b.id)));
    const spots = [[f.x + 12, f.y + 12], [f.x + 12, f.y + f.height - 12], [f.x + f.width - 12, f.y + f.height - 12], [f.x + f.width - 12, f.y + 12]];
    const [sx, sy] = spots.find(([x, y]) => pictures.every((p) => x < p.x || x > p.x + p.width || y < p.y || y > p.y + p.height))!;
    const at = await clientPoint(page, sx, sy);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.getByTestId('selection').getAttribute('data-block')).toBe(block.id);
    await page.keyboard.press('Control+c');
    await page.getByTestId('edition-back').click();
    await page.getByTestId('edition-overview').waitFor();
    await openPage(page, 2);
    const frames = page.locator('[data-testid="overlay"] g.frame');
    // (room for the copy, as deep as page 1 sets it: page 3's own story taken off first, the 续 part beside it kept)
    const own = original.pages[2].blocks.find((b) => b.kind === 'article' && original.chains.every((c) => c.parts.every((p) => p.block !== b.id)))!;
    const g = await frameOf(page, own.id);
    const spot = await clientPoint(page, g.x + 12, g.y + g.height - 12);
    await page.mouse.click(spot.x, spot.y);
    await expect.poll(() => page.getByTestId('selection').getAttribute('data-block')).toBe(own.id);
    const all = await frames.count();
    await page.keyboard.press('Delete');
    await expect.poll(() => frames.count()).toBe(all - 1);
    const before = await frames.count();
    await page.locator('[data-testid="viewport"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+v');
    await expect.poll(() => frames.count()).toBe(before + 1);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('dirty').count()).toBe(0);
    const saved = readEditionFile(join(sandbox, FILE));
    const pasted = saved.pages[2].blocks.filter((b) => b.kind === 'article' && !original.pages[2].blocks.some((o) => o.id === b.id));
    expect(saved.pages[2].blocks.some((b) => b.id === own.id)).toBe(false);
    expect(pasted).toHaveLength(1);
    const story = saved.articles.find((a) => pasted[0].kind === 'article' && a.id === pasted[0].articleId)!;
    expect(story.headline).toBe(headline);
    expect(story.id).not.toBe(block.kind === 'article' ? block.articleId : '');
    expect(JSON.stringify(saved.pages[0].blocks)).toBe(JSON.stringify(original.pages[0].blocks));
  });

  it('logged no errors', () => {
    expect(problems).toEqual([]);
  });
});
