import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFontProvider } from '../../src-core/fonts/provider';
import { installedSource, listInstalledFonts } from '../../src-main/fonts/installed';
import { FONT_SOURCES } from '../../src-main/fonts/provider';
import { chromiumAvailable } from '../support/browser';
import { NOTO_CJK_DIR } from '../unit/test-fonts';
import { hostSession, openFitted, shot, type WorkspaceSession } from './workspace-support';

/** A font folder of the test's own: one good collection, and a truncated file, a WOFF2 and a Type 1 file the listing cannot use. */
const dir = mkdtempSync(join(tmpdir(), 'banmian-e2e-font-problems-'));
const noto = join(NOTO_CJK_DIR, 'NotoSerifCJK-Regular.ttc');
symlinkSync(noto, join(dir, 'good.ttc'));
writeFileSync(join(dir, 'cut.ttc'), readFileSync(noto).subarray(0, 4000));
writeFileSync(join(dir, 'web.woff2'), 'wOF2');
writeFileSync(join(dir, 'old.pfb'), '\x80\x01');

describe.skipIf(!chromiumAvailable())('the face picker names the installed font files that cannot be used', () => {
  const fonts = createFontProvider([...FONT_SOURCES, installedSource(() => listInstalledFonts([dir], { cacheFile: null }))]);
  const session = hostSession({ fonts }) as WorkspaceSession;
  beforeAll(async () => {
    session.page = await openFitted(session.browser, session.host.url, session.problems, { width: 1600, height: 1000 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('字样 shows their count in one line, which opens each file with why, zh then en; the good family is still listed', async () => {
    const page = session.page;
    await page.getByTestId('menu-layout').click();
    await page.locator('[data-command="layout.styles"]').click();
    await page.getByTestId('page-style-body-family-samples').click();
    const list = page.getByTestId('page-style-body-family-samples-list');
    const problems = page.getByTestId('page-style-body-family-samples-list-problems');
    await expect.poll(() => problems.locator('.font-problems-line').textContent()).toBe('3 个字体文件无法使用 · 3 font files cannot be used');
    expect(await list.locator('[role="option"]').allTextContents()).toContainEqual(expect.stringContaining('Noto Serif CJK SC'));
    await shot(page, 'font-problems-closed-1600.png');

    await problems.locator('.font-problems-line').click();
    const items = problems.locator('li');
    expect(await items.count()).toBe(3);
    const cut = items.filter({ hasText: 'cut.ttc' });
    expect(await cut.locator('.font-problem-zh').textContent()).toBe(`字体文件 ${join(dir, 'cut.ttc')} 被截断或已损坏（表超出文件末尾）`);
    expect(await cut.locator('.font-problem-en').textContent()).toBe(`Font file ${join(dir, 'cut.ttc')} is truncated or damaged (a table runs past its end)`);
    expect(await items.filter({ hasText: 'web.woff2' }).textContent()).toContain('网页字体（WOFF2），不受支持');
    expect(await items.filter({ hasText: 'old.pfb' }).textContent()).toContain('a Type 1 font, which is not supported');
    // zh first, then en, in each entry
    expect(await cut.locator('span').evaluateAll((spans) => spans.map((s) => s.className))).toEqual(['font-problem-zh', 'font-problem-en']);
    await shot(page, 'font-problems-open-1600.png');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'font-problems-open-1366.png');
    expect(session.problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
  });
});
