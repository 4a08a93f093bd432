import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { clientPoint, frameOf, menu, openApp, openStory, selectTwoCharacters, workspaceSession } from './workspace-support';
import { openHandPlacedPage } from './hand-placed-support';

/** The 组版's desk (issue 18): the 字号 combo, notices, keys, menus. */

// The article 均和云谷 (b-junhe-yungu) at the page foot; its headline contains this text.
const JUNHE = '二期项目封顶';

/** The font size (pt) the page SVG draws the first run containing `text` in: the model as laid out. */
async function sizeOf(page: Page, text: string): Promise<number> {
  return Number(await page.locator('[data-testid="page"] svg text', { hasText: text }).first().getAttribute('font-size'));
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

/**
 * Picks an entry of an input's datalist as the browser does when one is chosen from its list: the
 * whole text replaced and a plain `input` event (not typing). Headless Chromium draws no list popup.
 */
async function pickFromList(page: Page, testId: string, entry: string): Promise<void> {
  const input = page.getByTestId(testId);
  const options = await input.evaluate((el) => [...((el as HTMLInputElement).list?.options ?? [])].map((o) => o.value));
  expect(options).toContain(entry);
  await input.focus();
  await input.evaluate((el, value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, entry);
}

describe.skipIf(!chromiumAvailable())('the 字号 combo applies what is picked or typed, and keeps the focus', () => {
  const session = workspaceSession();
  let page: Page;
  beforeAll(async () => {
    page = session.page;
    await openHandPlacedPage(session);
    // A block selected: an Enter that leaked out of the field would open its story (稿件编辑).
    const f = await frameOf(page, 'b-junhe-yungu');
    const p = await clientPoint(page, f.x + f.width / 2, f.y + f.height - 20);
    await page.mouse.click(p.x, p.y);
    expect(await page.getByTestId('selection').getAttribute('data-block')).toBe('b-junhe-yungu');
    expect(await sizeOf(page, JUNHE)).toBe(24);
  });

  it('applies a size picked from its list at once, the focus staying in the field', async () => {
    await pickFromList(page, 'article-style-headline-size', '小二 18 pt');
    await expect.poll(() => sizeOf(page, JUNHE)).toBe(18);
    expect(await focusedTestId(page)).toBe('article-style-headline-size');
  });

  it('applies a 字号 name typed and Enter (小三 = 15 pt); Enter stays in the field', async () => {
    const input = page.getByTestId('article-style-headline-size');
    await input.click();
    await input.press('Control+a');
    await page.keyboard.type('小三');
    await page.keyboard.press('Enter');
    await expect.poll(() => sizeOf(page, JUNHE)).toBe(15);
    expect(await focusedTestId(page)).toBe('article-style-headline-size');
    expect(await input.inputValue()).toBe('小三 15 pt');
    expect(await page.getByTestId('story-editor').count()).toBe(0);
  });

  it('applies points typed next (14pt), not the size typed before', async () => {
    // The field kept the focus with its text selected: typing replaces it.
    await page.keyboard.type('14pt');
    await page.keyboard.press('Enter');
    await expect.poll(() => sizeOf(page, JUNHE)).toBe(14);
    expect(await page.getByTestId('article-style-headline-size').inputValue()).toBe('四号 14 pt');
    expect(await page.getByTestId('story-editor').count()).toBe(0);
    // Leaving the field applies nothing more.
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).not.toBe('article-style-headline-size');
    expect(await sizeOf(page, JUNHE)).toBe(14);
    expect(await page.getByTestId('notice').count()).toBe(0);
  });

  it('the page style’s combo (样式) works the same way', async () => {
    await page.getByTestId('tab-styles').click();
    const input = page.getByTestId('page-style-kicker-size');
    await input.click();
    await page.keyboard.type('小四');
    await page.keyboard.press('Enter');
    await expect.poll(() => input.inputValue()).toBe('小四 12 pt');
    expect(await focusedTestId(page)).toBe('page-style-kicker-size');
    await page.getByTestId('tab-properties').click();
  });
});

describe.skipIf(!chromiumAvailable())('notices clear themselves, unless they are errors to act on', () => {
  const session = workspaceSession();
  let page: Page;
  beforeAll(async () => {
    // A page of its own on a clock the test moves: no waiting for real seconds.
    page = await session.browser.newPage({ viewport: { width: 1440, height: 950 } });
    await page.clock.install();
    await page.goto(session.host.url);
    await page.waitForSelector('.status[data-state="ready"]', { timeout: 90_000 });
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  });

  it('a refused input (a 字号 it cannot read) is a warning that goes after its time', async () => {
    await page.getByTestId('menu-layout').click();
    await page.locator('[data-command="layout.styles"]').click();
    const input = page.getByTestId('page-style-headline-size');
    await input.click();
    await page.keyboard.type('大号');
    await page.keyboard.press('Enter');
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.getAttribute('data-kind')).toBe('warning');
    const lifetime = Number(await notice.getAttribute('data-lifetime'));
    expect(lifetime).toBeGreaterThan(1000);
    await page.clock.runFor(lifetime - 500);
    expect(await notice.count()).toBe(1);
    await page.clock.runFor(1000);
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('an error the user must act on (a file that cannot be opened) stays until closed', async () => {
    await menu(page, 'file', 'file.open');
    await page.getByTestId('dialog-open').waitFor();
    await page.getByTestId('dialog-file-name').fill('no-such-page.banmian');
    await page.getByTestId('dialog-ok').click();
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.getAttribute('data-kind')).toBe('error');
    expect(await notice.getAttribute('data-lifetime')).toBe('sticky');
    await page.clock.runFor(10 * 60_000);
    expect(await notice.count()).toBe(1);
    await notice.getByRole('button').click();
    expect(await notice.count()).toBe(0);
  });
});

describe.skipIf(!chromiumAvailable())('Escape, Ctrl+A and 新建版面 on the desk', () => {
  const session = workspaceSession();
  let page: Page;
  beforeAll(async () => {
    page = session.page;
    await openHandPlacedPage(session);
  });

  it('Escape closes an open menu, and only the menu (the selection stays)', async () => {
    const f = await frameOf(page, 'b-junhe-yungu');
    const p = await clientPoint(page, f.x + f.width / 2, f.y + f.height - 20);
    await page.mouse.click(p.x, p.y);
    await page.getByTestId('menu-edit').click();
    expect(await page.locator('.menu-items').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.locator('.menu-items').count()).toBe(0);
    expect(await page.getByTestId('selection').getAttribute('data-block')).toBe('b-junhe-yungu');
  });

  it('Escape closes the 自动组版 dialog wherever the focus is', async () => {
    await menu(page, 'layout', 'layout.makeUp');
    await page.getByTestId('dialog-makeup').waitFor({ timeout: 60_000 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('dialog-makeup').count()).toBe(0);
  });

  it('Ctrl+A with the page focused selects no window text', async () => {
    const f = await frameOf(page, 'b-junhe-yungu');
    const p = await clientPoint(page, f.x + f.width / 2, f.y + f.height - 20);
    await page.mouse.click(p.x, p.y);
    await page.keyboard.press('Control+a');
    expect(await page.evaluate(() => document.getSelection()?.toString() ?? '')).toBe('');
  });

  it('新建版面 opens the new page at its top, with the column guides on', async () => {
    const viewport = page.getByTestId('viewport');
    await page.getByTestId('tool-view.fitWidth').click();
    await viewport.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    expect(await viewport.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
    expect(await page.locator('[data-guide="columns"]').count()).toBe(0);
    await menu(page, 'file', 'file.new');
    await page.getByTestId('dialog-new-page').waitFor();
    await page.getByTestId('new-page-ok').click();
    await expect.poll(() => page.getByTestId('doc-title').innerText()).toContain('未命名');
    expect(await viewport.evaluate((el) => el.scrollTop)).toBe(0);
    expect(await page.locator('[data-guide="columns"]').count()).toBe(1);
  });
});

interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/** The fonts Chromium really drew an element's text with (DevTools' "Rendered fonts"). */
async function renderedFonts(page: Page, selector: string): Promise<PlatformFont[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    expect(nodeId, selector).toBeGreaterThan(0);
    return (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts;
  } finally {
    await cdp.detach();
  }
}

describe.skipIf(!chromiumAvailable())('the canvas’s own text is drawn in the bundled faces', () => {
  const session = workspaceSession();
  let page: Page;
  beforeAll(async () => {
    page = session.page;
    await openHandPlacedPage(session);
  });

  it('the tests see no Chinese system font: text in the system face has no Chinese glyphs to draw with', async () => {
    await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.id = 'system-font-probe';
      probe.style.fontFamily = 'system-ui, sans-serif';
      probe.textContent = '空行溢字';
      document.body.append(probe);
    });
    const fonts = await renderedFonts(page, '#system-font-probe');
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f.familyName).not.toMatch(/CJK|SC|TC|Hei|Song|Ming|WenQuanYi|Droid Sans Fallback/i);
  });

  it('空 N 行 / 溢 N 字 markers are drawn in a bundled face, every glyph', async () => {
    const marker = page.locator('[data-testid="overlay"] [data-marker="underset"] text, [data-testid="overlay"] [data-marker="overset"] text').first();
    expect(await marker.textContent()).toMatch(/^(空 \d+ 行|溢 \d+ 字)$/);
    const fonts = await renderedFonts(page, '[data-testid="overlay"] [data-marker="underset"] text, [data-testid="overlay"] [data-marker="overset"] text');
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, JSON.stringify(fonts)).toMatchObject({ isCustomFont: true, familyName: expect.stringMatching(/^Noto (Sans|Serif) SC/) });
  });

  it('the label of a block being dragged (N 栏 × M 行) is drawn in a bundled face', async () => {
    const f = await frameOf(page, 'b-junhe-yungu');
    const a = await clientPoint(page, f.x + f.width / 2, f.y + f.height - 20);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(a.x + 40, a.y - 40, { steps: 4 });
    await page.getByTestId('drag-preview').waitFor();
    const fonts = await renderedFonts(page, '[data-testid="drag-preview"] text');
    await page.keyboard.press('Escape');
    await page.mouse.up();
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font, JSON.stringify(fonts)).toMatchObject({ isCustomFont: true, familyName: expect.stringMatching(/^Noto (Sans|Serif) SC/) });
  });
});

describe.skipIf(!chromiumAvailable())('in 校对 mode the layout controls are disabled, with the reason as their tooltip', () => {
  const session = workspaceSession();
  let page: Page;
  const why = /校对模式下版面只读/;
  beforeAll(async () => {
    page = await openApp(session.browser, `${session.host.url}?role=校对&name=王岚`, session.problems);
    await page.getByTestId('tool-view.fitPage').click();
    const f = await frameOf(page, 'b-nanguan');
    const p = await clientPoint(page, f.x + f.width / 2, f.y + f.height / 2);
    await page.mouse.click(p.x, p.y);
    expect(await page.getByTestId('selection').getAttribute('data-block')).toBe('b-nanguan');
    await page.getByTestId('tab-properties').click();
  });

  it('the block’s and the page’s fields are disabled and say why; 编辑稿件 stays', async () => {
    for (const id of ['prop-col', 'prop-rows', 'prop-locked', 'page-body-size', 'article-style-headline-size']) {
      expect(await page.getByTestId(id).isDisabled(), id).toBe(true);
    }
    for (const lock of await page.getByTestId('layout-lock').all()) expect(await lock.getAttribute('title')).toMatch(why);
    expect(await page.getByRole('button', { name: '删除块' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '编辑稿件' }).isEnabled()).toBe(true);
    await page.getByTestId('tab-styles').click();
    expect(await page.getByTestId('page-style-headline-size').isDisabled()).toBe(true);
    await page.getByTestId('tab-properties').click();
  });

  it('the layout commands in the menus and the toolbar are disabled and say why', async () => {
    const rule = page.getByTestId('tool-layout.addRuleH');
    expect(await rule.isDisabled()).toBe(true);
    expect(await rule.getAttribute('title')).toMatch(why);
    await page.getByTestId('menu-layout').click();
    for (const id of ['layout.makeUp', 'layout.copyfit', 'layout.addBox', 'layout.columnRules']) {
      const item = page.locator(`[data-command="${id}"]`);
      expect(await item.isDisabled(), id).toBe(true);
      expect(await item.getAttribute('title'), id).toMatch(why);
    }
    // Not layout: the styles and page settings still open (to read).
    expect(await page.locator('[data-command="layout.styles"]').isEnabled()).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('menu-edit').click();
    expect(await page.locator('[data-command="edit.delete"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-command="edit.story"]').isEnabled()).toBe(true);
    await page.keyboard.press('Escape');
  });
});

describe.skipIf(!chromiumAvailable())('帮助 → 快捷键 lists the shortcuts', () => {
  const session = workspaceSession();

  it('lists the menus’ shortcuts and the story editor’s (Ctrl+B, ## ), and Escape closes it', async () => {
    const { page } = session;
    await menu(page, 'help', 'help.shortcuts');
    const dialog = page.getByTestId('dialog-shortcuts');
    await dialog.waitFor();
    const rows = await dialog.getByTestId('shortcut').allInnerTexts();
    const row = (keys: string) => rows.find((r) => r.split('\t')[0].trim() === keys.trim());
    expect(row('Ctrl+S'), rows.join('\n')).toMatch(/保存/);
    expect(row('Ctrl+B')).toMatch(/加粗/);
    expect(row('##')).toMatch(/小标题/);
    expect(row('Ctrl+Shift+K')).toMatch(/可删段落/);
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
  });

  it('the story editor’s keys listed do what the list says (Ctrl+B bold, Ctrl+I italic, not 导入)', async () => {
    const { page } = session;
    await openStory(page, 'b-nanguan');
    const body = page.getByTestId('story-body');
    await selectTwoCharacters(page);
    await page.keyboard.press('Control+b');
    await expect.poll(() => body.locator('strong').count()).toBeGreaterThan(0);
    // 导入稿件 (Ctrl+I outside the text) would open a file chooser.
    let choosers = 0;
    page.on('filechooser', () => choosers++);
    await page.keyboard.press('Control+i');
    await expect.poll(() => body.locator('em').count()).toBeGreaterThan(0);
    await page.getByTestId('story-editor').click({ position: { x: 5, y: 5 } });
    expect(choosers).toBe(0);
  });
});
