/**
 * 版面 → 移至第 N 版… in the app: the fixture edition (its story from page 1 continued on page 3)
 * with an empty page 4; on page 3 the continued part is selected and moved to page 4. The file
 * then has the part on page 4, the workspace's page 3 no longer shows it, 撤销 puts it back, and
 * after moving it again the overview's thumbnails and the exported PDFs (pdftotext) say
 * （下转第4版） on page 1 and （上接第1版） on page 4. Screenshots of the command at 1600×1000 and 1366×768.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseEdition, serializeEdition } from '../../src-core/edition/edition-file';
import type { EditionDocument } from '../../src-core/edition/edition';
import { saveFixtureEdition } from '../support/edition-fixture';
import { chromiumAvailable } from '../support/browser';
import { clickBlock, fitPage, hostSession, menu, movePartTo, openApp, openEdition, pageText, shot } from './workspace-support';

const FILE = 'day.banmian';
const squeeze = (s: string): string => s.replace(/\s+/g, '');

describe.skipIf(!chromiumAvailable())('moving a continued part to another page', () => {
  let page: Page;
  let original: EditionDocument;
  const web = hostSession({
    sandbox: 'banmian-move-',
    prepare: async (sandbox) => {
      const ed = await saveFixtureEdition(sandbox, FILE);
      const three = ed.pages[2];
      ed.pages.push({ ...three, number: 4, name: '副刊', page: { ...three.page, header: { ...three.page.header, pageNumber: '04' } }, articles: [], images: [], blocks: [] });
      writeFileSync(join(sandbox, FILE), serializeEdition(ed));
      original = ed;
    },
  });
  const { problems, sandbox } = web;
  const saved = (): EditionDocument => {
    const r = parseEdition(readFileSync(join(sandbox, FILE), 'utf8'));
    if (!r.ok) throw new Error(r.en);
    return r.edition;
  };
  const part = () => original.chains[0].parts[1].block;
  const holder = (ed: EditionDocument) => ed.pages.findIndex((p) => p.blocks.some((b) => b.id === part()));

  beforeAll(async () => {
    page = await openApp(web.browser, web.host.url, problems, { width: 1600, height: 1000 });
    await openEdition(page, FILE);
    await page.getByTestId('edition-page').nth(2).locator('.edition-open').click();
    await page.getByTestId('edition-bar').waitFor();
    await fitPage(page);
  });

  const moveTo = (to: string) => movePartTo(page, part(), to);

  it('版面 › 移至第 N 版… moves the selected part to page 4; 撤销 puts it back', async () => {
    expect(holder(original)).toBe(2);
    expect(squeeze(await pageText(page))).toContain('（上接第1版）');
    // the command, enabled for the part, in the 版面 menu; then the bar asks for the page
    await clickBlock(page, part());
    await page.getByTestId('menu-layout').click();
    const item = page.locator('[data-command="layout.movePart"]');
    expect(await item.isDisabled()).toBe(false);
    await shot(page, 'ui-edition-move-menu-1600.png');
    await item.click();
    await page.getByTestId('edition-move').waitFor();
    await shot(page, 'ui-edition-move-form-1600.png');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'ui-edition-move-form-1366.png');
    await page.getByTestId('edition-move-cancel').click();
    await page.getByTestId('menu-layout').click();
    await shot(page, 'ui-edition-move-menu-1366.png');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1600, height: 1000 });

    // page 2 (综合) lies before page 3 but after page 1: allowed; the same page is refused
    await moveTo('3');
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('已在第3版');
    expect(holder(saved())).toBe(2);

    await moveTo('4');
    await expect.poll(() => holder(saved())).toBe(3);
    expect(await page.getByTestId('notice').innerText()).toContain('已从第3版移至第4版');
    expect(await page.locator(`[data-testid="overlay"] g.frame[data-block="${part()}"]`).count()).toBe(0);
    expect(squeeze(await pageText(page))).not.toContain('（上接第1版）');
    expect(saved().chains).toEqual(original.chains);

    await page.keyboard.press('Control+z');
    await expect.poll(() => holder(saved())).toBe(2);
    await page.locator(`[data-testid="overlay"] g.frame[data-block="${part()}"]`).waitFor();
    expect(squeeze(await pageText(page))).toContain('（上接第1版）');
    expect(saved().pages[3].blocks).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('moved again, the overview and the exported PDFs say 下转第4版 on page 1 and 上接第1版 on page 4', async () => {
    await moveTo('4');
    await expect.poll(() => holder(saved())).toBe(3);
    await page.getByTestId('edition-back').click();
    await page.getByTestId('edition-overview').waitFor();
    const cards = page.getByTestId('edition-page');
    const thumb = (i: number) => cards.nth(i).locator('.edition-thumb > svg').textContent();
    await expect.poll(() => thumb(0)).toContain('（下转第4版）');
    expect(await thumb(3)).toContain('（上接第1版）');
    expect(await thumb(2)).not.toContain('（上接第1版）');
    await shot(page, 'ui-edition-moved-1600.png');

    await page.getByTestId('edition-export').click();
    if (await page.getByTestId('edition-confirm').count()) await page.getByTestId('edition-confirm-ok').click();
    const bar = page.getByTestId('edition-export-progress');
    await expect.poll(() => bar.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    const text = (n: string) => squeeze(execFileSync('pdftotext', [join(sandbox, 'day-pdf', n), '-'], { encoding: 'utf8' }));
    expect(text('20261203-01.pdf')).toContain('（下转第4版）');
    expect(text('20261203-04.pdf')).toContain('（上接第1版）');
    expect(text('20261203-03.pdf')).not.toContain('（上接第1版）');
    expect(problems).toEqual([]);
  });
});
