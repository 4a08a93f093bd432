import { FontRegistry } from '../../src-core/fonts/registry';
import type { FontFaceInfo, HostApi, HostResult } from '../../src-core/host-api';

/** CSS family under which a registry face is declared, so the SVG draws with the very file layout measured. */
export const cssFamily = (faceId: string): string => `bm-${faceId}`;

type Advances = (faceId: string) => ((cp: number) => number) | undefined;
const advances = new WeakMap<FontRegistry, Advances>();

/** The advances the browser draws a registry face's glyphs with (the same file), for pageToSvg. */
export function svgAdvance(registry: FontRegistry): Advances {
  let fn = advances.get(registry);
  if (!fn) {
    const perFace = new Map<string, (cp: number) => number>();
    fn = (faceId) => {
      let of = perFace.get(faceId);
      if (!of) {
        const face = registry.faceById(faceId);
        if (!face) return undefined;
        perFace.set(faceId, (of = (cp: number) => face.advance(cp)));
      }
      return of;
    };
    advances.set(registry, fn);
  }
  return fn;
}

export interface LoadedFonts {
  registry: FontRegistry;
  faces: FontFaceInfo[];
}

const loads = new WeakMap<HostApi, Promise<HostResult<LoadedFonts>>>();

/**
 * Fetches every face the host offers, registers it for layout metrics, and declares the same bytes
 * to the browser through the CSS Font Loading API. Resolves when the browser can draw them. Runs
 * once per host (React StrictMode mounts effects twice); a failed load may be retried.
 */
export function loadHostFonts(host: HostApi): Promise<HostResult<LoadedFonts>> {
  let load = loads.get(host);
  if (!load) {
    load = fetchAndDeclare(host);
    loads.set(host, load);
    const forget = () => void loads.delete(host);
    load.then((r) => !r.ok && forget(), forget);
  }
  return load;
}

async function fetchAndDeclare(host: HostApi): Promise<HostResult<LoadedFonts>> {
  const listed = await host.listFonts();
  if (!listed.ok) return listed;
  if (listed.value.length === 0) return { ok: false, zh: '宿主程序没有提供任何字体', en: 'The host offers no fonts' };
  const bytes = await Promise.all(listed.value.map((f) => host.fontBytes(f.id)));
  const registry = new FontRegistry();
  const declared: Promise<unknown>[] = [];
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
    const face = new FontFace(cssFamily(info.id), got.value as Uint8Array<ArrayBuffer>, { style: 'normal', weight: 'normal', display: 'block' });
    document.fonts.add(face);
    declared.push(face.load());
  }
  if (registry.hasFamily('song')) registry.defaultFamily = 'song';
  try {
    await Promise.all(declared);
  } catch (e) {
    return { ok: false, zh: `浏览器无法加载字体：${String(e)}`, en: `The browser cannot load the fonts: ${String(e)}` };
  }
  return { ok: true, value: { registry, faces: listed.value } };
}
