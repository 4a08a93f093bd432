import type { BanmianDocument } from '../../src-core/model/document';
import type { OpenedFile } from '../../src-core/edition/edition-file';
import { loadAnyFile, loadBanmianFile } from '../files/banmian-file';
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

/** A page file or an edition file, loaded and reported the same way (`export` takes both). */
export function openAnyFile(file: string): (OpenedFile & { ok: true }) | undefined {
  const loaded = loadAnyFile(file);
  if (!loaded.ok) {
    console.error(`${loaded.zh}\n${loaded.en}`);
    return undefined;
  }
  if (loaded.page) warnFittedBlocks(file, { document: loaded.page, fittedBlocks: loaded.fittedBlocks });
  return loaded;
}
