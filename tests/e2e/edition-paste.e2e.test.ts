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
    // a story of page 1 that is not continued, clicked at its titles (its picture may sit in its middle)
    const block = original.pages[0].blocks.find((b) => b.kind === 'article' && original.chains.every((c) => c.parts.every((p) => p.block !== b.id)))!;
    const headline = original.articles.find((a) => block.kind === 'article' && a.id === block.articleId)!.headline;
    await openEdition(page, FILE);
    await openPage(page, 0);
    const f = await frameOf(page, block.id);
    const at = await clientPoint(page, f.x + 12, f.y + 12);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.getByTestId('selection').getAttribute('data-block')).toBe(block.id);
    await page.keyboard.press('Control+c');
    await page.getByTestId('edition-back').click();
    await page.getByTestId('edition-overview').waitFor();
    await openPage(page, 2);
    const frames = page.locator('[data-testid="overlay"] g.frame');
    const before = await frames.count();
    await page.locator('[data-testid="viewport"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+v');
    await expect.poll(() => frames.count()).toBe(before + 1);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('dirty').count()).toBe(0);
    const saved = readEditionFile(join(sandbox, FILE));
    const pasted = saved.pages[2].blocks.filter((b) => b.kind === 'article' && !original.pages[2].blocks.some((o) => o.id === b.id));
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
