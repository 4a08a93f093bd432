/**
 * A pane width this desk's user chose last time (localStorage: per browser profile in the web host,
 * per user profile in Electron). Remembering is a convenience: no storage, or a damaged entry,
 * gives the fallback.
 */

/** Widths beyond any screen are damage, not a choice. */
const WIDEST = 10_000;

export function rememberedWidth(key: string, fallback: number): number {
  try {
    const n = Number(window.localStorage.getItem(key));
    return Number.isFinite(n) && n > 0 && n <= WIDEST ? n : fallback;
  } catch {
    return fallback;
  }
}

export function rememberWidth(key: string, width: number): void {
  try {
    window.localStorage.setItem(key, String(Math.round(width)));
  } catch {
    // A private window without storage: the width lasts until the window closes.
  }
}
