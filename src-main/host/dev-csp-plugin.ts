import type { Plugin } from 'vite';
import { DEV_CONTENT_SECURITY_POLICY } from './csp.ts';

/** Swaps the CSP <meta> of index.html for the development policy, on the dev server only. */
export function devCspPlugin(): Plugin {
  return {
    name: 'banmian:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/, (_m, a: string, b: string) => a + DEV_CONTENT_SECURITY_POLICY + b);
    },
  };
}
