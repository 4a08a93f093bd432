/**
 * The 校对 panel shows what the importer changed in the author's text (已自动改正, issue 19): apart
 * from the checks, not counted in the 差错率, each with the copy's form and the new one, a jump to
 * the place and 还原 to put the copy's form back.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { shot, workspaceSession } from './workspace-support';

// A headline, then a body paragraph with a stray OCR space, straight quotes and a half-width comma:
// the importer makes 4 changes (the space removed, “ and ” made curly, the comma made full-width).
const COPY = '老旧小区改造推进会召开\n\n记者了解到，加装 电梯是"先民生后提升"的一步,要做好。\n';

describe.skipIf(!chromiumAvailable())('已自动改正 in the 校对 panel', () => {
  const s = workspaceSession();

  it('lists the import\'s changes apart, uncounted, and each jumps to its place and can be put back', async () => {
    const p = s.page;
    const status = p.getByTestId('status-error-rate');
    const statusBefore = await status.innerText();
    await status.click();
    await p.getByTestId('proof-panel').waitFor();
    const checks = p.getByTestId('finding');
    const checksBefore = await checks.count();

    await p.getByTestId('import-input').setInputFiles({ name: '改造.txt', mimeType: 'text/plain', buffer: Buffer.from(COPY) });
    const corrected = p.getByTestId('proof-corrected').getByTestId('corrected-finding');
    await expect.poll(() => corrected.count(), { timeout: 10_000 }).toBe(4);
    const texts = await corrected.allInnerTexts();
    expect(texts.some((t) => t.includes('原稿“,”→“，”'))).toBe(true);
    expect(texts.some((t) => t.includes('原稿“␣”→“（无）”'))).toBe(true);
    await shot(p, 'ui-proof-corrected.png');
    // Not errors: the checks and the 差错率 are as before (the imported text itself is clean).
    expect(await checks.count()).toBe(checksBefore);
    expect(await status.innerText()).toBe(statusBefore);

    const comma = corrected.filter({ hasText: '原稿“,”' });
    await comma.getByTestId('finding-jump').click();
    await p.getByTestId('story-editor').waitFor();
    await expect.poll(() => p.evaluate(() => document.getSelection()?.toString())).toBe('，');

    // 还原 puts the copy's half-width comma back, and the check then reports it as the error it is.
    await comma.getByTestId('finding-fix').click();
    await expect.poll(() => p.getByTestId('story-body').locator('p').first().innerText()).toContain('一步,要做好');
    await expect.poll(() => p.locator('[data-testid="finding"][data-rule="halfwidth-punctuation"]').count(), { timeout: 10_000 }).toBe(1);
  }, 60_000);
});
