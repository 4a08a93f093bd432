import type { BanmianDocument } from '../../src-core/model/document';
import { loadBanmianFile } from '../files/banmian-file';
import { warnFittedBlocks } from './fitted-blocks';

/**
 * A command's .banmian input, loaded the one way every command loads it: a file that cannot be
 * read says why (zh + en) on stderr and gives undefined (the command exits 1); a page whose blocks
 * were fitted to its grid says so on stderr.
 */
export function openPage(file: string): { document: BanmianDocument } | undefined {
  const loaded = loadBanmianFile(file);
  if (!loaded.ok) {
    console.error(`${loaded.zh}\n${loaded.en}`);
    return undefined;
  }
  warnFittedBlocks(file, loaded);
  return loaded;
}
