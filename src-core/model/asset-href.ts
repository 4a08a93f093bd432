/**
 * The href a screen draws a picture asset with. A PDF ad's artwork is not drawn on screen (browsers
 * draw no PDF inside SVG): it shows as a frame of the page's proportions saying PDF and the ad's
 * name; the PDF writer embeds the page itself (src-core/pdf/pdf-artwork.ts).
 */
import type { ImageAsset } from './document';

/** A data: URL for the asset, or undefined when it has no data (the page draws its empty frame). */
export function assetHref(asset: ImageAsset): string | undefined {
  if (!asset.data) return undefined;
  if (asset.mime === 'application/pdf') return pdfPlaceholder(asset);
  return `data:${asset.mime};base64,${asset.data}`;
}

function pdfPlaceholder(asset: ImageAsset): string {
  const w = Math.max(1, asset.pixelWidth);
  const h = Math.max(1, asset.pixelHeight);
  const size = Math.min(w, h) / 8;
  const name = asset.name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}">` +
    `<rect x="0" y="0" width="${w}" height="${h}" fill="#f2f2f2" stroke="#888" stroke-width="${size / 10}"/>` +
    `<text x="${w / 2}" y="${h / 2 - size * 0.4}" font-size="${size * 1.6}" text-anchor="middle" font-family="sans-serif" fill="#666">PDF</text>` +
    `<text x="${w / 2}" y="${h / 2 + size * 1.2}" font-size="${size * 0.6}" text-anchor="middle" font-family="sans-serif" fill="#666">${name}</text>` +
    '</svg>';
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
