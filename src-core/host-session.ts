/**
 * The browser host's API answers only requests carrying its per-session secret in this header; the
 * index.html it serves hands the secret to the app in a <meta> of this name. A leaf module (no
 * imports), so the dev server's config can read it too.
 */
export const SESSION_HEADER = 'x-banmian-session';
export const SESSION_META = 'banmian-session';
