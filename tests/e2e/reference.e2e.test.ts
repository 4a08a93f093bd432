import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { compareWithReference } from '../support/reference';
import { layout } from '../../src-core/layout/layout';
import { fontProvider } from '../../src-main/fonts/provider';
import { samplePage } from '../../bench/pages';
import { launchChromium } from '../support/browser';
import { renderLayoutPng } from '../support/render-page';



describe('reference images', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the laid-out sample page looks as it did when it was checked by eye', async () => {
    const pl = layout(samplePage(), { fonts: fontProvider().registry() });
    const png = await renderLayoutPng(browser, pl, 1);
    compareWithReference('luoyang-page.png', png, 0.002);
  });
});
