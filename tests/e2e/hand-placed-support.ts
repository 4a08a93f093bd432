import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { handPlacedPage } from '../../bench/pages';
import { serializeDocument } from '../../src-core/model/serialize';
import type { WorkspaceSession } from './workspace-support';

/**
 * For the workspace tests that arrange blocks in the free lines at the foot and name the positions
 * of the sample as it was placed by hand: that page (bench/pages.ts handPlacedPage, in the page's
 * styles) saved into the host's pages folder under the sample's name and opened with 文件 → 打开
 * (Ctrl+O), as a person would, with the whole page in view. The sample the app opens is made up
 * full to the foot (issue 16); these tests need room on the page.
 */
export async function openHandPlacedPage(session: WorkspaceSession): Promise<void> {
  const { page } = session;
  writeFileSync(join(session.host.sandbox, 'luoyang-page.banmian'), serializeDocument(handPlacedPage()));
  await page.keyboard.press('Control+o');
  await page.getByTestId('dialog-open').waitFor();
  await page.getByTestId('dialog-file-name').fill('luoyang-page.banmian');
  await page.getByTestId('dialog-ok').click();
  await page.getByTestId('dialog-open').waitFor({ state: 'detached' });
  // the hand-placed page has no ad: its frame gone, the page is the one opened
  await page.locator('[data-testid="overlay"] g.frame[data-block="ad-1"]').waitFor({ state: 'detached' });
  await page.getByTestId('tool-view.fitPage').click();
}
