import type { BanmianDocument } from '../../src-core/model/document';
import { describeBlockFits, type BlockFit } from '../../src-core/model/fit-blocks';

/**
 * A page whose blocks ran past its grid (saved by an older build) was fitted on load, as the app
 * does when it opens it; the CLI says so on stderr so that scripts' stdout stays clean.
 */
export function warnFittedBlocks(file: string, loaded: { document: BanmianDocument; fittedBlocks?: BlockFit[] }): void {
  if (!loaded.fittedBlocks?.length) return;
  const note = describeBlockFits(loaded.fittedBlocks, loaded.document.page.grid.columns, loaded.document, 'file');
  console.error(`${file}：${note.zh}\n${file}: ${note.en}`);
}
