import { FontRegistry } from '../../src-core/fonts/registry';
import type { FontFaceInfo, HostApi, HostResult } from '../../src-core/host-api';

/** CSS family under which a registry face is declared, so the SVG draws with the very file layout measured. */
export const cssFamily = (faceId: string): string => `bm-${faceId}`;

export interface LoadedFonts {
  registry: FontRegistry;
  faces: FontFaceInfo[];
}

const loads = new WeakMap<HostApi, Promise<HostResult<LoadedFonts>>>();

/**
 * Fetches every face the host offers, registers it for layout metrics, and declares the same bytes
 * to the browser through the CSS Font Loading API. Resolves when the browser can draw them. Runs
 * once per host (React StrictMode mounts effects twice); a failed load may be retried.
 *
 * `cssUrl`: where the host also serves a face's file over HTTP (the web host). The browser then
 * fetches and decodes it for drawing on a background thread while layout's copy is parsed here,
 * instead of decoding 50 MB of faces handed over as bytes on the main thread. The same file either way.
 */
export function loadHostFonts(host: HostApi, cssUrl?: (faceId: string) => string): Promise<HostResult<LoadedFonts>> {
  let load = loads.get(host);
  if (!load) {
    load = fetchAndDeclare(host, cssUrl);
    loads.set(host, load);
    const forget = () => void loads.delete(host);
    load.then((r) => !r.ok && forget(), forget);
  }
  return load;
}

async function fetchAndDeclare(host: HostApi, cssUrl?: (faceId: string) => string): Promise<HostResult<LoadedFonts>> {
  const listed = await host.listFonts();
  if (!listed.ok) return listed;
  if (listed.value.length === 0) return { ok: false, zh: '宿主程序没有提供任何字体', en: 'The host offers no fonts' };
  const declared: Promise<unknown>[] = [];
  const declare = (id: string, source: string | Uint8Array<ArrayBuffer>) => {
    const face = new FontFace(cssFamily(id), source, { style: 'normal', weight: 'normal', display: 'block' });
    document.fonts.add(face);
    declared.push(face.load());
  };
  if (cssUrl) for (const info of listed.value) declare(info.id, `url("${cssUrl(info.id)}")`);
  const bytes = await Promise.all(listed.value.map((f) => host.fontBytes(f.id)));
  const registry = new FontRegistry();
  for (let i = 0; i < listed.value.length; i++) {
    const info = listed.value[i];
    const got = bytes[i];
    if (!got.ok) return got;
    try {
      registry.addFace(got.value, info.family, info.bold, info.id);
    } catch (e) {
      return { ok: false, zh: `字体 ${info.id} 无法打开：${String(e)}`, en: `Font ${info.id} cannot be opened: ${String(e)}` };
    }
    // FontFace copies the bytes it is given, so the registry's copy stays intact.
    if (!cssUrl) declare(info.id, got.value as Uint8Array<ArrayBuffer>);
  }
  if (registry.hasFamily('song')) registry.defaultFamily = 'song';
  try {
    await Promise.all(declared);
  } catch (e) {
    return { ok: false, zh: `浏览器无法加载字体：${String(e)}`, en: `The browser cannot load the fonts: ${String(e)}` };
  }
  return { ok: true, value: { registry, faces: listed.value } };
}
