import type { Role } from '../../src-core/model/proof';

/** Who is at this desk: the role chosen at start (组版, 校对, 值班编辑) and the person's name. */
export interface Identity {
  role: Role;
  name: string;
}

export const ROLES: { role: Role; zh: string; en: string; hint: string }[] = [
  { role: '组版', zh: '组版', en: 'Layout editor', hint: '排版、接受或拒绝修改 · arranges the page, accepts or rejects changes' },
  { role: '校对', zh: '校对', en: 'Proofreader', hint: '每处改动成为修改建议，版面只读 · every change is a tracked suggestion; the layout is read-only' },
  { role: '值班编辑', zh: '值班编辑', en: 'Duty editor', hint: '同组版，并可重新打开已签字的版面 · as the layout editor, and may reopen a signed page' },
];

const KEY = 'banmian.identity';

const isRole = (v: unknown): v is Role => ROLES.some((r) => r.role === v);

/**
 * The identity at start: `?role=校对&name=王岚` in the address (tests, a desk's shortcut), else the
 * one chosen last time on this machine, else 组版 without a name (the title bar asks for one).
 */
export function initialIdentity(): { identity: Identity; chosen: boolean } {
  try {
    const params = new URLSearchParams(window.location.search);
    const role = params.get('role');
    if (isRole(role)) return { identity: { role, name: params.get('name')?.trim().slice(0, 40) ?? '' }, chosen: true };
    const stored = JSON.parse(window.localStorage.getItem(KEY) ?? 'null') as Partial<Identity> | null;
    if (stored && isRole(stored.role) && typeof stored.name === 'string') return { identity: { role: stored.role, name: stored.name.slice(0, 40) }, chosen: true };
  } catch {
    // No storage (private window) or a damaged entry: start as 组版.
  }
  return { identity: { role: '组版', name: '' }, chosen: false };
}

export function rememberIdentity(identity: Identity): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(identity));
  } catch {
    // Remembering is a convenience.
  }
}

/** How a person signs: the name, or the role when no name was given. */
export const signature = (i: Identity): string => i.name.trim() || i.role;
