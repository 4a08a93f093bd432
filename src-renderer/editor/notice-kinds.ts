/**
 * The kinds of notice and how long each stays. An error the user must act on (a save that failed,
 * a file that cannot be read) stays until closed; a warning (input refused, nothing changed) and
 * information clear themselves.
 */
export type NoticeKind = 'info' | 'warning' | 'error';

/** Milliseconds a notice of each kind stays on screen; null: until the user closes it. */
export const NOTICE_LIFETIME_MS: Readonly<Record<NoticeKind, number | null>> = { info: 4000, warning: 6000, error: null };
