/**
 * The 校对 panel's findings wrap inside the panel: on the desk at 1366×768, after importing a day's
 * copy, every 已自动改正 line ran past the panel's edge (“原稿“（无）”→“——”” cut off, a sideways
 * scroll bar under the panel): the panel's buttons keep to one line, and a finding is a button.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { root, shot, workspaceSession } from './workspace-support';

const SAMPLE = join(root, 'assets', 'samples', 'luoyang-daily-page.txt');

describe.skipIf(!chromiumAvailable())('the 校对 panel at 1366×768', () => {
  const session = workspaceSession({ width: 1366, height: 768 });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('shows each auto-correction whole, wrapped within the panel; nothing scrolls sideways', async () => {
    await page.getByTestId('import-input').setInputFiles(SAMPLE);
    await page.getByTestId('proof-button').click();
    const findings = page.getByTestId('corrected-finding');
    await expect.poll(() => findings.count(), { timeout: 30_000 }).toBeGreaterThan(10);
    const first = await page.getByTestId('proof-corrected').locator('.msg').first().innerText();
    expect(first).toContain('→');
    const overflowing = await page.getByTestId('proof-panel').evaluate((panel) =>
      [panel, ...panel.querySelectorAll('*')].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'hidden').map((el) => `${el.tagName}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`),
    );
    expect(overflowing).toEqual([]);
    await shot(page, 'proof-findings-wrap-1366x768.png');
  });
});
