import type { ImageAsset } from './document';

/**
 * Imported pictures joining a page. The importer names a picture after its file (two files both
 * called image.png get the same id), so a different picture under an id the page already uses gets
 * an id of its own (`<id>-2`, `-3` …) instead of replacing that picture wherever it is placed; the
 * very same picture (same id, same bytes) is not stored twice. `ids`: each incoming picture's id on
 * the page, in order.
 */
export function mergeImportedImages(existing: readonly ImageAsset[], incoming: readonly ImageAsset[]): { added: ImageAsset[]; ids: string[] } {
  const byId = new Map(existing.map((img) => [img.id, img]));
  const added: ImageAsset[] = [];
  const ids: string[] = [];
  for (const img of incoming) {
    const there = byId.get(img.id);
    if (there && there.data === img.data) {
      ids.push(img.id);
      continue;
    }
    let id = img.id;
    for (let n = 2; byId.has(id); n++) id = `${img.id}-${n}`;
    const asset = id === img.id ? img : { ...img, id };
    byId.set(id, asset);
    added.push(asset);
    ids.push(id);
  }
  return { added, ids };
}
