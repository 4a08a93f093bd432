import { HOST_API_METHODS, SESSION_HEADER, SESSION_META, type HostApi, type HostApiMethod, type HostResult, type MenuBridge } from '../src-core/host-api';

declare global {
  interface Window {
    /** The Electron preload bridge: exactly the HostApi methods, nothing else. */
    banmian?: HostApi;
    /** Commands from Electron's native menu. */
    banmianMenu?: MenuBridge;
  }
}

const networkError = <T>(method: string, e: unknown): HostResult<T> => ({
  ok: false,
  zh: `无法连接宿主程序（${method}）：${e instanceof Error ? e.message : String(e)}`,
  en: `Cannot reach the host (${method}): ${e instanceof Error ? e.message : String(e)}`,
});

/** The web host's per-session secret, which it writes into the index.html it serves. */
const sessionSecret = (): string => document.querySelector<HTMLMetaElement>(`meta[name="${SESSION_META}"]`)?.content ?? '';

/** The web host answers POST /api/<method> with a HostResult as JSON, or raw bytes for fontBytes. */
async function callWebHost<T>(method: HostApiMethod, args: unknown[]): Promise<HostResult<T>> {
  try {
    const response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: sessionSecret() },
      body: JSON.stringify(args),
    });
    const type = response.headers.get('Content-Type') ?? '';
    if (response.ok && type.startsWith('application/octet-stream')) {
      return { ok: true, value: new Uint8Array(await response.arrayBuffer()) as T };
    }
    const body = (await response.json()) as Partial<HostResult<T>> & { zh?: string; en?: string };
    if (body.ok === true) return body as HostResult<T>;
    return { ok: false, zh: body.zh ?? `宿主程序返回错误 ${response.status}`, en: body.en ?? `The host answered ${response.status}` };
  } catch (e) {
    return networkError(method, e);
  }
}

/** Every HostApi method as POST /api/<method> with its arguments as a JSON array. */
function webHostClient(): HostApi {
  return Object.fromEntries(HOST_API_METHODS.map((m) => [m, (...args: unknown[]) => callWebHost(m, args)])) as unknown as HostApi;
}

/** The native menu where there is one (Electron); the web host draws its menus in the page. */
export function nativeMenu(): MenuBridge | undefined {
  return window.banmian && window.banmianMenu ? window.banmianMenu : undefined;
}

/** The host this renderer runs in: the Electron preload bridge when present, else the local web host. */
export function connectHost(): HostApi {
  const bridge = window.banmian;
  if (bridge && HOST_API_METHODS.every((m) => typeof bridge[m] === 'function')) return bridge;
  return webHostClient();
}

export const hostKind = (): 'electron' | 'web' => (window.banmian ? 'electron' : 'web');
