import type { Role } from '../model/proof';

export type { Role };

/** The three desks, in the order the UI lists them. */
export const ROLES: readonly Role[] = ['组版', '校对', '值班编辑'];

/**
 * Who owns the booked ads (广告) on a page: they move, change or delete them; everyone else finds them
 * locked (the server refuses a change). The app has no 广告部 role: the duty editor answers for the
 * ads the plan booked. A 校对 writes no layout at all.
 */
export const AD_OWNERS: readonly Role[] = ['值班编辑'];

/** Presence colour per role: cursors and name tags in the story editor and on the page canvas. */
export const ROLE_COLOURS: Readonly<Record<Role, string>> = {
  组版: '#1f6feb',
  校对: '#d1242f',
  值班编辑: '#8250df',
};

export const ROLE_NAMES_EN: Readonly<Record<Role, string>> = {
  组版: 'layout editor',
  校对: 'proofreader',
  值班编辑: 'duty editor',
};

const ALIASES: Readonly<Record<string, Role>> = {
  组版: '组版',
  layout: '组版',
  校对: '校对',
  proof: '校对',
  值班编辑: '值班编辑',
  chief: '值班编辑',
};

/** Accepts the Chinese name or `layout` / `proof` / `chief`. */
export function parseRole(text: string): Role | undefined {
  return ALIASES[text.trim()];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
