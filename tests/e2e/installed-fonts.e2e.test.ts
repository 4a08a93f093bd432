import { describe, expect, it } from 'vitest';
import { installedSource } from '../../src-main/fonts/installed';
import { chromiumAvailable } from '../support/browser';
import { workspaceSession } from './workspace-support';

/** The installed families this machine's web host lists, by the names the picker shows (zh first). */
const installedNames = [...new Set(installedSource().faces().map((f) => f.label!.zh))];

describe.skipIf(!chromiumAvailable() || installedNames.length === 0 || process.env.BANMIAN_INSTALLED_FONTS === '0')('the face picker lists the installed fonts', () => {
  const session = workspaceSession();

  it('shows the bundled roles first, then every installed family by its name, fetching none of them', async () => {
    const page = session.page;
    await page.getByTestId('menu-layout').click();
    await page.locator('[data-command="layout.styles"]').click();
    const options = await page.getByTestId('page-style-headline-family').locator('option').allTextContents();
    expect(options.slice(0, 4)).toEqual(['宋体', '黑体', '楷体', '标宋']);
    expect(options.slice(4)).toEqual(installedNames);
    // listing them fetched no installed face: only the eight bundled ones came through fontBytes
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === '/api/fontBytes').length);
    expect(fetched).toBe(8);
  });
});
