import { fileURLToPath } from 'node:url';

/**
 * Debian's fonts-noto-cjk (CFF-based OpenType collections: NotoSansCJK-Regular.ttc, NotoSerifCJK-
 * Regular.ttc, -Bold), unpacked by .ci/run into the project's own .cache — never installed
 * system-wide, so a browser cannot silently fall back to them and hide a missing-font bug.
 */
export const NOTO_CJK_DIR = fileURLToPath(new URL('../../.cache/test-fonts/usr/share/fonts/opentype/noto/', import.meta.url));
