/**
 * Stands in for the `brotli/decompress.js` that fontkit imports for WOFF2 fonts (see the resolve
 * alias in vite.web.config.ts and electron.vite.config.ts). The window only ever registers the
 * TTF/OTF bytes the host offers, and brotli builds its 120 KB dictionary when the bundle is
 * evaluated: about 50 ms of every start. A WOFF2 font would be refused with this message.
 */
export default function decompress(): never {
  throw new Error('WOFF2 fonts are not read in the window: the host offers TTF or OTF faces');
}
